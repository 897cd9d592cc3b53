package dev.lanes.nn;

/**
 * A layer that normalizes the output of the dense layer before it: {@link BatchNormalization} (over the
 * batch, per unit) or {@link LayerNormalization} (over the units, per sample), each then scaled by a
 * trainable {@code gamma} and shifted by a trainable {@code beta} per unit, as Keras does. In a
 * {@link Sequential} it follows a dense layer directly and comes before that layer's dropout or noise.
 */
public sealed interface Normalization extends Layer permits BatchNormalization, LayerNormalization {

    /** Added to the variance before its square root is taken. */
    double epsilon();

    /** Whether the layer has {@code beta}, added after normalizing (Keras' {@code center}). */
    boolean center();

    /** Whether the layer has {@code gamma}, multiplied after normalizing (Keras' {@code scale}). */
    boolean scale();

    /** How Keras writes it: {@code batch_normalization(momentum=0.9)}; {@link Normalizations#parse} reads it back. */
    default String kerasForm() {
        return Normalizations.text(this);
    }
}
