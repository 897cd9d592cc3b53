package dev.lanes.data;

/** What an empty cell in a used column means. */
public enum MissingValues {
    /** Loading fails, naming file, line and column (the default). */
    ERROR,
    /** The row is left out. */
    DROP_ROW,
    /** The cell is filled with the column's mean over the training rows of each fit. */
    MEAN
}
