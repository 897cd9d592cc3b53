package dev.lanes.maven;

import java.io.File;
import java.util.List;

/**
 * The {@code <dataset>} element of the plugin's configuration: which CSV file to read and how. Maven
 * fills the fields by name; {@link JobFactory} checks them.
 *
 * <pre>{@code
 * <dataset>
 *   <file>data/california_housing.csv</file>
 *   <target>median_house_value</target>
 *   <exclude>total_bedrooms,ocean_proximity</exclude>
 * </dataset>
 * }</pre>
 */
public class DatasetConfig {

    /** The CSV file, relative to the project's base directory. Required. */
    File file;

    /** The column to predict. Required. */
    String target;

    /** The feature columns to use, in order; by default every column but the target. */
    List<String> include;

    /** Columns to leave out (applied after {@link #include}). */
    List<String> exclude;

    /** The field delimiter: one character, or {@code tab}; detected from the header when not set. */
    String delimiter;

    /** What an empty cell in a used column means: {@code error} (default), {@code drop_row} or {@code mean}. */
    String missing;

    /** Text columns to one-hot encode. */
    List<String> categorical;
}
