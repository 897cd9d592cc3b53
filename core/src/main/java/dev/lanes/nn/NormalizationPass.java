package dev.lanes.nn;

import java.util.Arrays;

/**
 * The forward and backward pass of one dense layer's {@link Normalization}, on statistics buffers
 * allocated once. The forward pass is Keras' {@code x * s + t} with {@code s = gamma / sqrt(var + epsilon)}
 * and {@code t = beta - mean * s}; the statistics are summed in double. Batch normalization normalizes
 * each unit over the rows (in training with the batch's statistics, else with the moving ones), layer
 * normalization each row over the units.
 *
 * <p>The backward pass is the exact gradient of the training-mode forward pass, through the mean and
 * variance: with {@code xhat = (x - mean) / sqrt(var + epsilon)} and n values per statistic,
 * {@code dx = gamma / sqrt(var + epsilon) * (dy - sum(dy) / n - xhat * sum(dy * xhat) / n)};
 * {@code dgamma} and {@code dbeta} are the column sums of {@code dy * xhat} and {@code dy}.
 */
final class NormalizationPass {

    private final int units;
    private final boolean batch;
    private final float epsilon;
    private final float momentum;
    private final int gamma;
    private final int beta;
    private final int movingMean;
    private final int movingVariance;
    /** The mean and 1 / sqrt(var + epsilon) of the last forward pass: per unit (batch) or per row (layer). */
    private final float[] mean;
    private final float[] inverse;
    /** A batch normalization's per-unit scale and shift of the last forward pass. */
    private final float[] scale;
    private final float[] shift;
    /** Per-unit sums in double, reused by every pass. */
    private final double[] sum;
    private final double[] sumProduct;

    NormalizationPass(Layout layout, int l, int maxBatch) {
        Normalization n = layout.normalization[l];
        units = layout.width[l];
        batch = n instanceof BatchNormalization;
        epsilon = (float) n.epsilon();
        momentum = n instanceof BatchNormalization b ? (float) b.momentum() : 0f;
        gamma = layout.gamma[l];
        beta = layout.beta[l];
        movingMean = layout.movingMean[l];
        movingVariance = layout.movingVariance[l];
        int statistics = batch ? units : maxBatch;
        mean = new float[statistics];
        inverse = new float[statistics];
        scale = new float[units];
        shift = new float[units];
        sum = new double[units];
        sumProduct = new double[units];
    }

    /**
     * {@code y = normalize(x)} for {@code rows} rows; a batch normalization in training also moves its
     * moving statistics in {@code params} towards the batch's.
     */
    void forward(float[] params, int rows, boolean training, float[] x, float[] y) {
        if (!batch) {
            rowStatistics(rows, x);
        } else if (training) {
            columnStatistics(params, rows, x);
        } else {
            for (int j = 0; j < units; j++) {
                mean[j] = params[movingMean + j];
                inverse[j] = (float) (1 / Math.sqrt(params[movingVariance + j] + epsilon));
            }
        }
        if (batch) {
            // one scale and shift per unit, the same for every row
            for (int j = 0; j < units; j++) {
                scale[j] = scale(params, j, j);
                shift[j] = shift(params, j, j, scale[j]);
            }
            for (int r = 0; r < rows; r++) {
                for (int j = 0, i = r * units; j < units; j++, i++) {
                    y[i] = x[i] * scale[j] + shift[j];
                }
            }
            return;
        }
        for (int r = 0; r < rows; r++) {
            for (int j = 0, i = r * units; j < units; j++, i++) {
                float s = scale(params, r, j);
                y[i] = x[i] * s + shift(params, r, j, s);
            }
        }
    }

    /** Keras' {@code s = gamma / sqrt(var + epsilon)} of unit j, the statistics those of index k. */
    private float scale(float[] params, int k, int j) {
        return gamma < 0 ? inverse[k] : inverse[k] * params[gamma + j];
    }

