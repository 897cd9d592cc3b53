package dev.lanes.nn;

/**
 * A regression loss, averaged as Keras does: over every element of a batch of predictions.
 */
public interface Loss {

    /**
     * The mean loss of {@code n} predictions against their targets, accumulated in double.
     */
    double value(float[] predicted, int pOff, float[] target, int tOff, int n);

    /**
     * Writes {@code d loss / d predicted[i]} of the mean loss over {@code n} elements, i.e. including
     * the {@code 1 / n} factor, into {@code grad[gOff + i]}; returns the mean loss as {@link #value}.
     */
    double gradient(float[] predicted, int pOff, float[] target, int tOff, int n, float[] grad, int gOff);

    /** The Keras name, e.g. {@code mean_squared_error}. */
    String name();
}
