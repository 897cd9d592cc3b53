package dev.lanes.nn;

import dev.lanes.base.Names;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A regression metric, computed in double on row-major {@code rows x outputs} predictions and targets.
 *
 * <p>MSE, RMSE, MAE, MAPE and MSLE average over every element, as Keras' metrics of those names do
 * (RMSE is the square root of that mean); MAPE and MSLE clip exactly as the losses in {@link Losses}.
 * {@link #R2} is the coefficient of determination per output column, averaged uniformly over the
 * columns, following scikit-learn's {@code r2_score} (see there for the degenerate cases).
 * {@link #EXPLAINED_VARIANCE}, {@link #MAX_ERROR} and {@link #MEDIAN_ABSOLUTE_ERROR} are
 * scikit-learn's metrics of those names; Keras has none of them.
 *
 * <p>A NaN in the predictions or the targets makes every metric NaN.
 */
public enum Metric {

    /** Mean squared error. */
    MSE("mean_squared_error", "mse") {
        @Override
        double computeChecked(float[] p, int pOff, float[] y, int tOff, int rows, int outputs, int n) {
            return Losses.meanSquaredError().value(p, pOff, y, tOff, n);
        }
    },

    /** Root of the mean squared error over all elements. */
    RMSE("root_mean_squared_error", "rmse") {
        @Override
        double computeChecked(float[] p, int pOff, float[] y, int tOff, int rows, int outputs, int n) {
            return Math.sqrt(Losses.meanSquaredError().value(p, pOff, y, tOff, n));
        }
    },

    /** Mean absolute error. */
    MAE("mean_absolute_error", "mae") {
        @Override
        double computeChecked(float[] p, int pOff, float[] y, int tOff, int rows, int outputs, int n) {
            return Losses.meanAbsoluteError().value(p, pOff, y, tOff, n);
        }
    },

    /** Mean absolute percentage error, in percent, with Keras' {@code max(|y|, 1e-7)} denominator. */
    MAPE("mean_absolute_percentage_error", "mape") {
        @Override
        double computeChecked(float[] p, int pOff, float[] y, int tOff, int rows, int outputs, int n) {
            return Losses.meanAbsolutePercentageError().value(p, pOff, y, tOff, n);
        }
    },

    /** Mean squared logarithmic error, with Keras' clipping of values below {@code 1e-7}. */
    MSLE("mean_squared_logarithmic_error", "msle") {
        @Override
        double computeChecked(float[] p, int pOff, float[] y, int tOff, int rows, int outputs, int n) {
            return Losses.meanSquaredLogarithmicError().value(p, pOff, y, tOff, n);
        }
    },

    /**
     * Coefficient of determination: per output column {@code 1 - SS_res / SS_tot}, averaged over the
     * columns (Keras' {@code R2Score} and scikit-learn's {@code r2_score} with
     * {@code multioutput="uniform_average"}).
     *
     * <p>Degenerate cases follow scikit-learn's default {@code force_finite=True}: a column whose
     * targets are constant ({@code SS_tot = 0}) scores 1 when its predictions are exact
     * ({@code SS_res = 0}) and 0 otherwise, instead of NaN or -Infinity. (Keras agrees on the 0 but
     * returns NaN for the exact case.) Fewer than two rows give NaN, as in scikit-learn, since R² is
     * not defined there. These replacements never hide a broken model: a NaN anywhere gives NaN, and an
     * infinite prediction gives -Infinity even for a constant column.
     */
    R2("r2_score", "r2") {
        @Override
        double computeChecked(float[] p, int pOff, float[] y, int tOff, int rows, int outputs, int n) {
            if (rows < 2) {
                return Double.NaN;
            }
            return explainedShare(p, pOff, y, tOff, rows, outputs, false);
        }
    },

    /**
     * Explained variance, per output column {@code 1 - Var(y - p) / Var(y)}, averaged over the columns:
     * scikit-learn's {@code explained_variance_score} with {@code multioutput="uniform_average"} and
     * {@code force_finite=True} (a column whose residuals are constant scores 1, one whose targets
     * alone are constant 0). Unlike R² it ignores a constant offset of the predictions. Keras has no
     * such metric.
     */
    EXPLAINED_VARIANCE("explained_variance_score", "explained_variance") {
        @Override
        double computeChecked(float[] p, int pOff, float[] y, int tOff, int rows, int outputs, int n) {
            return explainedShare(p, pOff, y, tOff, rows, outputs, true);
        }
    },

    /**
     * The largest absolute error over every element: scikit-learn's {@code max_error} (which takes one
     * output only; here the maximum runs over all outputs). Keras has no such metric.
     */
    MAX_ERROR("max_error", "max_error") {
        @Override
        double computeChecked(float[] p, int pOff, float[] y, int tOff, int rows, int outputs, int n) {
            double max = 0;
            for (int i = 0; i < n; i++) {
                // Math.max keeps a NaN.
                max = Math.max(max, Math.abs((double) y[tOff + i] - p[pOff + i]));
            }
            return max;
        }
    },

    /**
     * The median absolute error per output column (the mean of the two middle errors for an even
     * count, as numpy's median), averaged over the columns: scikit-learn's
     * {@code median_absolute_error} with {@code multioutput="uniform_average"}. Robust to outliers.
     * Keras has no such metric.
     */
    MEDIAN_ABSOLUTE_ERROR("median_absolute_error", "median_absolute_error") {
        @Override
        double computeChecked(float[] p, int pOff, float[] y, int tOff, int rows, int outputs, int n) {
            double[] errors = new double[rows];
            double sum = 0;
            for (int c = 0; c < outputs; c++) {
                for (int r = 0; r < rows; r++) {
                    errors[r] = Math.abs((double) y[tOff + r * outputs + c] - p[pOff + r * outputs + c]);
                    if (Double.isNaN(errors[r])) {
                        return Double.NaN;
                    }
                }
                Arrays.sort(errors);
                sum += rows % 2 == 1 ? errors[rows / 2] : (errors[rows / 2 - 1] + errors[rows / 2]) / 2;
            }
            return sum / outputs;
        }
    };

    private static final Map<String, Metric> BY_NAME = byName();

    private final String kerasName;
    private final String shortName;

    Metric(String kerasName, String shortName) {
        this.kerasName = kerasName;
        this.shortName = shortName;
    }

    private static Map<String, Metric> byName() {
        Map<String, Metric> m = new LinkedHashMap<>();
        for (Metric metric : values()) {
            m.put(metric.kerasName, metric);
            m.put(metric.shortName, metric);
            m.put(metric.name(), metric);
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * The Keras name, e.g. {@code root_mean_squared_error}; for the metrics Keras lacks, scikit-learn's
     * function name ({@code max_error}).
     */
    public String kerasName() {
        return kerasName;
    }

    /** The short name, e.g. {@code rmse}. */
    public String shortName() {
        return shortName;
    }

    /** True for {@link #R2} and {@link #EXPLAINED_VARIANCE}: every other metric is an error to minimize. */
    public boolean greaterIsBetter() {
        return this == R2 || this == EXPLAINED_VARIANCE;
    }

    /**
     * The metric by its Keras name ({@code mean_squared_error}), short name ({@code mse}) or constant
     * name ({@code MSE}, which is also a Keras alias), by the name rule of {@link Names}.
     *
     * @throws IllegalArgumentException for any other name; the message suggests the closest valid name
     *                                  and lists them all
     */
    public static Metric fromName(String name) {
        Objects.requireNonNull(name, "metric name");
        return BY_NAME.get(Names.canonical("metric", name, BY_NAME.keySet()));
    }

    /**
     * The metric of {@code rows x outputs} predictions against targets, both row-major starting at
     * their offsets.
     *
     * @throws IllegalArgumentException when {@code rows} or {@code outputs} is not positive
     */
    public double compute(float[] predicted, int pOff, float[] target, int tOff, int rows, int outputs) {
        if (rows <= 0 || outputs <= 0) {
            throw new IllegalArgumentException(
                    "A metric needs rows > 0 and outputs > 0 but got rows=" + rows + ", outputs=" + outputs);
        }
        // The row-major index arithmetic must not wrap around.
        int n = Math.multiplyExact(rows, outputs);
        return computeChecked(predicted, pOff, target, tOff, rows, outputs, n);
    }

    abstract double computeChecked(float[] p, int pOff, float[] y, int tOff, int rows, int outputs, int n);

    /**
     * Per output column {@code 1 - SS_res / SS_tot} ({@link #columnScore}), averaged over the columns;
     * with {@code centred} the residuals are taken about their mean (explained variance), otherwise as
     * they are (R²). Two passes, means first, unlike Keras' sum-of-squares form, so the sums do not lose
     * their digits when the targets are far from zero.
     */
    private static double explainedShare(float[] p, int pOff, float[] y, int tOff, int rows, int outputs,
                                         boolean centred) {
        double sum = 0;
        for (int c = 0; c < outputs; c++) {
            double meanY = 0;
            double meanE = 0;
            for (int r = 0; r < rows; r++) {
                double t = y[tOff + r * outputs + c];
                meanY += t;
                meanE += t - p[pOff + r * outputs + c];
            }
            meanY /= rows;
            meanE = centred ? meanE / rows : 0;
            double ssRes = 0;
            double ssTot = 0;
            for (int r = 0; r < rows; r++) {
                double t = y[tOff + r * outputs + c];
                double e = t - p[pOff + r * outputs + c] - meanE;
                double d = t - meanY;
                ssRes += e * e;
                ssTot += d * d;
            }
            // Centred, an infinite prediction makes the mean residual infinite and every residual NaN.
            sum += centred && Double.isNaN(ssRes) && Double.isInfinite(meanE) ? Double.NEGATIVE_INFINITY
                    : columnScore(ssRes, ssTot);
        }
        return sum / outputs;
    }

    private static double columnScore(double ssRes, double ssTot) {
        if (Double.isNaN(ssRes) || Double.isNaN(ssTot)) {
            return Double.NaN;
        }
        if (ssTot != 0) {
            return 1 - ssRes / ssTot;
        }
        if (ssRes == 0) {
            return 1;
        }
        return Double.isInfinite(ssRes) ? Double.NEGATIVE_INFINITY : 0;
    }
}
