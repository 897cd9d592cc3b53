package dev.lanes.nn;

import java.util.OptionalDouble;

/**
 * Stops training when a monitored loss stops improving, with Keras' defaults and rules: an epoch
 * improves when {@code value < best - minDelta}; after {@code patience} epochs without improvement
 * training stops (never after the first epoch); with {@code restoreBestWeights} the weights of the best
 * epoch are put back when it stops; epochs before {@code startFromEpoch} are ignored.
 *
 * @param monitor            {@code val_loss} (default), {@code loss} or {@code val_<metric>}
 * @param minDelta           smallest change that counts as an improvement (>= 0)
 * @param patience           epochs without improvement before stopping (>= 0)
 * @param restoreBestWeights put the best epoch's weights back when stopping
 * @param startFromEpoch     epochs to wait before monitoring (>= 0)
 */
public record EarlyStopping(String monitor, double minDelta, int patience, boolean restoreBestWeights,
                            int startFromEpoch) implements Callback {

    /** Checks the arguments. */
    public EarlyStopping {
        if (!(minDelta >= 0) || patience < 0 || startFromEpoch < 0) {
            throw new IllegalArgumentException("EarlyStopping needs minDelta >= 0, patience >= 0 and startFromEpoch >= 0, got "
                    + minDelta + ", " + patience + ", " + startFromEpoch);
        }
    }

    /** Keras' defaults: monitor val_loss, min_delta 0, patience 0, no restore, start_from_epoch 0. */
    public static EarlyStopping defaults() {
        return new EarlyStopping("val_loss", 0, 0, false, 0);
    }

    /** With another patience. */
    public EarlyStopping patience(int epochs) {
        return new EarlyStopping(monitor, minDelta, epochs, restoreBestWeights, startFromEpoch);
    }

    /** With another min_delta. */
    public EarlyStopping minDelta(double delta) {
        return new EarlyStopping(monitor, delta, patience, restoreBestWeights, startFromEpoch);
    }

    /** With restore_best_weights set. */
    public EarlyStopping restoreBestWeights(boolean restore) {
        return new EarlyStopping(monitor, minDelta, patience, restore, startFromEpoch);
    }

    /** With another monitored quantity. */
    public EarlyStopping monitor(String quantity) {
        return new EarlyStopping(quantity, minDelta, patience, restoreBestWeights, startFromEpoch);
    }

    /** With start_from_epoch set. */
    public EarlyStopping startFromEpoch(int epoch) {
        return new EarlyStopping(monitor, minDelta, patience, restoreBestWeights, epoch);
    }

    @Override
    public Hook start() {
        return new Hook() {
            private double best = Double.POSITIVE_INFINITY;
            private int wait;
            private float[] bestWeights;

            @Override
            public void onEpochEnd(EpochLogs logs, TrainingControl control) {
                OptionalDouble value = logs.monitored(monitor);
                if (value.isEmpty()) {
                    throw new IllegalStateException("EarlyStopping monitors '" + monitor
                            + "', which this fit does not log (validation data given? metric requested?)");
                }
                double current = value.getAsDouble();
                if (logs.epoch() < startFromEpoch) {
                    return;
                }
                if (restoreBestWeights && bestWeights == null) {
                    bestWeights = control.copyWeights();
                }
                wait++;
                if (current + minDelta < best) {
                    best = current;
                    if (restoreBestWeights) {
                        bestWeights = control.copyWeights();
                    }
                    wait = 0;
                    return;
                }
                if (wait >= patience && logs.epoch() > 0) {
                    control.stop();
                    if (restoreBestWeights) {
                        control.restoreWeights(bestWeights);
                    }
                }
            }
        };
    }
}
