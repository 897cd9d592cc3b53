package dev.lanes.simd.internal.panama;

import dev.lanes.simd.internal.GemmSupport;

/** Scaffolding: replaced by the real kernels in the following commits. */
final class PanamaGemm implements GemmSupport {
    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        throw new UnsupportedOperationException("not yet");
    }
}
