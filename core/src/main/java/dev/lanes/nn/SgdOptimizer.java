package dev.lanes.nn;

import java.util.Map;

/**
 * Keras {@code SGD}: {@code w -= lr * g} without momentum; with momentum {@code v = m * v - lr * g}, then
 * {@code w += v}, or with Nesterov {@code w += m * v - lr * g} (the new v).
 */
final class SgdOptimizer extends KerasOptimizer {

    private final double momentum;
    private final boolean nesterov;

    SgdOptimizer(LearningRateSchedule learningRate, Shared shared, double momentum, boolean nesterov) {
        super("sgd", learningRate, shared);
        this.momentum = check("momentum", momentum, 0, true, 1, true);
        this.nesterov = nesterov;
    }

    @Override
    KerasOptimizer copy(LearningRateSchedule learningRate, Shared shared) {
        return new SgdOptimizer(learningRate, shared, momentum, nesterov);
    }

    @Override
    void putArguments(Map<String, Object> out) {
        out.put("momentum", momentum);
        out.put("nesterov", nesterov);
    }

    @Override
    UpdateState newState(Shared shared, int[] offsets, int[] sizes) {
        return new State(this, shared, offsets, sizes);
    }

    private static final class State extends UpdateState {
        private final float momentum;
        private final boolean nesterov;
        /** Null without momentum: Keras keeps no velocity then either. */
        private final float[] velocity;
        private float lr;

        State(SgdOptimizer o, Shared shared, int[] offsets, int[] sizes) {
            super(shared, offsets, sizes);
            this.momentum = (float) o.momentum;
            this.nesterov = o.nesterov;
            this.velocity = o.momentum != 0 ? new float[length] : null;
        }

        @Override
        void prepare(long iteration, float learningRate) {
            lr = learningRate;
        }

        @Override
        void update(float[] params, float[] grads, int from, int to) {
            float[] v = velocity;
            float m = momentum;
            float rate = lr;
            if (v == null) {
                for (int i = from; i < to; i++) {
                    params[i] -= rate * grads[i];
                }
            } else if (nesterov) {
                for (int i = from; i < to; i++) {
                    float vi = m * v[i] - rate * grads[i];
                    v[i] = vi;
                    params[i] += m * vi - rate * grads[i];
                }
            } else {
                for (int i = from; i < to; i++) {
                    float vi = m * v[i] - rate * grads[i];
                    v[i] = vi;
                    params[i] += vi;
                }
            }
        }
    }
}
