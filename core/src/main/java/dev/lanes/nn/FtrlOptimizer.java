package dev.lanes.nn;

import java.util.Map;

/**
 * Keras {@code Ftrl} ("Follow The Regularized Leader"), element by element with accumulator {@code n}
 * (starting at {@code initial_accumulator_value}) and linear term {@code z} (starting at 0), {@code p =
 * -learning_rate_power}: {@code g' = g + 2 * l2_shrinkage * w}; {@code n' = n + g^2};
 * {@code z += g' - (n'^p - n^p) / lr * w}; {@code w = (clip(z, -l1, l1) - z) / (n'^p / lr + 2 * l2 + beta / lr)};
 * {@code n = n'}.
 */
final class FtrlOptimizer extends KerasOptimizer {

    private final double learningRatePower;
    private final double initialAccumulatorValue;
    private final double l1;
    private final double l2;
    private final double l2Shrinkage;
    private final double beta;

    FtrlOptimizer(LearningRateSchedule learningRate, Shared shared, double learningRatePower, double initialAccumulatorValue,
                  double l1, double l2, double l2Shrinkage, double beta) {
        super("ftrl", learningRate, shared);
        this.learningRatePower = check("learning_rate_power", learningRatePower, Double.NEGATIVE_INFINITY, false, 0, true);
        this.initialAccumulatorValue = check("initial_accumulator_value", initialAccumulatorValue, 0, true,
                Double.POSITIVE_INFINITY, false);
        this.l1 = check("l1_regularization_strength", l1, 0, true, Double.POSITIVE_INFINITY, false);
        this.l2 = check("l2_regularization_strength", l2, 0, true, Double.POSITIVE_INFINITY, false);
        this.l2Shrinkage = check("l2_shrinkage_regularization_strength", l2Shrinkage, 0, true, Double.POSITIVE_INFINITY, false);
        this.beta = check("beta", beta, 0, true, Double.POSITIVE_INFINITY, false);
    }

    @Override
    KerasOptimizer copy(LearningRateSchedule learningRate, Shared shared) {
        return new FtrlOptimizer(learningRate, shared, learningRatePower, initialAccumulatorValue, l1, l2, l2Shrinkage, beta);
    }

    @Override
    void putArguments(Map<String, Object> out) {
        out.put("learning_rate_power", learningRatePower);
        out.put("initial_accumulator_value", initialAccumulatorValue);
        out.put("l1_regularization_strength", l1);
        out.put("l2_regularization_strength", l2);
        out.put("l2_shrinkage_regularization_strength", l2Shrinkage);
        out.put("beta", beta);
    }

    @Override
    UpdateState newState(Shared shared, int[] offsets, int[] sizes) {
        return new State(this, shared, offsets, sizes);
    }

    private static final class State extends UpdateState {
        private final double power;
        private final float l1;
        private final float l2;
        private final float shrinkage;
        private final double beta;
        private final float[] n;
        private final float[] z;
        private float lr;
        private float twiceL2;

        State(FtrlOptimizer o, Shared shared, int[] offsets, int[] sizes) {
            super(shared, offsets, sizes);
            this.power = -o.learningRatePower;
            this.l1 = (float) o.l1;
            this.l2 = (float) o.l2;
            this.shrinkage = (float) (2 * o.l2Shrinkage);
            this.beta = o.beta;
            this.n = new float[length];
            this.z = new float[length];
            java.util.Arrays.fill(n, (float) o.initialAccumulatorValue);
        }

        @Override
        void prepare(long iteration, float learningRate) {
            lr = learningRate;
            // Keras: l2_reg = l2 + beta / (2 * lr), used as 2 * l2_reg.
            twiceL2 = (float) (2 * (l2 + beta / (2.0 * learningRate)));
        }

        @Override
        void update(float[] params, float[] grads, int from, int to) {
            for (int i = from; i < to; i++) {
                float g = grads[i];
                float w = params[i];
                float gUse = g + shrinkage * w;
                float next = n[i] + g * g;
                float pNext = pow(next);
                float pNow = pow(n[i]);
                z[i] += gUse - (pNext - pNow) / lr * w;
                float quadratic = pNext / lr + twiceL2;
                float clipped = Math.min(Math.max(z[i], -l1), l1);
                params[i] = (clipped - z[i]) / quadratic;
                n[i] = next;
            }
        }

        private float pow(float x) {
            return (float) (power == 0.5 ? Math.sqrt(x) : Math.pow(x, power));
        }
    }
}
