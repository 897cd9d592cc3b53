package dev.lanes.simd.internal.panama;

import dev.lanes.simd.internal.GemmSupport;

/** Scaffolding: replaced by the real kernels in the following commits. */
final class PanamaGemm implements GemmSupport {
}
