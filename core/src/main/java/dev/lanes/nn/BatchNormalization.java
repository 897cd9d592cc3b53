package dev.lanes.nn;

/**
 * Keras' {@code BatchNormalization} over a dense layer's units. In training each unit is normalized
 * with the mean and (biased) variance of the batch, {@code y = gamma (x - mean) / sqrt(var + epsilon) + beta},
 * and the moving statistics follow them, {@code moving = moving * momentum + batch * (1 - momentum)};
 * at prediction time (and for validation during a fit) the moving statistics are used instead. gamma
 * starts at 1, beta at 0, the moving mean at 0 and the moving variance at 1, Keras' initializers.
 *
 * @param momentum Keras' {@code momentum}, in [0, 1]
 * @param epsilon  Keras' {@code epsilon}, finite and {@code > 0}
 * @param center   whether beta is added
 * @param scale    whether gamma multiplies
 */
public record BatchNormalization(double momentum, double epsilon, boolean center, boolean scale) implements Normalization {

    /** Checks the arguments, with Keras' messages ({@link Normalizations} declares their ranges). */
    public BatchNormalization {
        Normalizations.check("batch_normalization", momentum, epsilon);
    }

    /** Keras' defaults: momentum 0.99, epsilon 0.001, center and scale. */
    public static BatchNormalization defaults() {
        return (BatchNormalization) Normalizations.create("batch_normalization", java.util.Map.of());
    }

    /** This layer with another momentum. */
    public BatchNormalization momentum(double value) {
        return new BatchNormalization(value, epsilon, center, scale);
    }

    /** This layer with another epsilon. */
    public BatchNormalization epsilon(double value) {
        return new BatchNormalization(momentum, value, center, scale);
    }
}
