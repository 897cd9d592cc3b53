package dev.lanes.nn;

import java.util.OptionalDouble;

/**
 * Multiplies the learning rate by {@code factor} when a monitored loss has not improved by more than
 * {@code minDelta} for {@code patience} epochs, then waits {@code cooldown} epochs; never below
 * {@code minLr}. Keras' rules and defaults (factor 0.1, patience 10, min_delta 1e-4, cooldown 0,
 * min_lr 0, monitor val_loss). Needs a constant learning rate, as in Keras.
 */
public record ReduceLROnPlateau(String monitor, double factor, int patience, double minDelta, int cooldown,
                                double minLr) implements Callback {

    /** Checks the arguments. */
    public ReduceLROnPlateau {
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("ReduceLROnPlateau factor must be in (0, 1) but was " + factor);
        }
        if (patience < 0 || cooldown < 0 || !(minDelta >= 0) || !(minLr >= 0)) {
            throw new IllegalArgumentException("ReduceLROnPlateau needs patience, cooldown, min_delta and min_lr >= 0");
        }
    }

    /** Keras' defaults. */
    public static ReduceLROnPlateau defaults() {
        return new ReduceLROnPlateau("val_loss", 0.1, 10, 1e-4, 0, 0);
    }

    /** With another factor. */
    public ReduceLROnPlateau factor(double f) {
        return new ReduceLROnPlateau(monitor, f, patience, minDelta, cooldown, minLr);
    }

    /** With another patience. */
    public ReduceLROnPlateau patience(int epochs) {
        return new ReduceLROnPlateau(monitor, factor, epochs, minDelta, cooldown, minLr);
    }

    /** With another monitored quantity. */
    public ReduceLROnPlateau monitor(String quantity) {
        return new ReduceLROnPlateau(quantity, factor, patience, minDelta, cooldown, minLr);
    }

    /** With a cooldown. */
    public ReduceLROnPlateau cooldown(int epochs) {
        return new ReduceLROnPlateau(monitor, factor, patience, minDelta, epochs, minLr);
    }

    /** With a floor for the learning rate. */
    public ReduceLROnPlateau minLr(double lr) {
        return new ReduceLROnPlateau(monitor, factor, patience, minDelta, cooldown, lr);
    }

    @Override
    public Hook start() {
        return new Hook() {
            private double best = Double.POSITIVE_INFINITY;
            private int wait;
            private int cooldownLeft;

            @Override
            public void onEpochEnd(EpochLogs logs, TrainingControl control) {
                OptionalDouble value = logs.monitored(monitor);
                if (value.isEmpty()) {
                    throw new IllegalStateException("ReduceLROnPlateau monitors '" + monitor
                            + "', which this fit does not log (validation data given? metric requested?)");
                }
                double current = value.getAsDouble();
                if (cooldownLeft > 0) {
                    cooldownLeft--;
                    wait = 0;
                }
                if (current < best - minDelta) {
                    best = current;
                    wait = 0;
                } else if (cooldownLeft == 0) {
                    wait++;
                    if (wait >= patience) {
                        double old = control.learningRate();
                        if (old > (float) minLr) {
                            control.setLearningRate(Math.max(old * factor, minLr));
                            cooldownLeft = cooldown;
                            wait = 0;
                        }
                    }
                }
            }
        };
    }
}
