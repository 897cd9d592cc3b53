package dev.lanes.nn;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

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

    /**
     * The epoch's quantities by their Keras names, in name order: {@code learning_rate}, {@code loss},
     * and with validation data {@code val_loss} and {@code val_<metric>} of each requested metric.
     */
    SortedMap<String, Double> quantities() {
        SortedMap<String, Double> values = new TreeMap<>();
        values.put("learning_rate", learningRate);
        values.put("loss", loss);
        validationLoss.ifPresent(v -> values.put("val_loss", v));
        for (Map.Entry<Metric, Double> e : validationMetrics.entrySet()) {
            values.put("val_" + e.getKey().kerasName(), e.getValue());
        }
        return values;
    }

    /**
     * The value of a monitored quantity: {@code loss}, {@code val_loss} or {@code val_<metric>}, the
     * metric by its Keras name or its constant's name in lower case.
     */
    OptionalDouble monitored(String name) {
        if (!name.equals("learning_rate")) {
            Double v = quantities().get(name);
            if (v != null) {
                return OptionalDouble.of(v);
            }
        }
        for (Map.Entry<Metric, Double> e : validationMetrics.entrySet()) {
            if (name.equals("val_" + e.getKey().name().toLowerCase(Locale.ROOT))) {
                return OptionalDouble.of(e.getValue());
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * {@link #monitored}, for {@code callback}.
     *
     * @throws IllegalStateException when this fit does not log the quantity
     */
    double required(String name, String callback) {
        return monitored(name).orElseThrow(() -> new IllegalStateException(callback + " monitors '" + name
                + "', which this fit does not log (validation data given? metric requested?)"));
    }
}
