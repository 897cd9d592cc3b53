package dev.lanes.data;

import dev.lanes.base.InputColumn;
import dev.lanes.base.Matrix;

import java.io.Serial;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A regression data set loaded once and shared, read-only, by every fit: features and target as
 * row-major float32 matrices.
 *
 * <p>Numeric feature columns hold their values, with NaN for an empty cell when the policy is
 * {@link MissingValues#MEAN}. A categorical column becomes one 0/1 column per category found in the
 * whole file (in the rows kept), named {@code column=category} and sorted by category; an empty
 * categorical cell reads 0 in all of them. {@link Preprocessing} zeroes the category columns a fold's
 * training rows never saw, so categories are in effect learned from training rows only.
 *
 * <p>Immutable, so any number of fits may read it at once from different threads. Serializable, so that
 * a cluster can send it to the JVMs that run the fits: the serial form is the columns, the values and
 * the source as text.
 */
public final class Dataset implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Path source;
    private final List<InputColumn> columns;
    private final List<String> featureNames;
    private final boolean[] categoryColumns;
    private final float[] featureValues;
    private final String targetName;
    private final float[] targetValues;
    private final Matrix features;
    private final Matrix target;
    private final int droppedRows;

    /**
     * A data set over these arrays, which it owns from now on: {@code features} row-major with one
     * column per feature of {@code columns}, {@code target} one value per row.
     */
    Dataset(Path source, List<InputColumn> columns, float[] features, String targetName, float[] target,
            int droppedRows) {
        this.source = Objects.requireNonNull(source, "source");
        this.columns = List.copyOf(columns);
        this.featureNames = InputColumn.featureNames(columns);
        this.categoryColumns = new boolean[featureNames.size()];
        int at = 0;
        for (InputColumn c : columns) {
            for (int k = 0; k < c.width(); k++) {
                categoryColumns[at++] = c.categorical();
            }
        }
        this.featureValues = features;
        this.targetName = Objects.requireNonNull(targetName, "targetName");
        this.targetValues = target;
        this.features = Matrix.wrap(target.length, featureNames.size(), features);
        this.target = Matrix.wrap(target.length, 1, target);
        this.droppedRows = droppedRows;
    }

    /**
     * Reads {@code csv} as {@code spec} says.
     *
     * <p>The file is UTF-8 (a byte-order mark is skipped) with a header row; its column names are
     * trimmed and must be unique. The delimiter is {@code spec}'s, or the comma, semicolon or tab found
     * most often outside quotes in the header line (ties in that order). Fields may be quoted, with the
     * delimiter, quotes ({@code ""}) or line breaks inside; lines may end in LF or CRLF; empty and blank
     * lines are skipped. Cells are trimmed. A numeric cell is a decimal number: optional sign, digits
     * with an optional decimal point, optional exponent ({@code 12}, {@code -0.5}, {@code 1.5e-3});
     * hex floats, type suffixes ({@code 1f}), {@code NaN}, {@code Infinity}, {@code inf} and values
     * beyond the float32 range are errors.
     *
     * <p>An empty cell (after trimming) in a used column follows {@code spec.missing()}: {@code ERROR}
     * fails; {@code DROP_ROW} leaves the row out, also when it is the target that is empty; {@code MEAN}
     * stores NaN in a numeric column (filled per fit by {@link Preprocessing}) and zeros in a categorical
     * one's columns, but an empty target is still an error, since there is nothing to learn from the row.
     * Unused columns are never looked at, whatever they hold.
     *
     * <p>Feature columns are {@code spec.include()} in that order (or every column but the target in file
     * order) minus {@code spec.exclude()}; a categorical column's 0/1 columns take its place.
     *
     * <p>Every message starts with the path as given: {@code data.csv: ...} for the file as a whole,
     * {@code data.csv:LINE: ...} for a row and {@code data.csv:LINE:COLUMN (name): 'value' ...} for a
     * cell, where LINE is the 1-based physical line the record starts on (the header is line 1, quoted
     * line breaks count) and COLUMN is the 1-based field position.
     *
     * @throws DataException for a missing, unreadable or empty file, a header without data rows, an
     *                       undetectable delimiter, duplicate column names, an unknown column name (with a
     *                       "did you mean" and the list of columns), a target that is also a feature or
     *                       categorical, a row with the wrong number of fields, a used cell that is not a
     *                       finite number (unless categorical), an empty cell the policy does not allow,
     *                       or no rows left after dropping
     */
    public static Dataset load(Path csv, DataSpec spec) {
        Objects.requireNonNull(csv, "csv");
        Objects.requireNonNull(spec, "spec");
        return DatasetReader.read(csv, spec);
    }

    /** The file it was read from. */
    public Path source() {
        return source;
    }

    /** Number of rows (after any dropped for missing values). */
    public int rows() {
        return targetValues.length;
    }

    /**
     * The file's columns that the features come from, in matrix order, each numeric or categorical with
     * the categories found: what a saved model needs to read raw rows ({@link Preprocessing#toScalers}).
     */
    public List<InputColumn> columns() {
        return columns;
    }

    /** Names of the feature columns, in matrix order (one-hot columns as {@code column=category}). */
    public List<String> featureNames() {
        return featureNames;
    }

    /** Name of the target column. */
    public String targetName() {
        return targetName;
    }

    /** For each feature column, whether it is a one-hot category column (never scaled); a copy. */
    public boolean[] categoryColumns() {
        return categoryColumns.clone();
    }

    /** The features, rows x featureNames().size(). */
    public Matrix features() {
        return features;
    }

    /** The target, rows x 1, in its original units. */
    public Matrix target() {
        return target;
    }

    /** Rows dropped because of empty cells (policy {@link MissingValues#DROP_ROW}), 0 otherwise. */
    public int droppedRows() {
        return droppedRows;
    }

    /** The feature values, row-major, for statistics over many rows; not to be modified. */
    float[] featureValues() {
        return featureValues;
    }

    /** The target values, one per row, for statistics; not to be modified. */
    float[] targetValues() {
        return targetValues;
    }

    /** Whether feature column {@code column} is a one-hot category column, without a copy. */
    boolean isCategory(int column) {
        return categoryColumns[column];
    }

    @Override
    public String toString() {
        return "Dataset[" + source + ": " + rows() + " rows, " + featureNames.size() + " features, target "
                + targetName + (droppedRows == 0 ? "" : ", " + droppedRows + " rows dropped") + "]";
    }

    @Serial
    private Object writeReplace() {
        return new Form(source.toString(), columns, featureValues, targetName, targetValues, droppedRows);
    }

    /** The serial form: what the constructor takes, the path as its text. */
    private record Form(String source, List<InputColumn> columns, float[] features, String targetName, float[] target,
                        int droppedRows) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        @Serial
        private Object readResolve() {
            return new Dataset(Path.of(source), columns, features, targetName, target, droppedRows);
        }
    }
}
