package dev.lanes.simd.internal.panama;

import dev.lanes.simd.internal.ActivationSupport;

/** Scaffolding: replaced by the real kernels in the following commits. */
final class PanamaActivations implements ActivationSupport {
}
