package dev.lanes.data;

/** How a column is rescaled, with statistics fitted on training rows only. */
public enum Scaling {
    /** {@code (v - mean) / std} (population std; a constant column gets std 1). */
    STANDARD,
    /** {@code (v - min) / (max - min)} (a constant column maps to 0). */
    MINMAX,
    /** Values as they are. */
    NONE
}
