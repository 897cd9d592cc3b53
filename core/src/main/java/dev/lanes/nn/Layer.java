package dev.lanes.nn;

/**
 * One layer of a {@link Sequential} network: a {@link Dense} layer, or one that acts on a dense layer's
 * output during training only, {@link Dropout} or {@link GaussianNoise} (at most one of them after each
 * dense layer).
 */
public sealed interface Layer permits Dense, Dropout, GaussianNoise {
}
