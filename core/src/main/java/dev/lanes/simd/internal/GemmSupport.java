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
     *
     * <p>An element of C must get the same bits whatever m and n are, except that a product one column
     * wide (n = 1) may sum in another order: {@code Gemm}'s split across threads changes m and n but
     * never makes a part one column wide.
     */
    void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
               float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
               float beta, float[] c, int cOff, int ldc);

    /**
     * {@code C = op(A) * op(B) + bias}, the bias row ({@code n} floats at {@code biasOff}) added to every
     * row, with the bits of {@link #sgemm} (alpha 1, beta 0) followed by this provider's
     * {@link VectorSupport#addBias}. m, n and k are all at least 1.
     */
    void sgemmBias(boolean transA, boolean transB, int m, int n, int k,
                   float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                   float[] bias, int biasOff, float[] c, int cOff, int ldc);
}
