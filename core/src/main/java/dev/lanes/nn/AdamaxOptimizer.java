package dev.lanes.nn;

/**
 * Keras {@code Adamax}: with {@code t = iteration + 1}, {@code m += (g - m) * (1 - beta_1)},
 * {@code u = max(beta_2 * u, |g|)}, {@code w -= lr * m / ((1 - beta_1^t) * (u + eps))}.
 */
final class AdamaxOptimizer extends MomentOptimizer {

    AdamaxOptimizer(LearningRateSchedule learningRate, Shared shared, double beta1, double beta2, double epsilon) {
        super("adamax", learningRate, shared, beta1, beta2, epsilon);
    }

    @Override
    KerasOptimizer copy(LearningRateSchedule learningRate, Shared shared) {
        return new AdamaxOptimizer(learningRate, shared, beta1, beta2, epsilon);
    }

    @Override
    UpdateState newState(Shared shared, int[] offsets, int[] sizes) {
        return new State(this, shared, offsets, sizes);
    }

    private static final class State extends UpdateState {
        private final double beta1;
        private final float oneMinusBeta1;
        private final float beta2;
        private final float epsilon;
        private final float[] m;
        private final float[] u;
        private float correctedLr;

        State(AdamaxOptimizer o, Shared shared, int[] offsets, int[] sizes) {
            super(shared, offsets, sizes);
            this.beta1 = o.beta1;
            this.oneMinusBeta1 = (float) (1 - o.beta1);
            this.beta2 = (float) o.beta2;
            this.epsilon = (float) o.epsilon;
            this.m = new float[length];
            this.u = new float[length];
        }

        @Override
        void prepare(long iteration, float learningRate) {
            correctedLr = (float) (learningRate / (1 - Math.pow(beta1, iteration + 1.0)));
        }

        @Override
        void update(float[] params, float[] grads, int from, int to) {
            float[] m = this.m;
            float[] u = this.u;
            float b1 = oneMinusBeta1;
            float b2 = beta2;
            float eps = epsilon;
            float rate = correctedLr;
            for (int i = from; i < to; i++) {
                float g = grads[i];
                float mi = m[i] + (g - m[i]) * b1;
                float ui = Math.max(b2 * u[i], Math.abs(g));
                m[i] = mi;
                u[i] = ui;
                params[i] -= rate * mi / (ui + eps);
            }
        }
    }
}