    /** Keras' {@code t = beta - mean * s}. */
    private float shift(float[] params, int k, int j, float s) {
        float t = -mean[k] * s;
        return beta < 0 ? t : t + params[beta + j];
    }

    /** Each row's mean and inverse standard deviation over the units. */
    private void rowStatistics(int rows, float[] x) {
        for (int r = 0; r < rows; r++) {
            int from = r * units;
            double total = 0;
            for (int i = from; i < from + units; i++) {
                total += x[i];
            }
            double m = total / units;
            double squares = 0;
            for (int i = from; i < from + units; i++) {
                double d = x[i] - m;
                squares += d * d;
            }
            mean[r] = (float) m;
            inverse[r] = (float) (1 / Math.sqrt((float) (squares / units) + epsilon));
        }
    }

    /** Each unit's batch mean and inverse standard deviation; the moving statistics follow them. */
    private void columnStatistics(float[] params, int rows, float[] x) {
        Arrays.fill(sum, 0);
        Arrays.fill(sumProduct, 0);
        for (int r = 0; r < rows; r++) {
            for (int j = 0, i = r * units; j < units; j++, i++) {
                sum[j] += x[i];
            }
        }
        for (int j = 0; j < units; j++) {
            sum[j] /= rows;
        }
        for (int r = 0; r < rows; r++) {
            for (int j = 0, i = r * units; j < units; j++, i++) {
                double d = x[i] - sum[j];
                sumProduct[j] += d * d;
            }
        }
        for (int j = 0; j < units; j++) {
            float m = (float) sum[j];
            float variance = (float) (sumProduct[j] / rows);
            mean[j] = m;
            inverse[j] = (float) (1 / Math.sqrt(variance + epsilon));
            params[movingMean + j] = params[movingMean + j] * momentum + m * (1f - momentum);
            params[movingVariance + j] = params[movingVariance + j] * momentum + variance * (1f - momentum);
        }
    }

    /**
     * From {@code dy}, the gradient of the output, {@code dx}, the gradient of the input {@code x}, after a
     * training forward pass on the same rows; gamma's and beta's gradients written into {@code grads}.
     */
    void backward(float[] params, float[] grads, int rows, float[] x, float[] dy, float[] dx) {
        Arrays.fill(sum, 0);
        Arrays.fill(sumProduct, 0);
        for (int r = 0; r < rows; r++) {
            for (int j = 0, i = r * units; j < units; j++, i++) {
                int k = batch ? j : r;
                sum[j] += dy[i];
                sumProduct[j] += (double) dy[i] * ((x[i] - mean[k]) * inverse[k]);
            }
        }
        for (int j = 0; j < units; j++) {
            if (gamma >= 0) {
                grads[gamma + j] = (float) sumProduct[j];
            }
            if (beta >= 0) {
                grads[beta + j] = (float) sum[j];
            }
        }
        if (batch) {
            for (int j = 0; j < units; j++) {
                sum[j] /= rows;
                sumProduct[j] /= rows;
            }
            for (int r = 0; r < rows; r++) {
                for (int j = 0, i = r * units; j < units; j++, i++) {
                    float xhat = (x[i] - mean[j]) * inverse[j];
                    dx[i] = scale[j] * (float) (dy[i] - sum[j] - xhat * sumProduct[j]);
                }
            }
            return;
        }
        for (int r = 0; r < rows; r++) {
            int from = r * units;
            double g = 0;
            double gx = 0;
            for (int j = 0, i = from; j < units; j++, i++) {
                float scaled = gamma < 0 ? dy[i] : dy[i] * params[gamma + j];
                g += scaled;
                gx += (double) scaled * ((x[i] - mean[r]) * inverse[r]);
            }
            g /= units;
            gx /= units;
            for (int j = 0, i = from; j < units; j++, i++) {
                float scaled = gamma < 0 ? dy[i] : dy[i] * params[gamma + j];
                float xhat = (x[i] - mean[r]) * inverse[r];
                dx[i] = inverse[r] * (float) (scaled - g - xhat * gx);
            }
        }
    }
}
