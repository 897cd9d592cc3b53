package dev.lanes.nn;

import java.util.Map;

/**
 * Keras 3 {@code Adam} and {@code AdamW} (Adam whose weight decay defaults to 0.004): with
 * {@code t = iteration + 1} and {@code alpha = lr * sqrt(1 - beta_2^t) / (1 - beta_1^t)},
 * {@code m += (g - m) * (1 - beta_1)}, {@code v += (g^2 - v) * (1 - beta_2)},
 * {@code w -= alpha * m / (sqrt(v) + eps)}; with amsgrad {@code v_hat = max(v_hat, v)} replaces v in the
 * update. Epsilon is outside the square root and not bias-corrected, as in Keras.
 */
final class AdamOptimizer extends MomentOptimizer {

    private final boolean amsgrad;

    AdamOptimizer(String name, LearningRateSchedule learningRate, Shared shared, double beta1, double beta2,
                  double epsilon, boolean amsgrad) {
        super(name, learningRate, shared, beta1, beta2, epsilon);
        this.amsgrad = amsgrad;
    }

    @Override
    KerasOptimizer copy(LearningRateSchedule learningRate, Shared shared) {
        return new AdamOptimizer(name(), learningRate, shared, beta1, beta2, epsilon, amsgrad);
    }

    @Override
    void putArguments(Map<String, Object> out) {
        super.putArguments(out);
        out.put("amsgrad", amsgrad);
    }

    @Override
    UpdateState newState(Shared shared, int[] offsets, int[] sizes) {
        return new State(this, shared, offsets, sizes);
    }

    private static final class State extends UpdateState {
        private final double beta1;
        private final double beta2;
        private final float oneMinusBeta1;
        private final float oneMinusBeta2;
        private final float epsilon;
        private final float[] m;
        private final float[] v;
        /** Null without amsgrad. */
        private final float[] vHat;
        private float alpha;

        State(AdamOptimizer o, Shared shared, int[] offsets, int[] sizes) {
            super(shared, offsets, sizes);
            this.beta1 = o.beta1;
            this.beta2 = o.beta2;
            this.oneMinusBeta1 = (float) (1 - o.beta1);
            this.oneMinusBeta2 = (float) (1 - o.beta2);
            this.epsilon = (float) o.epsilon;
            this.m = new float[length];
            this.v = new float[length];
            this.vHat = o.amsgrad ? new float[length] : null;
        }

        @Override
        void prepare(long iteration, float learningRate) {
            double t = iteration + 1.0;
            alpha = (float) (learningRate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
        }

        @Override
        void update(float[] params, float[] grads, int from, int to) {
            float[] m = this.m;
            float[] v = this.v;
            float[] vh = vHat;
            float b1 = oneMinusBeta1;
            float b2 = oneMinusBeta2;
            float eps = epsilon;
            float a = alpha;
            if (vh == null) {
                for (int i = from; i < to; i++) {
                    float g = grads[i];
                    float mi = m[i] + (g - m[i]) * b1;
                    float vi = v[i] + (g * g - v[i]) * b2;
                    m[i] = mi;
                    v[i] = vi;
                    params[i] -= mi * a / ((float) Math.sqrt(vi) + eps);
                }
            } else {
                for (int i = from; i < to; i++) {
                    float g = grads[i];
                    float mi = m[i] + (g - m[i]) * b1;
                    float vi = v[i] + (g * g - v[i]) * b2;
                    float hi = Math.max(vh[i], vi);
                    m[i] = mi;
                    v[i] = vi;
                    vh[i] = hi;
                    params[i] -= mi * a / ((float) Math.sqrt(hi) + eps);
                }
            }
        }
    }
}
