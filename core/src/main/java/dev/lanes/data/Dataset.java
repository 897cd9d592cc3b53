package dev.lanes.data;

import dev.lanes.nn.Matrix;

import java.nio.file.Path;
import java.util.List;

/**
 * A regression data set loaded once and shared, read-only, by every fit: features and target as
 * row-major float32 matrices.
 *
 * <p>Numeric feature columns hold their values, with NaN for an empty cell when the policy is
 * {@link MissingValues#MEAN}. A categorical column becomes one 0/1 column per category found in the
 * whole file, named {@code column=category} and sorted by category; {@link Preprocessing} zeroes the
 * ones a fold's training rows never saw, so categories are in effect learned from training rows only.
 */
public final class Dataset {

    // Filled in by the data implementation: see load().

    /**
     * Reads {@code csv} as {@code spec} says.
     *
     * @throws DataException naming the file, line, column and value for any problem in the data, or the
     *                       missing file, or the unknown column (listing the columns)
     */
    public static Dataset load(Path csv, DataSpec spec) {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** The file it was read from. */
    public Path source() {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** Number of rows (after any dropped for missing values). */
    public int rows() {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** Names of the feature columns, in matrix order (one-hot columns as {@code column=category}). */
    public List<String> featureNames() {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** Name of the target column. */
    public String targetName() {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** For each feature column, whether it is a one-hot category column (never scaled). */
    public boolean[] categoryColumns() {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** The features, rows x featureNames().size(). */
    public Matrix features() {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** The target, rows x 1, in its original units. */
    public Matrix target() {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** Rows dropped because of empty cells (policy {@link MissingValues#DROP_ROW}), 0 otherwise. */
    public int droppedRows() {
        throw new UnsupportedOperationException("to be implemented");
    }
}
