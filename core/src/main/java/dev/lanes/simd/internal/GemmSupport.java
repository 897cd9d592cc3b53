package dev.lanes.simd.internal;

/**
 * One implementation of single-precision matrix multiply. Arguments have been checked by
 * {@link dev.lanes.simd.Gemm}; implementations may assume every index they touch is in bounds.
 */
public interface GemmSupport {

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C} on row-major matrices, single threaded. op(A) is
     * m x k, op(B) is k x n. {@code beta == 0} overwrites C without reading it (NaN in C is ignored).
     * m, n and k are all at least 1 and alpha is not zero.
     */
    void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
               float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
               float beta, float[] c, int cOff, int ldc);
}
