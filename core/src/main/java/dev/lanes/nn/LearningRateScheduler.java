package dev.lanes.nn;

import java.util.Objects;

/**
 * Keras' {@code LearningRateScheduler(schedule)}: before every epoch, the learning rate becomes
 * {@code schedule.at(epoch, learningRate)}, with the epoch counted from 0 and the rate the one the previous
 * epoch trained with (the optimizer's at the start). It needs a constant learning rate, as Keras needs a
 * settable one: with a {@link LearningRateSchedule} the fit fails at its first epoch.
 *
 * <pre>{@code
 * LearningRateScheduler.of((epoch, lr) -> epoch < 10 ? lr : lr * Math.exp(-0.1))
 * }</pre>
 *
 * @param schedule the new rate from the epoch and the current rate
 */
public record LearningRateScheduler(Schedule schedule) implements Callback {

    /** It does: it changes the optimizer's learning rate. */
    @Override
    public boolean setsLearningRate() {
        return true;
    }

    /** The function of a {@link LearningRateScheduler}. */
    @FunctionalInterface
    public interface Schedule {
        /** The learning rate of epoch {@code epoch} (from 0), given the current rate. */
        double at(int epoch, double learningRate);
    }

    /** Checks the schedule is given. */
    public LearningRateScheduler {
        Objects.requireNonNull(schedule, "schedule");
    }

    /** A scheduler of {@code schedule}. */
    public static LearningRateScheduler of(Schedule schedule) {
        return new LearningRateScheduler(schedule);
    }

    @Override
    public Hook start() {
        return new Hook() {
            @Override
            public void onEpochBegin(int epoch, TrainingControl control) {
                double lr = schedule.at(epoch, control.learningRate());
                if (!(lr >= 0) || Double.isInfinite(lr)) {
                    throw new IllegalArgumentException("LearningRateScheduler: the schedule gave the learning rate " + lr
                            + " for epoch " + epoch + "; a learning rate is a finite number >= 0");
                }
                control.setLearningRate(lr);
            }

            @Override
            public void onEpochEnd(EpochLogs logs, TrainingControl control) {
            }
        };
    }
}
