/**
 * The basics that the network and the data packages share, so that neither depends on the other: the
 * read-only float32 {@link dev.lanes.base.Matrix} and its views, the seeded {@link dev.lanes.base.Rng},
 * the {@link dev.lanes.base.Scalers} that turn raw columns into what a model was trained on, and the
 * did-you-mean {@link dev.lanes.base.Suggestions} of every error message about a name.
 */
package dev.lanes.base;
