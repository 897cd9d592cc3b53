package dev.lanes.simd;

import dev.lanes.simd.internal.GemmSupport;
import dev.lanes.simd.internal.VectorizationProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Single-precision general matrix multiply, {@code C = alpha * op(A) * op(B) + beta * C}, on row-major
 * arrays with offsets and leading dimensions (the row stride, as in CBLAS row-major).
 *
 * <p>op(X) is X or its transpose: op(A) is m x k and op(B) is k x n, so a non-transposed A is stored
 * m x k and a transposed one k x m. With {@code beta == 0} C is overwritten and never read, so NaN or
 * garbage in it does not leak into the result.
 *
 * <p>The plain {@link #sgemm} runs on the calling thread. The overload taking an {@link Executor}
 * splits large products into column (or row) blocks; every element of C is computed by exactly the same
 * sequence of operations either way, so the result is bitwise the same for any number of threads.
 */
public final class Gemm {

    /** Below this many multiply-adds a product is not worth splitting across threads. */
    private static final long PARALLEL_MIN_WORK = 1L << 21;
    /** Blocks handed to threads are multiples of this many rows or columns (keeps kernels aligned). */
    private static final int SPLIT_ALIGN = 64;

    private static final GemmSupport IMPL = VectorizationProvider.get().gemm();

    private Gemm() {
    }

    /**
     * Computes {@code C = alpha * op(A) * op(B) + beta * C} on the calling thread.
     *
     * @throws IllegalArgumentException when a size is negative or a leading dimension is too small
     * @throws IndexOutOfBoundsException when a matrix does not fit its array
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        check(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        run(IMPL, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /**
     * Computes {@code C = op(A) * op(B) + bias}, the bias row ({@code n} floats at {@code biasOff}) added
     * to every row: a dense layer's output before its activation. The bits are those of
     * {@link #sgemm(boolean, boolean, int, int, int, float, float[], int, int, float[], int, int, float,
     * float[], int, int) sgemm} with alpha 1 and beta 0 followed by {@link Vectors#addBias}; the bias is
     * added while the sums are still in registers.
     *
     * @throws IllegalArgumentException when a size is negative or a leading dimension is too small
     * @throws IndexOutOfBoundsException when a matrix or the bias does not fit its array
     */
    public static void sgemmBias(boolean transA, boolean transB, int m, int n, int k,
                                 float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                 float[] bias, int biasOff, float[] c, int cOff, int ldc) {
        check(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        Checks.range("bias", bias, biasOff, n);
        runBias(IMPL, transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, bias, biasOff, c, cOff, ldc);
    }

    /**
     * Computes {@code C = alpha * op(A) * op(B) + beta * C}, splitting large products into at most
     * {@code maxThreads} blocks run on {@code executor} (for example {@code ForkJoinPool.commonPool()}),
     * and waits for them. {@code maxThreads == 1} runs on the calling thread. The result is bitwise the
     * same as {@link #sgemm(boolean, boolean, int, int, int, float, float[], int, int, float[], int, int,
     * float, float[], int, int)} whatever the thread count.
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc, Executor executor, int maxThreads) {
        Objects.requireNonNull(executor, "executor");
        if (maxThreads < 1) {
            throw new IllegalArgumentException("maxThreads must be >= 1 but was " + maxThreads);
        }
        check(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        parallel(IMPL, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc,
                executor, maxThreads);
    }

    /** The parallel split, on a given implementation (tests run it on both). */
    static void parallel(GemmSupport impl, boolean transA, boolean transB, int m, int n, int k, float alpha,
                         float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                         float beta, float[] c, int cOff, int ldc, Executor executor, int maxThreads) {
        boolean splitColumns = n >= m;
        int extent = splitColumns ? n : m;
        int blocks = (int) Math.min(maxThreads, (extent + SPLIT_ALIGN - 1) / SPLIT_ALIGN);
        if (blocks <= 1 || (long) m * n * k < PARALLEL_MIN_WORK) {
            run(impl, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        int step = ((extent + blocks - 1) / blocks + SPLIT_ALIGN - 1) / SPLIT_ALIGN * SPLIT_ALIGN;
        List<CompletableFuture<Void>> parts = new ArrayList<>();
        for (int start = 0; start < extent; ) {
            int s = start;
            // A last part one column wide may sum in another order (see GemmSupport.sgemm): the part
            // before it takes that column instead.
            int len = extent - start - step == 1 ? step + 1 : Math.min(step, extent - start);
            start += len;
            Runnable part = splitColumns
                    ? () -> run(impl, transA, transB, m, len, k, alpha, a, aOff, lda,
                            b, bOff + (transB ? s * ldb : s), ldb, beta, c, cOff + s, ldc)
                    : () -> run(impl, transA, transB, len, n, k, alpha, a, aOff + (transA ? s : s * lda), lda,
                            b, bOff, ldb, beta, c, cOff + s * ldc, ldc);
            parts.add(CompletableFuture.runAsync(part, executor));
        }
        CompletableFuture.allOf(parts.toArray(new CompletableFuture[0])).join();
    }

    /** The zero-size and alpha-zero cases, then the implementation (tests run it on both). */
    static void run(GemmSupport impl, boolean transA, boolean transB, int m, int n, int k, float alpha,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float beta, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0f) {
            scaleC(m, n, beta, c, cOff, ldc);
            return;
        }
        impl.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /** {@link #sgemmBias}: the zero-size and k = 0 cases, then the implementation (tests run it on both). */
    static void runBias(GemmSupport impl, boolean transA, boolean transB, int m, int n, int k,
                        float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                        float[] bias, int biasOff, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    // 0 + bias, as the empty product plus the bias: -0 becomes +0
                    c[cOff + i * ldc + j] = 0f + bias[biasOff + j];
                }
            }
            return;
        }
        impl.sgemmBias(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, bias, biasOff, c, cOff, ldc);
    }

    /** {@code C = beta * C}, where beta 0 clears C (BLAS semantics: NaN in C is not propagated). */
    private static void scaleC(int m, int n, float beta, float[] c, int cOff, int ldc) {
        if (beta == 1f) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                c[row + j] = beta == 0f ? 0f : beta * c[row + j];
            }
        }
    }

    static void check(boolean transA, boolean transB, int m, int n, int k,
                              float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                              float[] c, int cOff, int ldc) {
        Checks.nonNegative("m", m);
        Checks.nonNegative("n", n);
        Checks.nonNegative("k", k);
        Checks.matrix("A", a, aOff, transA ? k : m, transA ? m : k, lda);
        Checks.matrix("B", b, bOff, transB ? n : k, transB ? k : n, ldb);
        Checks.matrix("C", c, cOff, m, n, ldc);
    }
}
