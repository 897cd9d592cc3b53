package dev.lanes.nn;

/**
 * Sets a fraction {@code rate} of the previous layer's outputs to zero during training and scales the
 * rest by {@code 1 / (1 - rate)} (Keras' inverted dropout); does nothing at prediction time. The mask
 * comes from the fit's seed, so training stays reproducible.
 */
public record Dropout(double rate) implements Layer {

    /** Checks the rate. */
    public Dropout {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1) but was " + rate);
        }
    }
}
