package dev.lanes.tune;

import dev.lanes.base.Names;
import dev.lanes.nn.Metric;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a fit is scored on its test fold, in the target's original units and with its natural sign:
 * the errors (MSE, RMSE, MAE, MAPE, MSLE, max and median absolute error) are better when lower, R² and
 * explained variance when higher. Unlike scikit-learn
 * there are no negated scores: a best MSE of 2.8e9 reads as an MSE.
 */
public enum Scoring {
    /** Mean squared error, in squared target units. */
    MSE(Metric.MSE),
    /** Root mean squared error, in target units. */
    RMSE(Metric.RMSE),
    /** Mean absolute error, in target units. */
    MAE(Metric.MAE),
    /** Mean absolute percentage error, in percent of the true values (Keras' convention). */
    MAPE(Metric.MAPE),
    /** Mean squared logarithmic error of the values in target units; needs targets and predictions > -1. */
    MSLE(Metric.MSLE),
    /** Coefficient of determination, unit-free; higher is better. */
    R2(Metric.R2),
    /** Explained variance (scikit-learn's {@code explained_variance}), unit-free; higher is better. */
    EXPLAINED_VARIANCE(Metric.EXPLAINED_VARIANCE),
    /** The largest absolute error (scikit-learn's {@code max_error}), in target units. */
    MAX_ERROR(Metric.MAX_ERROR),
    /** The median absolute error (scikit-learn's {@code median_absolute_error}), in target units. */
    MEDIAN_ABSOLUTE_ERROR(Metric.MEDIAN_ABSOLUTE_ERROR);

    private final Metric metric;

    Scoring(Metric metric) {
        this.metric = metric;
    }

    /** The metric this scoring computes. */
    public Metric metric() {
        return metric;
    }

    /** The name used in results and configuration: {@code mse}, {@code rmse}, ... */
    public String shortName() {
        return metric.shortName();
    }

    /** True for R² and explained variance, false for the errors. */
    public boolean greaterIsBetter() {
        return metric.greaterIsBetter();
    }

    /** Whether score {@code a} is strictly better than {@code b} (NaN is never better, and anything beats NaN). */
    public boolean isBetter(double a, double b) {
        if (Double.isNaN(a)) {
            return false;
        }
        if (Double.isNaN(b)) {
            return true;
        }
        return greaterIsBetter() ? a > b : a < b;
    }

    /**
     * The score of predictions against the true values, both on a target scaled as
     * {@code (y - origin) / unit}, in the target's original units.
     *
     * <p>MSE, RMSE, MAE, the max and median absolute errors, R² and explained variance are computed on
     * the scaled values and converted (an MSE times {@code unit²}, an RMSE or an absolute error times
     * {@code unit}, R² and explained variance unchanged under an affine scaling), which
     * saves a pass and keeps the scores of earlier versions to the bit. MAPE and MSLE are not affine-
     * invariant, so they are computed on the values mapped back to original units.
     */
    public double score(float[] predicted, float[] actual, double origin, double unit) {
        int rows = actual.length;
        switch (this) {
            case MAPE:
            case MSLE:
                return metric.compute(original(predicted, rows, origin, unit), 0, original(actual, rows, origin, unit), 0,
                        rows, 1);
            default:
                return toOriginalUnits(metric.compute(predicted, 0, actual, 0, rows, 1), unit);
        }
    }

    private double toOriginalUnits(double scaledScore, double unit) {
        switch (this) {
            case MSE:
                return scaledScore * unit * unit;
            case RMSE:
            case MAE:
            case MAX_ERROR:
            case MEDIAN_ABSOLUTE_ERROR:
                return scaledScore * unit;
            default:
                return scaledScore;
        }
    }

    private static float[] original(float[] scaled, int rows, double origin, double unit) {
        float[] out = new float[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = (float) (scaled[i] * unit + origin);
        }
        return out;
    }

    /**
     * By name, by the one name rule of {@link Names} (case and underscores aside): {@code mse}, {@code rmse},
     * {@code mae}, {@code mape}, {@code msle}, {@code r2}, {@code explained_variance}, {@code max_error},
     * {@code median_absolute_error}.
     *
     * @throws IllegalArgumentException for any other name, listing the valid ones
     */
    public static Scoring fromName(String name) {
        List<String> valid = Arrays.stream(values()).map(Scoring::shortName).collect(Collectors.toList());
        try {
            return values()[valid.indexOf(Names.canonical("scoring", name, valid))];
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage()
                    + " (errors are lower-is-better, r2 and explained_variance higher-is-better; no negated scores)");
        }
    }
}
