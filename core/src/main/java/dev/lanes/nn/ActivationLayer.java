package dev.lanes.nn;

import dev.lanes.simd.ActivationFunction;

import java.util.Objects;

/**
 * Keras' {@code Activation} layer, for the order in which a normalization comes between a dense layer's
 * product and its activation: {@code Dense(64) -> BatchNormalization() -> Activation("relu")}. In a
 * {@link Sequential} it follows a normalization directly; elsewhere a dense layer's own activation does
 * the same. It keeps the width, so glu, which halves it, is a dense layer's activation only.
 *
 * @param activation the function applied to the normalization's output
 */
public record ActivationLayer(ActivationFunction activation) implements Layer {

    /** Checks the function. */
    public ActivationLayer {
        Objects.requireNonNull(activation, "activation");
        if (activation.kind().outputWidth(2) != 2) {
            throw new IllegalArgumentException("An Activation layer keeps the width, but " + activation.kerasForm()
                    + " halves it: give it to the dense layer instead");
        }
    }
}
