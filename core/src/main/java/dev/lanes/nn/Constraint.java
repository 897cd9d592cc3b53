package dev.lanes.nn;

import java.util.Map;

/**
 * A Keras weight constraint: a projection applied to a dense layer's kernel or bias after every optimizer
 * step, as Keras 3 applies {@code kernel_constraint} and {@code bias_constraint}. Build one with
 * {@link Constraints}; instances are immutable and compare by name and arguments.
 */
public interface Constraint {

    /** The Keras name, e.g. {@code max_norm}. */
    String name();

    /** Its Keras arguments by name, in Keras' order; {@link Constraints#create} rebuilds it from them. */
    Map<String, Object> arguments();

    /**
     * Constrains the row-major {@code rows x cols} matrix at {@code w[offset]} in place: a kernel is
     * inputs x units, a bias units x 1 (so that {@code axis=0} is the norm of the whole bias, as Keras
     * computes it for a vector).
     */
    void apply(float[] w, int offset, int rows, int cols);
}
