package dev.lanes.data;

/**
 * One split of a data set: the rows to train on and the rows to test on, as row indices of the data
 * set. The arrays are owned by the fold and must not be modified.
 */
public record Fold(int[] train, int[] test) {
}
