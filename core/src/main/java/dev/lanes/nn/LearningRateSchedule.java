package dev.lanes.nn;

/**
 * A learning rate as a function of the optimizer's iteration, as a Keras
 * {@code keras.optimizers.schedules.LearningRateSchedule}: {@code at(0)} is the rate of the first step.
 * Implementations must be immutable. Built-in schedules come from {@link LearningRateSchedules}; a lambda
 * such as {@code step -> 0.1 / (1 + step)} is a schedule too.
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /** The learning rate at optimizer iteration {@code step} (0 for the first step). */
    double at(long step);

    /**
     * Whether {@link #at} returns the same value for every step; lets a training loop skip evaluating it
     * and lets callbacks such as ReduceLROnPlateau know the rate is theirs to change.
     */
    default boolean isConstant() {
        return false;
    }

    /**
     * The constant rate {@code lr}.
     *
     * @throws IllegalArgumentException when {@code lr} is negative or not finite
     */
    static LearningRateSchedule constant(double lr) {
        return LearningRateSchedules.constant(lr);
    }
}
