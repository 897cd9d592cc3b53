package dev.lanes.nn;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Stops training when a monitored quantity stops improving, with Keras' defaults and rules: an epoch
 * improves when {@code value < best - minDelta} ({@code value > best + minDelta} when the quantity should
 * go up, see {@link MonitorMode}); after {@code patience} epochs without improvement training stops
 * (never after the first epoch); with a {@code baseline}, the wait starts again only at an epoch that
 * improves on both the best so far and the baseline, so a fit that never beats the baseline stops after
 * {@code patience} epochs; with {@code restoreBestWeights} the weights of the best epoch are put back
 * at the end of the fit, as Keras 3 does, whether it stopped early or ran all its epochs; epochs before
 * {@code startFromEpoch} are ignored.
 *
 * @param monitor            {@code val_loss} (default), {@code loss} or {@code val_<metric>}
 * @param minDelta           smallest change that counts as an improvement (>= 0)
 * @param patience           epochs without improvement before stopping (>= 0)
 * @param mode               whether the quantity should go down or up; {@code AUTO} by default
 * @param baseline           a value the quantity must improve on, if any
 * @param restoreBestWeights put the best epoch's weights back at the end of the fit
 * @param startFromEpoch     epochs to wait before monitoring (>= 0)
 */
public record EarlyStopping(String monitor, double minDelta, int patience, MonitorMode mode, OptionalDouble baseline,
                            boolean restoreBestWeights, int startFromEpoch) implements Callback {

    /** Checks the arguments. */
    public EarlyStopping {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(baseline, "baseline");
        if (!(minDelta >= 0) || patience < 0 || startFromEpoch < 0) {
            throw new IllegalArgumentException("EarlyStopping needs minDelta >= 0, patience >= 0 and startFromEpoch >= 0, got "
                    + minDelta + ", " + patience + ", " + startFromEpoch);
        }
        if (baseline.isPresent() && !Double.isFinite(baseline.getAsDouble())) {
            throw new IllegalArgumentException("EarlyStopping's baseline must be a finite number, got " + baseline.getAsDouble());
        }
    }

    /** Keras' defaults: monitor val_loss, min_delta 0, patience 0, mode auto, no baseline, no restore, start_from_epoch 0. */
    public static EarlyStopping defaults() {
        return new EarlyStopping("val_loss", 0, 0, MonitorMode.AUTO, OptionalDouble.empty(), false, 0);
    }

    /** With another mode. */
    public EarlyStopping mode(MonitorMode value) {
        return new EarlyStopping(monitor, minDelta, patience, value, baseline, restoreBestWeights, startFromEpoch);
    }

    /** With a baseline the monitored quantity must improve on. */
    public EarlyStopping baseline(double value) {
        return new EarlyStopping(monitor, minDelta, patience, mode, OptionalDouble.of(value), restoreBestWeights, startFromEpoch);
    }

    /** With another patience. */
    public EarlyStopping patience(int epochs) {
        return new EarlyStopping(monitor, minDelta, epochs, mode, baseline, restoreBestWeights, startFromEpoch);
    }

    /** With another min_delta. */
    public EarlyStopping minDelta(double delta) {
        return new EarlyStopping(monitor, delta, patience, mode, baseline, restoreBestWeights, startFromEpoch);
    }

    /** With restore_best_weights set. */
    public EarlyStopping restoreBestWeights(boolean restore) {
        return new EarlyStopping(monitor, minDelta, patience, mode, baseline, restore, startFromEpoch);
    }

    /** With another monitored quantity. */
    public EarlyStopping monitor(String quantity) {
        return new EarlyStopping(quantity, minDelta, patience, mode, baseline, restoreBestWeights, startFromEpoch);
    }

    /** With start_from_epoch set. */
    public EarlyStopping startFromEpoch(int epoch) {
        return new EarlyStopping(monitor, minDelta, patience, mode, baseline, restoreBestWeights, epoch);
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
            private float[] bestWeights;

            @Override
            public void onEpochEnd(EpochLogs logs, TrainingControl control) {
                double current = logs.required(monitor, "EarlyStopping");
                if (logs.epoch() < startFromEpoch) {
                    return;
                }
                if (restoreBestWeights && bestWeights == null) {
                    bestWeights = control.copyWeights();
                }
                wait++;
                if (improves(current, best)) {
                    best = current;
                    if (restoreBestWeights) {
                        bestWeights = control.copyWeights();
                    }
                    // Keras: the wait starts again only when the baseline is beaten too.
                    if (baseline.isEmpty() || improves(current, baseline.getAsDouble())) {
                        wait = 0;
                    }
                    return;
                }
                if (wait >= patience && logs.epoch() > 0) {
                    control.stop();
                }
            }

            /** Keras 3 puts the best weights back at the end whether or not the fit stopped early. */
            @Override
            public void onTrainEnd(TrainingControl control) {
                if (restoreBestWeights && bestWeights != null) {
                    control.restoreWeights(bestWeights);
                }
            }

            private boolean improves(double value, double reference) {
                return up ? value - minDelta > reference : value + minDelta < reference;
            }
        };
    }
}
