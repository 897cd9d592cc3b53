package dev.lanes.tune;

import dev.lanes.nn.Metric;
import dev.lanes.base.Suggestions;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a fit is scored on its test fold, in the target's original units and with its natural sign:
 * the errors (MSE, RMSE, MAE) are better when lower, R² when higher. Unlike scikit-learn there are no
 * negated scores: a best MSE of 2.8e9 reads as an MSE.
 */
public enum Scoring {
    /** Mean squared error, in squared target units. */
    MSE(Metric.MSE),
    /** Root mean squared error, in target units. */
    RMSE(Metric.RMSE),
    /** Mean absolute error, in target units. */
    MAE(Metric.MAE),
    /** Coefficient of determination, unit-free; higher is better. */
    R2(Metric.R2);

    private final Metric metric;

    Scoring(Metric metric) {
        this.metric = metric;
    }

    /** The metric computed on the scaled predictions. */
    public Metric metric() {
        return metric;
    }

    /** True for R², false for the errors. */
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
     * A score computed on a target scaled as {@code (y - shift) / unit} back in original units: an MSE
     * times {@code unit²}, an RMSE or MAE times {@code unit}; R² does not change under an affine scaling.
     *
     * @param unit how much one scaled target unit is in original units
     */
    public double toOriginalUnits(double scaledScore, double unit) {
        switch (this) {
            case MSE:
                return scaledScore * unit * unit;
            case RMSE:
            case MAE:
                return scaledScore * unit;
            default:
                return scaledScore;
        }
    }

    /**
     * By name, ignoring case: {@code mse}, {@code rmse}, {@code mae}, {@code r2}.
     *
     * @throws IllegalArgumentException for any other name, listing the valid ones
     */
    public static Scoring fromName(String name) {
        String key = name.strip().toUpperCase(Locale.ROOT);
        for (Scoring s : values()) {
            if (s.name().equals(key)) {
                return s;
            }
        }
        List<String> valid = Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.toList());
        throw new IllegalArgumentException(Suggestions.unknownName("scoring", name, valid)
                + " (errors are lower-is-better, r2 higher-is-better; no negated scores)");
    }
}
