package dev.lanes.nn;

import java.util.Map;

/**
 * The arguments Adam, AdamW, Adamax and Nadam share: {@code beta_1} and {@code beta_2} in [0, 1) for the
 * first and second moment averages, and {@code epsilon} > 0.
 */
abstract class MomentOptimizer extends KerasOptimizer {

    final double beta1;
    final double beta2;
    final double epsilon;

    MomentOptimizer(String name, LearningRateSchedule learningRate, Shared shared, double beta1, double beta2,
                    double epsilon) {
        super(name, learningRate, shared);
        this.beta1 = check("beta_1", beta1, 0, true, 1, false);
        this.beta2 = check("beta_2", beta2, 0, true, 1, false);
        this.epsilon = check("epsilon", epsilon, 0, false, Double.POSITIVE_INFINITY, false);
    }

    @Override
    void putArguments(Map<String, Object> out) {
        out.put("beta_1", beta1);
        out.put("beta_2", beta2);
        out.put("epsilon", epsilon);
    }
}
