package dev.lanes.nn;

import java.util.Objects;

/**
 * Multiplies the learning rate by {@code factor} when a monitored quantity has not improved by more
 * than {@code minDelta} for {@code patience} epochs, then waits {@code cooldown} epochs; never below
 * {@code minLr}. Keras' rules and defaults (factor 0.1, patience 10, min_delta 1e-4, cooldown 0,
 * min_lr 0, monitor val_loss, mode auto). Needs a constant learning rate, as in Keras.
 *
 * <p>One difference: Keras' {@code mode="auto"} here maximises only a quantity whose name contains
 * {@code acc}, so it would minimise {@code val_r2}; Lanes' {@link MonitorMode#AUTO} reads the direction
 * from the metric, as Keras' EarlyStopping does.
 */
public record ReduceLROnPlateau(String monitor, double factor, int patience, double minDelta, int cooldown,
                                double minLr, MonitorMode mode) implements Callback {

    /** It does: it changes the optimizer's learning rate. */
    @Override
    public boolean setsLearningRate() {
        return true;
    }

    /** Checks the arguments. */
    public ReduceLROnPlateau {
        Objects.requireNonNull(mode, "mode");
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("ReduceLROnPlateau factor must be in (0, 1) but was " + factor);
        }
        if (patience < 0 || cooldown < 0 || !(minDelta >= 0) || !(minLr >= 0)) {
            throw new IllegalArgumentException("ReduceLROnPlateau needs patience, cooldown, min_delta and min_lr >= 0");
        }
    }

    /** Keras' defaults. */
    public static ReduceLROnPlateau defaults() {
        return new ReduceLROnPlateau("val_loss", 0.1, 10, 1e-4, 0, 0, MonitorMode.AUTO);
    }

    /** With another factor. */
    public ReduceLROnPlateau factor(double f) {
        return new ReduceLROnPlateau(monitor, f, patience, minDelta, cooldown, minLr, mode);
    }

    /** With another patience. */
    public ReduceLROnPlateau patience(int epochs) {
        return new ReduceLROnPlateau(monitor, factor, epochs, minDelta, cooldown, minLr, mode);
    }

    /** With another monitored quantity. */
    public ReduceLROnPlateau monitor(String quantity) {
        return new ReduceLROnPlateau(quantity, factor, patience, minDelta, cooldown, minLr, mode);
    }

    /** With a cooldown. */
    public ReduceLROnPlateau cooldown(int epochs) {
        return new ReduceLROnPlateau(monitor, factor, patience, minDelta, epochs, minLr, mode);
    }

    /** With another mode. */
    public ReduceLROnPlateau mode(MonitorMode value) {
        return new ReduceLROnPlateau(monitor, factor, patience, minDelta, cooldown, minLr, value);
    }

    /** With a floor for the learning rate. */
    public ReduceLROnPlateau minLr(double lr) {
        return new ReduceLROnPlateau(monitor, factor, patience, minDelta, cooldown, lr, mode);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when {@code mode} is {@code AUTO} and cannot tell the monitored
     *                                  quantity's direction
     */
    @Override
    public Hook start() {
        boolean up = mode.greaterIsBetter(monitor);
        return new Hook() {
            private double best = up ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            private int wait;
            private int cooldownLeft;

            @Override
            public void onEpochEnd(EpochLogs logs, TrainingControl control) {
                double current = logs.required(monitor, "ReduceLROnPlateau");
                if (cooldownLeft > 0) {
                    cooldownLeft--;
                    wait = 0;
                }
                if (up ? current > best + minDelta : current < best - minDelta) {
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
