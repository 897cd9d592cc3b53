package dev.lanes.nn;

/**
 * Keras 3 {@code Nadam}: with {@code t = iteration + 1} and the momentum schedule
 * {@code u_t = beta_1 * (1 - 0.5 * 0.96^t)}, the product {@code P_t = u_1 * ... * u_t} (kept in the state,
 * as Keras keeps {@code u_product}), {@code m += (g - m) * (1 - beta_1)}, {@code v += (g^2 - v) * (1 - beta_2)},
 * {@code m_hat = u_{t+1} * m / (1 - P_t * u_{t+1}) + (1 - u_t) * g / (1 - P_t)},
 * {@code v_hat = v / (1 - beta_2^t)}, {@code w -= lr * m_hat / (sqrt(v_hat) + eps)}.
 */
final class NadamOptimizer extends MomentOptimizer {

    /** Keras' fixed decay of the momentum schedule. */
    private static final double MOMENTUM_DECAY = 0.96;

    NadamOptimizer(LearningRateSchedule learningRate, Shared shared, double beta1, double beta2, double epsilon) {
        super("nadam", learningRate, shared, beta1, beta2, epsilon);
    }

    @Override
    KerasOptimizer copy(LearningRateSchedule learningRate, Shared shared) {
        return new NadamOptimizer(learningRate, shared, beta1, beta2, epsilon);
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
        /** P_t: the running product of the momentum schedule, 1 before the first step. */
        private double uProduct = 1;
        private float lr;
        private float momentumScale;
        private float gradientScale;
        private float velocityScale;

        State(NadamOptimizer o, Shared shared, int[] offsets, int[] sizes) {
            super(shared, offsets, sizes);
            this.beta1 = o.beta1;
            this.beta2 = o.beta2;
            this.oneMinusBeta1 = (float) (1 - o.beta1);
            this.oneMinusBeta2 = (float) (1 - o.beta2);
            this.epsilon = (float) o.epsilon;
            this.m = new float[length];
            this.v = new float[length];
        }

        @Override
        void prepare(long iteration, float learningRate) {
            double t = iteration + 1.0;
            double ut = beta1 * (1 - 0.5 * Math.pow(MOMENTUM_DECAY, t));
            double utNext = beta1 * (1 - 0.5 * Math.pow(MOMENTUM_DECAY, t + 1));
            uProduct *= ut;
            lr = learningRate;
            momentumScale = (float) (utNext / (1 - uProduct * utNext));
            gradientScale = (float) ((1 - ut) / (1 - uProduct));
            velocityScale = (float) (1 / (1 - Math.pow(beta2, t)));
        }

        @Override
        void update(float[] params, float[] grads, int from, int to) {
            float[] m = this.m;
            float[] v = this.v;
            float b1 = oneMinusBeta1;
            float b2 = oneMinusBeta2;
            float eps = epsilon;
            float rate = lr;
            float ms = momentumScale;
            float gs = gradientScale;
            float vs = velocityScale;
            for (int i = from; i < to; i++) {
                float g = grads[i];
                float mi = m[i] + (g - m[i]) * b1;
                float vi = v[i] + (g * g - v[i]) * b2;
                m[i] = mi;
                v[i] = vi;
                float mHat = ms * mi + gs * g;
                params[i] -= mHat * rate / ((float) Math.sqrt(vi * vs) + eps);
            }
        }
    }
}
