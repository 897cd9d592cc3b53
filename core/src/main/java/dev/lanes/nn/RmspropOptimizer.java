package dev.lanes.nn;

import java.util.Map;

/**
 * Keras {@code RMSprop}: {@code v = rho * v + (1 - rho) * g^2}; the increment is
 * {@code lr * g / sqrt(v + eps)}, or when centered (with {@code a = rho * a + (1 - rho) * g})
 * {@code lr * g / sqrt(v - a^2 + eps)}; then {@code w -= increment}, or with momentum
 * {@code mom = momentum * mom + increment; w -= mom}. Epsilon is inside the square root, as in Keras.
 */
final class RmspropOptimizer extends KerasOptimizer {

    private final double rho;
    private final double momentum;
    private final double epsilon;
    private final boolean centered;

    RmspropOptimizer(LearningRateSchedule learningRate, Shared shared, double rho, double momentum, double epsilon,
                     boolean centered) {
        super("rmsprop", learningRate, shared);
        this.rho = check("rho", rho, 0, true, 1, false);
        this.momentum = check("momentum", momentum, 0, true, 1, true);
        this.epsilon = check("epsilon", epsilon, 0, false, Double.POSITIVE_INFINITY, false);
        this.centered = centered;
    }

    @Override
    KerasOptimizer copy(LearningRateSchedule learningRate, Shared shared) {
        return new RmspropOptimizer(learningRate, shared, rho, momentum, epsilon, centered);
    }

    @Override
    void putArguments(Map<String, Object> out) {
        out.put("rho", rho);
        out.put("momentum", momentum);
        out.put("epsilon", epsilon);
        out.put("centered", centered);
    }

    @Override
    UpdateState newState(Shared shared, int[] offsets, int[] sizes) {
        return new State(this, shared, offsets, sizes);
    }

    private static final class State extends UpdateState {
        private final float rho;
        private final float oneMinusRho;
        private final float momentum;
        private final float epsilon;
        private final float[] velocity;
        /** Null without momentum or when not centered, as Keras allocates them. */
        private final float[] momentums;
        private final float[] averageGradients;
        private float lr;

        State(RmspropOptimizer o, Shared shared, int[] offsets, int[] sizes) {
            super(shared, offsets, sizes);
            this.rho = (float) o.rho;
            this.oneMinusRho = (float) (1 - o.rho);
            this.momentum = (float) o.momentum;
            this.epsilon = (float) o.epsilon;
            this.velocity = new float[length];
            this.momentums = o.momentum > 0 ? new float[length] : null;
            this.averageGradients = o.centered ? new float[length] : null;
        }

        @Override
        void prepare(long iteration, float learningRate) {
            lr = learningRate;
        }

        @Override
        void update(float[] params, float[] grads, int from, int to) {
            float[] v = velocity;
            float[] a = averageGradients;
            float[] mom = momentums;
            float r = rho;
            float r1 = oneMinusRho;
            float eps = epsilon;
            float rate = lr;
            float m = momentum;
            // Four branch-free loops, so that each one vectorizes.
            if (a == null && mom == null) {
                for (int i = from; i < to; i++) {
                    float g = grads[i];
                    float vi = r * v[i] + r1 * (g * g);
                    v[i] = vi;
                    params[i] -= rate * g / (float) Math.sqrt(vi + eps);
                }
            } else if (a == null) {
                for (int i = from; i < to; i++) {
                    float g = grads[i];
                    float vi = r * v[i] + r1 * (g * g);
                    v[i] = vi;
                    float mi = m * mom[i] + rate * g / (float) Math.sqrt(vi + eps);
                    mom[i] = mi;
                    params[i] -= mi;
                }
            } else if (mom == null) {
                for (int i = from; i < to; i++) {
                    float g = grads[i];
                    float vi = r * v[i] + r1 * (g * g);
                    float ai = r * a[i] + r1 * g;
                    v[i] = vi;
                    a[i] = ai;
                    params[i] -= rate * g / (float) Math.sqrt(vi - ai * ai + eps);
                }
            } else {
                for (int i = from; i < to; i++) {
                    float g = grads[i];
                    float vi = r * v[i] + r1 * (g * g);
                    float ai = r * a[i] + r1 * g;
                    v[i] = vi;
                    a[i] = ai;
                    float mi = m * mom[i] + rate * g / (float) Math.sqrt(vi - ai * ai + eps);
                    mom[i] = mi;
                    params[i] -= mi;
                }
            }
        }
    }
}
