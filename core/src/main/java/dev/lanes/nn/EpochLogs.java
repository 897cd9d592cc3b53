package dev.lanes.nn;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * What one epoch of training produced, as Keras' {@code logs}.
 *
 * @param epoch             0-based epoch index
 * @param loss              mean training loss over the epoch's samples (regularization included)
 * @param validationLoss    loss on the validation data, empty without validation data
 * @param learningRate      the learning rate of the epoch's last step
 * @param validationMetrics the requested metrics on the validation data, in the targets' units
 */
public record EpochLogs(int epoch, double loss, OptionalDouble validationLoss, double learningRate,
                        Map<Metric, Double> validationMetrics) {

    /** Copies the metrics map. */
    public EpochLogs {
        validationMetrics = Map.copyOf(validationMetrics);
    }

    /** The value of a monitored quantity: {@code loss}, {@code val_loss} or {@code val_<metric>}. */
    OptionalDouble monitored(String name) {
        if (name.equals("loss")) {
            return OptionalDouble.of(loss);
        }
        if (name.equals("val_loss")) {
            return validationLoss;
        }
        for (Map.Entry<Metric, Double> e : validationMetrics.entrySet()) {
            if (name.equals("val_" + e.getKey().kerasName()) || name.equals("val_" + e.getKey().name().toLowerCase(java.util.Locale.ROOT))) {
                return OptionalDouble.of(e.getValue());
            }
        }
        return OptionalDouble.empty();
    }
}
