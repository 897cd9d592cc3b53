package dev.lanes.nn;

import java.util.Map;

/**
 * Keras {@code Lion}: {@code w -= lr * sign(beta_1 * m + (1 - beta_1) * g)}, then
 * {@code m = beta_2 * m + (1 - beta_2) * g}. As in Keras, {@code beta_1} must be in {@code (0, 1]}.
 */
final class LionOptimizer extends KerasOptimizer {

    private final double beta1;
    private final double beta2;

    LionOptimizer(LearningRateSchedule learningRate, Shared shared, double beta1, double beta2) {
        super("lion", learningRate, shared);
        this.beta1 = check("beta_1", beta1, 0, false, 1, true);
        this.beta2 = check("beta_2", beta2, 0, true, 1, true);
    }

    @Override
    KerasOptimizer copy(LearningRateSchedule learningRate, Shared shared) {
        return new LionOptimizer(learningRate, shared, beta1, beta2);
    }

    @Override
    void putArguments(Map<String, Object> out) {
        out.put("beta_1", beta1);
        out.put("beta_2", beta2);
    }

    @Override
    UpdateState newState(Shared shared, int[] offsets, int[] sizes) {
        return new State(this, shared, offsets, sizes);
    }

    private static final class State extends UpdateState {
        private final float beta1;
        private final float oneMinusBeta1;
        private final float beta2;
        private final float oneMinusBeta2;
        private final float[] m;
        private float lr;

        State(LionOptimizer o, Shared shared, int[] offsets, int[] sizes) {
            super(shared, offsets, sizes);
            this.beta1 = (float) o.beta1;
            this.oneMinusBeta1 = (float) (1 - o.beta1);
            this.beta2 = (float) o.beta2;
            this.oneMinusBeta2 = (float) (1 - o.beta2);
            this.m = new float[length];
        }

        @Override
        void prepare(long iteration, float learningRate) {
            lr = learningRate;
        }

        @Override
        void update(float[] params, float[] grads, int from, int to) {
            float[] m = this.m;
            float b1 = beta1;
            float c1 = oneMinusBeta1;
            float b2 = beta2;
            float c2 = oneMinusBeta2;
            float rate = lr;
            for (int i = from; i < to; i++) {
                float g = grads[i];
                params[i] -= rate * Math.signum(m[i] * b1 + g * c1);
                m[i] = m[i] * b2 + g * c2;
            }
        }
    }
}
