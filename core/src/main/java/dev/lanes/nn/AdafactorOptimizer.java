package dev.lanes.nn;

import java.util.Arrays;
import java.util.Map;

/**
 * Keras {@code Adafactor} (Shazeer and Stern, 2018), variable by variable, at step {@code t = iteration + 1}:
 * {@code rho = min(lr, 1 / sqrt(t))}, {@code alpha = max(epsilon_2, rms(w)) * rho},
 * {@code beta = 1 - t^beta_2_decay} and {@code q = g^2 + epsilon_1}. A matrix (a dense kernel, inputs x
 * units) keeps factored second moments: per row {@code r = beta r + (1 - beta) mean_cols(q)}, per column
 * {@code c = beta c + (1 - beta) mean_rows(q)}, and {@code v = (r / mean(r)) c}; a vector (a bias) keeps
 * {@code v = beta v + (1 - beta) q} whole. Then {@code u = g / sqrt(v)} and
 * {@code w -= alpha u / max(1, rms(u) / clip_threshold)}.
 *
 * <p>{@code relative_step} is accepted and kept, but changes nothing: Keras 3 caps the rate at
 * {@code 1 / sqrt(t)} with it and again in {@code rho} without it.
 */
final class AdafactorOptimizer extends KerasOptimizer {

    private final double beta2Decay;
    private final double epsilon1;
    private final double epsilon2;
    private final double clipThreshold;
    private final boolean relativeStep;

    AdafactorOptimizer(LearningRateSchedule learningRate, Shared shared, double beta2Decay, double epsilon1,
                       double epsilon2, double clipThreshold, boolean relativeStep) {
        super("adafactor", learningRate, shared);
        // beta_2_decay > 0 would make 1 - t^decay <= 0: negative second moments
        this.beta2Decay = check("beta_2_decay", beta2Decay, Double.NEGATIVE_INFINITY, false, 0, true);
        this.epsilon1 = check("epsilon_1", epsilon1, 0, true, Double.POSITIVE_INFINITY, false);
        this.epsilon2 = check("epsilon_2", epsilon2, 0, true, Double.POSITIVE_INFINITY, false);
        this.clipThreshold = check("clip_threshold", clipThreshold, 0, false, Double.POSITIVE_INFINITY, false);
        this.relativeStep = relativeStep;
    }

    @Override
    KerasOptimizer copy(LearningRateSchedule learningRate, Shared shared) {
        return new AdafactorOptimizer(learningRate, shared, beta2Decay, epsilon1, epsilon2, clipThreshold, relativeStep);
    }

    @Override
    void putArguments(Map<String, Object> out) {
        out.put("beta_2_decay", beta2Decay);
        out.put("epsilon_1", epsilon1);
        out.put("epsilon_2", epsilon2);
        out.put("clip_threshold", clipThreshold);
        out.put("relative_step", relativeStep);
    }

    @Override
    UpdateState newState(Shared shared, int[] offsets, int[] sizes) {
        return newState(shared, offsets, sizes, new int[offsets.length]);
    }

    @Override
    UpdateState newState(Shared shared, int[] offsets, int[] sizes, int[] columns) {
        return new State(this, shared, offsets, sizes, columns);
    }

    private static final class State extends UpdateState {
        private final double beta2Decay;
        private final float epsilon1;
        private final double epsilon2;
        private final double clipThreshold;
        /** Per matrix variable its row moments r, per vector variable its whole v. */
        private final float[][] rows;
        /** Per matrix variable its column moments c; empty for a vector, which is how one is told apart. */
        private final float[][] cols;
        /** This step's u of one variable, kept between its rms and its use. */
        private final float[] u;
        /** One matrix's column sums of {@code g^2 + epsilon_1}, gathered in the pass that sums its rows. */
        private final double[] columnSums;
        private double rho;
        private float beta;

        State(AdafactorOptimizer o, Shared shared, int[] offsets, int[] sizes, int[] columns) {
            super(shared, offsets, sizes);
            this.beta2Decay = o.beta2Decay;
            this.epsilon1 = (float) o.epsilon1;
            this.epsilon2 = o.epsilon2;
            this.clipThreshold = o.clipThreshold;
            this.rows = new float[variables()][];
            this.cols = new float[variables()][];
            int largest = 0;
            int widest = 0;
            for (int v = 0; v < variables(); v++) {
                int c = columns[v];
                rows[v] = new float[c > 0 ? size(v) / c : size(v)];
                cols[v] = new float[c];
                largest = Math.max(largest, size(v));
                widest = Math.max(widest, c);
            }
            this.u = new float[largest];
            this.columnSums = new double[widest];
        }

        @Override
        void prepare(long iteration, float learningRate) {
            double t = iteration + 1;
            rho = Math.min(learningRate, 1 / Math.sqrt(t));
            beta = (float) (1 - Math.pow(t, beta2Decay));
        }

        @Override
        void update(float[] params, float[] grads, int from, int to) {
            for (int k = 0; k < variables(); k++) {
                int a = offset(k);
                int n = size(k);
                if (a >= from && a + n <= to && n > 0) {
                    updateVariable(k, params, grads, a, n);
                }
            }
        }

        private void updateVariable(int k, float[] params, float[] grads, int a, int n) {
            float alpha = (float) (Math.max(epsilon2, Math.sqrt(sumOfSquares(params, a, a + n) / n)) * rho);
            float rest = 1f - beta;
            float[] r = rows[k];
            float[] c = cols[k];
            if (c.length > 0) {
                int width = c.length;
                int height = r.length;
                Arrays.fill(columnSums, 0, width, 0);
                for (int i = 0; i < height; i++) {
                    double s = 0;
                    for (int j = 0; j < width; j++) {
                        float g = grads[a + i * width + j];
                        float q = g * g + epsilon1;
                        s += q;
                        columnSums[j] += q;
                    }
                    r[i] = beta * r[i] + rest * (float) (s / width);
                }
                for (int j = 0; j < width; j++) {
                    c[j] = beta * c[j] + rest * (float) (columnSums[j] / height);
                }
                double rSum = 0;
                for (float x : r) {
                    rSum += x;
                }
                float rMean = (float) (rSum / height);
                for (int i = 0; i < height; i++) {
                    float ri = r[i] / rMean;
                    for (int j = 0; j < width; j++) {
                        u[i * width + j] = grads[a + i * width + j] / (float) Math.sqrt(ri * c[j]);
                    }
                }
            } else {
                for (int i = 0; i < n; i++) {
                    float g = grads[a + i];
                    r[i] = beta * r[i] + rest * (g * g + epsilon1);
                    u[i] = g / (float) Math.sqrt(r[i]);
                }
            }
            double rmsU = Math.sqrt(sumOfSquares(u, 0, n) / n);
            float step = (float) (alpha / Math.max(1, rmsU / clipThreshold));
            for (int i = 0; i < n; i++) {
                params[a + i] -= step * u[i];
            }
        }
    }
}
