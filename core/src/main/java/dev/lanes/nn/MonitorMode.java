package dev.lanes.nn;

import java.util.Locale;

/**
 * Whether a callback's monitored quantity should go down or up: Keras' {@code mode} of
 * {@link EarlyStopping} and {@link ReduceLROnPlateau}. {@link #AUTO} reads it from the quantity: the
 * losses and the errors go down, {@code val_r2} goes up.
 */
public enum MonitorMode {
    AUTO, MIN, MAX;

    /**
     * Whether larger values of {@code monitor} are better.
     *
     * @throws IllegalArgumentException when the mode is {@link #AUTO} and {@code monitor} is neither a
     *                                  loss nor {@code val_<metric>} of a known metric
     */
    boolean greaterIsBetter(String monitor) {
        if (this != AUTO) {
            return this == MAX;
        }
        if (monitor.equals("loss") || monitor.equals("val_loss")) {
            return false;
        }
        if (monitor.startsWith("val_")) {
            try {
                return Metric.fromName(monitor.substring(4)).greaterIsBetter();
            } catch (IllegalArgumentException e) {
                // reported below, with what to do
            }
        }
        throw new IllegalArgumentException("mode 'auto' cannot tell whether '" + monitor + "' should go down or up:"
                + " monitor loss, val_loss or val_<metric>, or give mode 'min' or 'max'");
    }

    /** Keras' spelling: {@code auto}, {@code min}, {@code max}. */
    public String kerasName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
