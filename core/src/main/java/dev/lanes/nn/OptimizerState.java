package dev.lanes.nn;

/**
 * The mutable side of an {@link Optimizer} for one training run: its moments and accumulators, sized once
 * by {@link Optimizer#start}. Not thread-safe; one training run owns it.
 */
public interface OptimizerState {

    /**
     * One update of every variable, as one Keras {@code optimizer.apply(grads)}: gradient clipping, then
     * decoupled weight decay, then the optimizer's rule.
     *
     * @param params       all trainable variables, laid out as given to {@link Optimizer#start}; updated in place
     * @param grads        their gradients, same layout; may be overwritten (clipping)
     * @param iteration    Keras' {@code optimizer.iterations}: 0 for the first step, then one more per step
     * @param learningRate the rate for this step: the loop evaluates the schedule at {@code iteration} or
     *                     applies an override (e.g. from ReduceLROnPlateau)
     * @throws IllegalArgumentException when an array is shorter than the layout or iteration is negative
     */
    void step(float[] params, float[] grads, long iteration, float learningRate);

    /**
     * Keras' {@code finalize_variable_values}, at the end of a fit: an optimizer that keeps a moving
     * average of the weights ({@code use_ema}) puts it in their place. Others do nothing.
     */
    default void finish(float[] params) {
    }
}
