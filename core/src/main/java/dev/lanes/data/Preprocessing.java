package dev.lanes.data;

import dev.lanes.base.Matrix;
import dev.lanes.base.Scalers;

import java.util.Objects;

/**
 * What is learned from the training rows of one fit and applied to every row the fit sees: the fill
 * value of each feature's missing cells (the training mean), which category columns the training rows
 * use (the others read 0, so an unseen category is all zeros), and the scaling of features and target.
 * Applied as views of the shared data set, never as copies.
 *
 * <p>Per numeric feature: the fill is the mean of the training values that are present (0 when none
 * is); scaling statistics are then taken over the filled training values, so {@link Scaling#STANDARD}
 * uses their mean and population standard deviation (1 when it is 0) and {@link Scaling#MINMAX} their
 * minimum and range (1 when it is 0). Category columns are never scaled: each reads as it is when at
 * least one training row has a 1 in it, and 0 otherwise, so a category the training rows never saw
 * contributes nothing, like an unknown category. The target gets its own scaling the same way.
 *
 * <p>Immutable and thread-safe.
 */
public final class Preprocessing {

    private final int cols;
    private final float[] fill;
    private final float[] scale;
    private final float[] shift;
    private final ColumnScaling target;

    private Preprocessing(float[] fill, float[] scale, float[] shift, ColumnScaling target) {
        this.cols = fill.length;
        this.fill = fill;
        this.scale = scale;
        this.shift = shift;
        this.target = target;
    }

    /**
     * Learns from {@code trainRows} of {@code data} only.
     *
     * @param features scaling of the numeric feature columns (category columns are never scaled)
     * @param target   scaling of the target
     * @throws IllegalArgumentException when {@code trainRows} is empty
     * @throws IndexOutOfBoundsException when a row is not a row of {@code data}
     */
    public static Preprocessing fit(Dataset data, int[] trainRows, Scaling features, Scaling target) {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(target, "target");
        if (trainRows.length == 0) {
            throw new IllegalArgumentException("Preprocessing needs at least one training row");
        }
        for (int r : trainRows) {
            Objects.checkIndex(r, data.rows());
        }
        int cols = data.featureNames().size();
        float[] values = data.featureValues();
        float[] fill = new float[cols];
        float[] scale = new float[cols];
        float[] shift = new float[cols];
        for (int c = 0; c < cols; c++) {
            if (data.isCategory(c)) {
                scale[c] = seen(values, cols, c, trainRows) ? 1f : 0f;
            } else {
                fill[c] = (float) presentMean(values, cols, c, trainRows);
                ColumnScaling s = ColumnScaling.fit(features, values, cols, c, trainRows, fill[c]);
                scale[c] = (float) s.scale();
                shift[c] = (float) s.shift();
            }
        }
        ColumnScaling y = ColumnScaling.fit(target, data.targetValues(), 1, 0, trainRows, 0f);
        return new Preprocessing(fill, scale, shift, y);
    }

    /** The given rows of the data set's features, filled and scaled: a view, not a copy. */
    public Matrix features(Dataset data, int[] rows) {
        return transformFeatures(data.features().select(rows));
    }

    /** The given rows of the data set's target, scaled: a view, not a copy. */
    public Matrix target(Dataset data, int[] rows) {
        return data.target().select(rows)
                .transform(new float[] {(float) target.scale()}, new float[] {(float) target.shift()});
    }

    /**
     * Raw features with the data set's columns (e.g. new data to predict), filled and scaled.
     *
     * @throws IllegalArgumentException when {@code raw} has another number of columns
     * @throws IllegalStateException when {@code raw} is already a filled or transformed view
     */
    public Matrix transformFeatures(Matrix raw) {
        if (raw.cols() != cols) {
            throw new IllegalArgumentException("Preprocessing was fitted on " + cols + " feature columns, got "
                    + raw.cols());
        }
        return raw.fillMissing(fill).transform(scale, shift);
    }

    /** A scaled target value back in the target's original units. */
    public double inverseTarget(double scaled) {
        return scaled * target.unit() + target.origin();
    }

    /** How much one scaled target unit is in original units (for converting MSE: times its square). */
    public double targetUnit() {
        return target.unit();
    }

    /** The original target value that a scaled target of 0 stands for. */
    public double targetOrigin() {
        return target.origin();
    }

    /**
     * This preprocessing as {@link Scalers} for the columns of {@code data}, to be saved with a model
     * ({@link dev.lanes.nn.Model#withScalers}) so that it predicts raw data.
     */
    public Scalers toScalers(Dataset data) {
        if (data.featureNames().size() != cols) {
            throw new IllegalArgumentException("Preprocessing was fitted on " + cols + " feature columns, the data set has "
                    + data.featureNames().size());
        }
        return new Scalers(data.columns(), fill, scale, shift, data.targetName(), target.origin(), target.unit());
    }

    private static boolean seen(float[] values, int cols, int c, int[] rows) {
        for (int r : rows) {
            if (values[r * cols + c] != 0f) {
                return true;
            }
        }
        return false;
    }

    /** Mean of the non-NaN values of column c over rows, 0 when there are none. */
    private static double presentMean(float[] values, int cols, int c, int[] rows) {
        double sum = 0;
        int n = 0;
        for (int r : rows) {
            float v = values[r * cols + c];
            if (v == v) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /**
     * One column's scaling as {@code scaled = (v - origin) / unit}: origin the mean or minimum, unit the
     * standard deviation or range (1 when it would be 0), or 0 and 1 for {@link Scaling#NONE}.
     */
    private record ColumnScaling(double origin, double unit) {

        /** Statistics of column c over rows, NaN read as {@code fill}. */
        static ColumnScaling fit(Scaling kind, float[] values, int cols, int c, int[] rows, float fill) {
            return switch (kind) {
                case STANDARD -> standard(values, cols, c, rows, fill);
                case MINMAX -> minMax(values, cols, c, rows, fill);
                case NONE -> new ColumnScaling(0, 1);
            };
        }

        /** Mean and population standard deviation, in two passes so large offsets cost no precision. */
        private static ColumnScaling standard(float[] values, int cols, int c, int[] rows, float fill) {
            double sum = 0;
            for (int r : rows) {
                sum += filled(values[r * cols + c], fill);
            }
            double mean = sum / rows.length;
            double squares = 0;
            for (int r : rows) {
                double d = filled(values[r * cols + c], fill) - mean;
                squares += d * d;
            }
            double std = Math.sqrt(squares / rows.length);
            return new ColumnScaling(mean, std == 0 ? 1 : std);
        }

        private static ColumnScaling minMax(float[] values, int cols, int c, int[] rows, float fill) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int r : rows) {
                double v = filled(values[r * cols + c], fill);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            return new ColumnScaling(min, max == min ? 1 : max - min);
        }

        private static double filled(float v, float fill) {
            return v == v ? v : fill;
        }

        double scale() {
            return 1 / unit;
        }

        double shift() {
            return -origin / unit;
        }
    }
}
