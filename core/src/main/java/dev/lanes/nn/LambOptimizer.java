package dev.lanes.nn;

/**
 * Keras {@code Lamb}: Adam's bias-corrected step {@code u = m_hat / (sqrt(v_hat) + epsilon)}, scaled per
 * variable (each kernel, each bias) by the trust ratio {@code ||w|| / ||u||} (1 when either norm is 0):
 * {@code w -= lr * ratio * u}. The moments follow Keras' form {@code m += (g - m) * (1 - beta_1)},
 * {@code v += (g^2 - v) * (1 - beta_2)}.
 */
final class LambOptimizer extends MomentOptimizer {

    LambOptimizer(LearningRateSchedule learningRate, Shared shared, double beta1, double beta2, double epsilon) {
        super("lamb", learningRate, shared, beta1, beta2, epsilon);
    }

    @Override
    KerasOptimizer copy(LearningRateSchedule learningRate, Shared shared) {
        return new LambOptimizer(learningRate, shared, beta1, beta2, epsilon);
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
        /** This step's unscaled update, kept between the norm and its use. */
        private final float[] u;
        private float lr;
        private float correction1;
        private float correction2;

        State(LambOptimizer o, Shared shared, int[] offsets, int[] sizes) {
            super(shared, offsets, sizes);
            this.beta1 = o.beta1;
            this.beta2 = o.beta2;
            this.oneMinusBeta1 = (float) (1 - o.beta1);
            this.oneMinusBeta2 = (float) (1 - o.beta2);
            this.epsilon = (float) o.epsilon;
            this.m = new float[length];
            this.v = new float[length];
            this.u = new float[length];
        }

        @Override
        void prepare(long iteration, float learningRate) {
            lr = learningRate;
            correction1 = (float) (1 - Math.pow(beta1, iteration + 1));
            correction2 = (float) (1 - Math.pow(beta2, iteration + 1));
        }

        @Override
        void update(float[] params, float[] grads, int from, int to) {
            float c1 = oneMinusBeta1;
            float c2 = oneMinusBeta2;
            for (int i = from; i < to; i++) {
                float g = grads[i];
                m[i] += (g - m[i]) * c1;
                v[i] += (g * g - v[i]) * c2;
                u[i] = (m[i] / correction1) / ((float) Math.sqrt(v[i] / correction2) + epsilon);
            }
            // The trust ratio is per variable; the runs hold whole variables.
            for (int k = 0; k < variables(); k++) {
                int a = offset(k);
                int b = a + size(k);
                if (a < from || b > to || a == b) {
                    continue;
                }
                double wNorm = Math.sqrt(sumOfSquares(params, a, b));
                double uNorm = Math.sqrt(sumOfSquares(u, a, b));
                float step = (float) (wNorm > 0 && uNorm > 0 ? wNorm / uNorm : 1) * lr;
                for (int i = a; i < b; i++) {
                    params[i] -= step * u[i];
                }
            }
        }
    }
}
