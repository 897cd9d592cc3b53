package dev.lanes.data;

/** What an empty cell (empty after trimming) in a used column means. */
public enum MissingValues {
    /** Loading fails, naming file, line and column (the default). */
    ERROR,
    /** The row is left out, also when the empty cell is the target's. */
    DROP_ROW,
    /**
     * The cell is filled with the column's mean over the training rows of each fit; an empty categorical
     * cell reads 0 in every category column. An empty target is still an error.
     */
    MEAN
}
