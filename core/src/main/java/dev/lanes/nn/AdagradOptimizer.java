package dev.lanes.nn;

import java.util.Arrays;
import java.util.Map;

/**
 * Keras {@code Adagrad}: the accumulator starts at {@code initial_accumulator_value};
 * {@code acc += g^2}, {@code w -= lr * g / sqrt(acc + eps)} (epsilon inside the square root).
 */
final class AdagradOptimizer extends KerasOptimizer {

    private final double initialAccumulatorValue;
    private final double epsilon;

    AdagradOptimizer(LearningRateSchedule learningRate, Shared shared, double initialAccumulatorValue,
                     double epsilon) {
        super("adagrad", learningRate, shared);
        this.initialAccumulatorValue = check("initial_accumulator_value", initialAccumulatorValue, 0, true,
                Double.POSITIVE_INFINITY, false);
        this.epsilon = check("epsilon", epsilon, 0, false, Double.POSITIVE_INFINITY, false);
    }

    @Override
    KerasOptimizer copy(LearningRateSchedule learningRate, Shared shared) {
        return new AdagradOptimizer(learningRate, shared, initialAccumulatorValue, epsilon);
    }

    @Override
    void putArguments(Map<String, Object> out) {
        out.put("initial_accumulator_value", initialAccumulatorValue);
        out.put("epsilon", epsilon);
    }

    @Override
    UpdateState newState(Shared shared, int[] offsets, int[] sizes) {
        return new State(this, shared, offsets, sizes);
    }

    private static final class State extends UpdateState {
        private final float epsilon;
        private final float[] accumulator;
        private float lr;

        State(AdagradOptimizer o, Shared shared, int[] offsets, int[] sizes) {
            super(shared, offsets, sizes);
            this.epsilon = (float) o.epsilon;
            this.accumulator = new float[length];
            Arrays.fill(accumulator, (float) o.initialAccumulatorValue);
        }

        @Override
        void prepare(long iteration, float learningRate) {
            lr = learningRate;
        }

        @Override
        void update(float[] params, float[] grads, int from, int to) {
            float[] acc = accumulator;
            float eps = epsilon;
            float rate = lr;
            for (int i = from; i < to; i++) {
                float g = grads[i];
                float ai = acc[i] + g * g;
                acc[i] = ai;
                params[i] -= rate * g / (float) Math.sqrt(ai + eps);
            }
        }
    }
}
