package dev.lanes.nn;

import java.util.Map;

/**
 * Keras {@code Adadelta}: {@code G = rho * G + (1 - rho) * g^2},
 * {@code delta = -sqrt(D + eps) * g / sqrt(G + eps)}, {@code D = rho * D + (1 - rho) * delta^2},
 * {@code w += lr * delta}.
 */
final class AdadeltaOptimizer extends KerasOptimizer {

    private final double rho;
    private final double epsilon;

    AdadeltaOptimizer(LearningRateSchedule learningRate, Shared shared, double rho, double epsilon) {
        super("adadelta", learningRate, shared);
        this.rho = check("rho", rho, 0, true, 1, false);
        this.epsilon = check("epsilon", epsilon, 0, false, Double.POSITIVE_INFINITY, false);
    }

    @Override
    KerasOptimizer copy(LearningRateSchedule learningRate, Shared shared) {
        return new AdadeltaOptimizer(learningRate, shared, rho, epsilon);
    }

    @Override
    void putArguments(Map<String, Object> out) {
        out.put("rho", rho);
        out.put("epsilon", epsilon);
    }

    @Override
    UpdateState newState(Shared shared, int[] offsets, int[] sizes) {
        return new State(this, shared, offsets, sizes);
    }

    private static final class State extends UpdateState {
        private final float rho;
        private final float oneMinusRho;
        private final float epsilon;
        private final float[] accumulatedGrad;
        private final float[] accumulatedDelta;
        private float lr;

        State(AdadeltaOptimizer o, Shared shared, int[] offsets, int[] sizes) {
            super(shared, offsets, sizes);
            this.rho = (float) o.rho;
            this.oneMinusRho = (float) (1 - o.rho);
            this.epsilon = (float) o.epsilon;
            this.accumulatedGrad = new float[length];
            this.accumulatedDelta = new float[length];
        }

        @Override
        void prepare(long iteration, float learningRate) {
            lr = learningRate;
        }

        @Override
        void update(float[] params, float[] grads, int from, int to) {
            float[] ag = accumulatedGrad;
            float[] ad = accumulatedDelta;
            float r = rho;
            float r1 = oneMinusRho;
            float eps = epsilon;
            float rate = lr;
            for (int i = from; i < to; i++) {
                float g = grads[i];
                float agi = r * ag[i] + r1 * (g * g);
                ag[i] = agi;
                float delta = -((float) Math.sqrt(ad[i] + eps) * g) / (float) Math.sqrt(agi + eps);
                ad[i] = r * ad[i] + r1 * (delta * delta);
                params[i] += rate * delta;
            }
        }
    }
}
