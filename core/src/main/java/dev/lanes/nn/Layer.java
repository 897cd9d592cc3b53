package dev.lanes.nn;

/** One layer of a {@link Sequential} network: a {@link Dense} layer or a {@link Dropout}. */
public sealed interface Layer permits Dense, Dropout {
}
