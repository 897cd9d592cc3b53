package dev.lanes.nn;

/**
 * An optimizer's configuration, as a Keras optimizer's constructor arguments: immutable and shareable
 * between threads. The moments and other per-run values live in the {@link OptimizerState} that
 * {@link #start} creates, so one configuration can drive many training runs at once (e.g. a grid search).
 *
 * <p>Build one with {@link Optimizers}.
 */
public interface Optimizer {

    /** The Keras name, e.g. {@code adam}. */
    String name();

    /** The learning rate: a constant or a schedule of the optimizer's iteration. */
    LearningRateSchedule learningRate();

    /** This configuration with another learning rate. */
    Optimizer withLearningRate(LearningRateSchedule lr);

    /**
     * Mutable state (moments etc.) for one training run over these variables. Variable {@code v} occupies
     * {@code [offsets[v], offsets[v] + sizes[v])} of the flat parameter and gradient arrays that
     * {@link OptimizerState#step} receives; the ranges must not overlap.
     *
     * @throws IllegalArgumentException when the arrays differ in length, a size or offset is negative, or
     *                                  two variables overlap
     */
    OptimizerState start(int[] offsets, int[] sizes);

    /**
     * As {@link #start(int[], int[])}, with each variable's shape: {@code columns[v] > 0} for a row-major
     * matrix of {@code sizes[v] / columns[v]} rows (a dense kernel: inputs x units), 0 for a vector (a
     * bias). Adafactor keeps factored moments of matrices; the others ignore the shapes.
     *
     * @throws IllegalArgumentException as {@code start(offsets, sizes)} does, or when a variable's size is
     *                                  not a multiple of its columns
     */
    default OptimizerState start(int[] offsets, int[] sizes, int[] columns) {
        return start(offsets, sizes);
    }
}
