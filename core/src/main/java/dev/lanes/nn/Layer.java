package dev.lanes.nn;

/**
 * One layer of a {@link Sequential} network: a {@link Dense} layer, or one that acts on a dense layer's
 * output: a {@link Normalization}, possibly followed by an {@link ActivationLayer}, then {@link Dropout}
 * or {@link GaussianNoise} (training only; at most one of them after each dense layer).
 */
public sealed interface Layer permits Dense, Normalization, ActivationLayer, Dropout, GaussianNoise {
}
