package dev.lanes.simd.internal;

/**
 * Matrix multiply in plain loops: the reference twin of the Panama kernel and the fallback when the
 * Vector API is off. Loop orders keep the innermost loop on contiguous memory where the layout allows.
 */
final class ScalarGemm implements GemmSupport {

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int cRow = cOff + i * ldc;
            if (transB) {
                for (int j = 0; j < n; j++) {
                    int bRow = bOff + j * ldb;
                    float sum = 0f;
                    for (int p = 0; p < k; p++) {
                        sum = Math.fma(elementA(transA, a, aOff, lda, i, p), b[bRow + p], sum);
                    }
                    c[cRow + j] = beta == 0f ? alpha * sum : Math.fma(beta, c[cRow + j], alpha * sum);
                }
            } else {
                scaleRow(beta, c, cRow, n);
                for (int p = 0; p < k; p++) {
                    float aip = alpha * elementA(transA, a, aOff, lda, i, p);
                    int bRow = bOff + p * ldb;
                    for (int j = 0; j < n; j++) {
                        c[cRow + j] = Math.fma(aip, b[bRow + j], c[cRow + j]);
                    }
                }
            }
        }
    }

    @Override
    public void sgemmBias(boolean transA, boolean transB, int m, int n, int k,
                          float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                          float[] bias, int biasOff, float[] c, int cOff, int ldc) {
        sgemm(transA, transB, m, n, k, 1f, a, aOff, lda, b, bOff, ldb, 0f, c, cOff, ldc);
        ScalarVectors.addBiasTo(m, n, bias, biasOff, c, cOff, ldc);
    }

    private static float elementA(boolean transA, float[] a, int aOff, int lda, int i, int p) {
        return transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
    }

    private static void scaleRow(float beta, float[] c, int from, int n) {
        if (beta == 0f) {
            java.util.Arrays.fill(c, from, from + n, 0f);
        } else if (beta != 1f) {
            for (int j = 0; j < n; j++) {
                c[from + j] *= beta;
            }
        }
    }
}
