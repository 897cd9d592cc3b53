package dev.lanes.simd;

import dev.lanes.simd.internal.GemmSupport;
import dev.lanes.simd.internal.VectorizationProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Both sgemm implementations against a double-precision reference.
 *
 * <p>Tolerance: an element of C is a sum of k products, so it may be off by about k roundings of the
 * magnitudes involved. We accept {@code |c - ref| <= (k + 2) * 2^-23 * (|alpha| * sum|a||b| + |beta c|)},
 * the textbook bound for recursive summation with a factor 2 of slack.
 */
class GemmTest {

    private static final int[] SIZES = {1, 2, 3, 7, 15, 16, 17, 31, 33, 63, 65, 127, 129, 255, 257, 5, 13, 61, 97};

    static Stream<GemmSupport> providers() {
        return Stream.of(VectorizationProvider.scalar().gemm(), VectorizationProvider.panama().gemm());
    }

    static Stream<Arguments> shapes() {
        List<Arguments> cases = new ArrayList<>();
        Random rnd = new Random(7);
        List<int[]> dims = new ArrayList<>();
        for (int s : SIZES) {
            dims.add(new int[] {s, s, s});
            dims.add(new int[] {s, 64, 7});
            dims.add(new int[] {32, s, 64});
            dims.add(new int[] {s, 1, 33});
            // k = 1: an outer product (dX of a network's output layer)
            dims.add(new int[] {s, 33, 1});
            dims.add(new int[] {32, s, 1});
        }
        for (int i = 0; i < 40; i++) {
            dims.add(new int[] {SIZES[rnd.nextInt(SIZES.length)], SIZES[rnd.nextInt(SIZES.length)],
                    SIZES[rnd.nextInt(SIZES.length)]});
        }
        // Large enough for the packed path, crossing each cache block: MC (144 or 120), KC (256), NC (4096).
        dims.add(new int[] {400, 70, 200});
        dims.add(new int[] {100, 100, 600});
        dims.add(new int[] {50, 4100, 30});
        dims.add(new int[] {389, 131, 263});
        for (int[] d : dims) {
            for (int t = 0; t < 4; t++) {
                cases.add(Arguments.of(d[0], d[1], d[2], (t & 1) != 0, (t & 2) != 0));
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> providersAndShapes() {
        return providers().flatMap(p -> shapes().map(s -> {
            Object[] args = s.get();
            return Arguments.of(p, args[0], args[1], args[2], args[3], args[4]);
        }));
    }

    @ParameterizedTest(name = "{0} m={1} n={2} k={3} transA={4} transB={5}")
    @MethodSource("providersAndShapes")
    void matchesDoubleReference(GemmSupport impl, int m, int n, int k, boolean transA, boolean transB) {
        Random rnd = new Random(31L * m + 17L * n + k + (transA ? 1 : 0) + (transB ? 2 : 0));
        float alpha = rnd.nextBoolean() ? 1f : -0.75f;
        float beta = new float[] {0f, 1f, 0.5f}[rnd.nextInt(3)];
        Problem p = Problem.random(rnd, m, n, k, transA, transB, 1 + rnd.nextInt(5), rnd.nextInt(3));
        if (beta == 0f) {
            Arrays.fill(p.c, Float.NaN); // beta 0 must not read C
        }
        float[] before = p.c.clone();
        Gemm.run(impl, transA, transB, m, n, k, alpha, p.a, p.aOff, p.lda, p.b, p.bOff, p.ldb, beta, p.c, p.cOff, p.ldc);
        p.assertClose(alpha, beta, before);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void zeroSizesAndZeroAlpha(GemmSupport impl) {
        float[] c = {1f, 2f, 3f, 4f};
        Gemm.run(impl, false, false, 2, 2, 0, 1f, new float[0], 0, 1, new float[2], 0, 2, 3f, c, 0, 2);
        assertArrayEquals(new float[] {3f, 6f, 9f, 12f}, c);
        float[] nan = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
        Gemm.run(impl, false, false, 2, 2, 1, 0f, new float[] {Float.NaN, 1f}, 0, 1, new float[] {1f, 1f}, 0, 2, 0f, nan, 0, 2);
        assertArrayEquals(new float[4], nan, "alpha 0 and beta 0 clear C without reading A, B or C");
        Gemm.run(impl, false, false, 0, 3, 3, 1f, new float[0], 0, 3, new float[9], 0, 3, 1f, new float[0], 0, 3);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void nanAndInfinityPropagate(GemmSupport impl) {
        for (int size : new int[] {5, 33, 70}) {
            int m = size, n = size, k = size;
            Random rnd = new Random(size);
            Problem p = Problem.random(rnd, m, n, k, false, false, 0, 0);
            p.a[2 * k + 1] = Float.NaN;                 // row 2 of A
            p.b[3 * n + 4] = Float.POSITIVE_INFINITY;   // row 3 of B, column 4
            Gemm.run(impl, false, false, m, n, k, 1f, p.a, 0, k, p.b, 0, n, 0f, p.c, 0, n);
            for (int j = 0; j < n; j++) {
                assertTrue(Float.isNaN(p.c[2 * n + j]), "NaN in row 2 of A reaches C[2][" + j + "]");
            }
            for (int i = 0; i < m; i++) {
                if (i != 2) {
                    float v = p.c[i * n + 4];
                    assertTrue(Float.isInfinite(v) || Float.isNaN(v), "Inf in B column 4 reaches C[" + i + "][4]");
                    if (p.a[i * k + 3] != 0f) {
                        assertEquals(Math.signum(p.a[i * k + 3]) * Float.POSITIVE_INFINITY, v, "C[" + i + "][4]");
                    }
                }
            }
            assertTrue(Float.isFinite(p.c[0]), "other elements stay finite");
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void resultDoesNotDependOnThreadCount(GemmSupport impl) {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            // {40, 129, 500} on 2 threads splits into 128 columns and 1 column unless the split avoids it.
            int[][] shapes = {{300, 700, 300}, {700, 100, 90}, {64, 64, 64}, {257, 129, 600}, {3000, 1, 700},
                {40, 129, 500}};
            for (int[] s : shapes) {
                for (int t = 0; t < 4; t++) {
                    boolean transA = (t & 1) != 0;
                    boolean transB = (t & 2) != 0;
                    Problem p = Problem.random(new Random(s[0] + t), s[0], s[1], s[2], transA, transB, 0, 0);
                    float[] single = p.c.clone();
                    Gemm.run(impl, transA, transB, s[0], s[1], s[2], 0.5f, p.a, 0, p.lda, p.b, 0, p.ldb, 1f,
                            single, 0, p.ldc);
                    for (int threads : new int[] {1, 2, 8}) {
                        float[] c = p.c.clone();
                        Gemm.parallel(impl, transA, transB, s[0], s[1], s[2], 0.5f, p.a, 0, p.lda, p.b, 0, p.ldb,
                                1f, c, 0, p.ldc, pool, threads);
                        assertArrayEquals(single, c, "bitwise equal with " + threads + " threads, shape "
                                + Arrays.toString(s) + " transA=" + transA + " transB=" + transB);
                    }
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void matrixTimesVectorGivesEachRowTheBitsItHasAlone(GemmSupport impl) {
        // The Panama kernel sums blocks of rows' lanes together and the rows after the last block one by
        // one: a row's result must not depend on which of the two it went through.
        for (int k : new int[] {1, 7, 8, 15, 16, 17, 33, 64, 100}) {
            for (int m : new int[] {1, 7, 8, 9, 17, 31, 40}) {
                Problem p = Problem.random(new Random(31L * k + m), m, 1, k, false, false, 0, 0);
                float[] all = new float[m];
                Gemm.run(impl, false, false, m, 1, k, 1f, p.a, 0, k, p.b, 0, 1, 0f, all, 0, 1);
                for (int i = 0; i < m; i++) {
                    float[] alone = new float[1];
                    Gemm.run(impl, false, false, 1, 1, k, 1f, p.a, i * k, k, p.b, 0, 1, 0f, alone, 0, 1);
                    assertEquals(Float.floatToRawIntBits(alone[0]), Float.floatToRawIntBits(all[i]),
                            "row " + i + " of " + m + ", k = " + k);
                }
            }
        }
    }

    @Test
    void facadeChecksArguments() {
        float[] a = new float[6];
        float[] b = new float[6];
        float[] c = new float[4];
        IllegalArgumentException neg = assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(false, false, -1, 2, 3, 1f, a, 0, 3, b, 0, 2, 0f, c, 0, 2));
        assertEquals("m must be >= 0 but was -1", neg.getMessage());
        IllegalArgumentException ld = assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(false, false, 2, 2, 3, 1f, a, 0, 2, b, 0, 2, 0f, c, 0, 2));
        assertTrue(ld.getMessage().contains("lda") && ld.getMessage().contains("2"), ld.getMessage());
        IndexOutOfBoundsException oob = assertThrows(IndexOutOfBoundsException.class,
                () -> Gemm.sgemm(false, false, 2, 2, 3, 1f, a, 1, 3, b, 0, 2, 0f, c, 0, 2));
        assertTrue(oob.getMessage().startsWith("A: a 2 x 3 matrix at offset 1"), oob.getMessage());
        assertThrows(IndexOutOfBoundsException.class,
                () -> Gemm.sgemm(false, true, 2, 2, 3, 1f, a, 0, 3, b, 1, 3, 0f, c, 0, 2));
        assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(false, false, 2, 2, 3, 1f, a, 0, 3, b, 0, 2, 0f, c, 0, 2, Runnable::run, 0));
        Gemm.sgemm(false, false, 2, 2, 3, 1f, a, 0, 3, b, 0, 2, 0f, c, 0, 2);
    }

    /** A random problem with offsets and padded leading dimensions, and its double reference. */
    private static final class Problem {
        final int m, n, k, lda, ldb, ldc, aOff, bOff, cOff;
        final boolean transA, transB;
        final float[] a, b, c;

        private Problem(Random rnd, int m, int n, int k, boolean transA, boolean transB, int off, int pad) {
            this.m = m;
            this.n = n;
            this.k = k;
            this.transA = transA;
            this.transB = transB;
            this.lda = (transA ? m : k) + pad;
            this.ldb = (transB ? k : n) + pad;
            this.ldc = n + pad;
            this.aOff = off;
            this.bOff = off + 1;
            this.cOff = off + 2;
            this.a = fill(rnd, aOff + (transA ? k : m) * lda + off);
            this.b = fill(rnd, bOff + (transB ? n : k) * ldb + off);
            this.c = fill(rnd, cOff + m * ldc + off);
        }

        static Problem random(Random rnd, int m, int n, int k, boolean transA, boolean transB, int off, int pad) {
            return new Problem(rnd, m, n, k, transA, transB, off, pad);
        }

        private static float[] fill(Random rnd, int size) {
            float[] x = new float[size];
            for (int i = 0; i < size; i++) {
                x[i] = (float) (rnd.nextDouble() * 2 - 1);
            }
            return x;
        }

        double opA(int i, int p) {
            return transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
        }

        double opB(int p, int j) {
            return transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
        }

        void assertClose(float alpha, float beta, float[] before) {
            for (int i = 0; i < c.length; i++) {
                boolean inC = i >= cOff && i < cOff + m * ldc && (i - cOff) % ldc < n;
                if (!inC && Float.floatToRawIntBits(c[i]) != Float.floatToRawIntBits(before[i])) {
                    fail("element " + i + " outside C was written");
                }
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    double abs = 0;
                    for (int p = 0; p < k; p++) {
                        double prod = opA(i, p) * opB(p, j);
                        sum += prod;
                        abs += Math.abs(prod);
                    }
                    double old = beta == 0f ? 0 : before[cOff + i * ldc + j];
                    double ref = alpha * sum + beta * old;
                    double bound = (k + 2) * 0x1p-23 * (Math.abs(alpha) * abs + Math.abs(beta * old)) + 1e-30;
                    float got = c[cOff + i * ldc + j];
                    if (!(Math.abs(got - ref) <= bound)) {
                        fail("C[" + i + "][" + j + "] = " + got + " but reference is " + ref + " (bound " + bound + ")");
                    }
                }
            }
        }
    }
}
