package dev.lanes.simd.internal.panama;

import dev.lanes.simd.internal.VectorSupport;

/** Scaffolding: replaced by the real kernels in the following commits. */
final class PanamaVectors implements VectorSupport {
}
