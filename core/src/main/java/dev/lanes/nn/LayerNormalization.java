package dev.lanes.nn;

/**
 * Keras' {@code LayerNormalization} over a dense layer's units: each sample's outputs are normalized with
 * their own mean and (biased) variance, {@code y = gamma (x - mean) / sqrt(var + epsilon) + beta}, in
 * training and prediction alike. gamma starts at 1 and beta at 0, Keras' initializers.
 *
 * @param epsilon Keras' {@code epsilon}, finite and {@code > 0}
 * @param center  whether beta is added
 * @param scale   whether gamma multiplies
 */
public record LayerNormalization(double epsilon, boolean center, boolean scale) implements Normalization {

    /** Checks the arguments, with Keras' messages ({@link Normalizations} declares their ranges). */
    public LayerNormalization {
        Normalizations.check("layer_normalization", 0, epsilon);
    }

    /** Keras' defaults: epsilon 0.001, center and scale. */
    public static LayerNormalization defaults() {
        return (LayerNormalization) Normalizations.create("layer_normalization", java.util.Map.of());
    }

    /** This layer with another epsilon. */
    public LayerNormalization epsilon(double value) {
        return new LayerNormalization(value, center, scale);
    }
}
