package dev.lanes.data;

import dev.lanes.nn.Matrix;

/**
 * What is learned from the training rows of one fit and applied to every row the fit sees: the fill
 * value of each feature's missing cells (the training mean), which category columns the training rows
 * use (the others read 0, so an unseen category is all zeros), and the scaling of features and target.
 * Applied as views of the shared data set, never as copies.
 */
public final class Preprocessing {

    /**
     * Learns from {@code trainRows} of {@code data} only.
     *
     * @param features scaling of the numeric feature columns (category columns are never scaled)
     * @param target   scaling of the target
     */
    public static Preprocessing fit(Dataset data, int[] trainRows, Scaling features, Scaling target) {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** The given rows of the data set's features, filled and scaled: a view, not a copy. */
    public Matrix features(Dataset data, int[] rows) {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** The given rows of the data set's target, scaled: a view, not a copy. */
    public Matrix target(Dataset data, int[] rows) {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** Raw features with the data set's columns (e.g. new data to predict), filled and scaled. */
    public Matrix transformFeatures(Matrix raw) {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** A scaled target value back in the target's original units. */
    public double inverseTarget(double scaled) {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** How much one scaled target unit is in original units (for converting MSE: times its square). */
    public double targetUnit() {
        throw new UnsupportedOperationException("to be implemented");
    }
}
