package dev.lanes.simd;

import dev.lanes.simd.internal.VectorSupport;
import dev.lanes.simd.internal.VectorizationProvider;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks both level-1 implementations (scalar and Panama) against double-precision references, and the
 * argument checks of the {@link Vectors} facade.
 *
 * <p>Sizes cover empty input, tails shorter than a vector, exact multiples of 8 and 16 lanes (AVX2 and
 * AVX-512) and of the 4-vector unrolled step, one past and one short of them, and primes. Operands start at different,
 * non-zero offsets so no kernel can assume aligned or equal indices; the cells around every operand
 * hold a sentinel that must survive.
 *
 * <p>Tolerance of a float sum of n terms against the double reference: any summation order (the scalar
 * loop, or the vector kernels' blocked order) has a forward error of at most about
 * {@code (n - 1) * u * sum(|term|)} with {@code u = 2^-24}; rounding {@code x - y} in squaredErrorSum
 * adds up to {@code 2u} per term. We allow {@code (n + 2) * 2^-23 * sum(|term|)}, twice that bound,
 * so the check scales with n and never depends on luck. Element-wise results are exact (a single
 * rounding of the double result) and must also be bitwise equal across the two providers.
 */
class VectorsTest {

    private static final int[] SIZES = {
        0, 1, 2, 3, 7, 8, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 129, 255, 257, 1009, 4099};
    private static final int X_OFF = 3;
    private static final int Y_OFF = 5;
    private static final int OUT_OFF = 1;
    /** Cells after each operand, so a kernel that writes one element too far is caught. */
    private static final int PAD = 4;
    private static final float SENTINEL = -12345.5f;
    /** Rows of the matrices in the addBias and columnSums tests; the columns are the sizes above. */
    private static final int ROWS = 5;

    private static final VectorSupport SCALAR = VectorizationProvider.scalar().vectors();
    private static final VectorSupport PANAMA = VectorizationProvider.panama().vectors();

    static Stream<Arguments> providersAndSizes() {
        List<Arguments> cases = new ArrayList<>();
        for (VectorSupport impl : List.of(SCALAR, PANAMA)) {
            for (int n : SIZES) {
                cases.add(Arguments.of(named(impl), n));
            }
        }
        return cases.stream();
    }

    /** Sizes at which a special value can sit in the unrolled loop, the single-vector loop or the tail. */
    static Stream<Arguments> providersSizesAndPositions() {
        List<Arguments> cases = new ArrayList<>();
        for (VectorSupport impl : List.of(SCALAR, PANAMA)) {
            for (int n : new int[] {1, 17, 65, 100, 257, 1009}) {
                for (int at : new int[] {0, n / 2, n - 1}) {
                    cases.add(Arguments.of(named(impl), n, at));
                }
            }
        }
        return cases.stream();
    }

    private static Named<VectorSupport> named(VectorSupport impl) {
        return Named.of(impl == SCALAR ? "scalar" : "panama", impl);
    }

    // ---- reductions -------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("providersAndSizes")
    void dot(VectorSupport impl, int n) {
        Random random = new Random(1000 + n);
        float[] x = operand(random, X_OFF, n);
        float[] y = operand(random, Y_OFF, n);
        double ref = 0;
        double abs = 0;
        for (int i = 0; i < n; i++) {
            double t = (double) x[X_OFF + i] * y[Y_OFF + i];
            ref += t;
            abs += Math.abs(t);
        }
        assertWithin(ref, abs, n, impl.dot(n, x, X_OFF, y, Y_OFF));
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("providersAndSizes")
    void sum(VectorSupport impl, int n) {
        float[] x = operand(new Random(2000 + n), X_OFF, n);
        double ref = 0;
        double abs = 0;
        for (int i = 0; i < n; i++) {
            ref += x[X_OFF + i];
            abs += Math.abs(x[X_OFF + i]);
        }
        assertWithin(ref, abs, n, impl.sum(n, x, X_OFF));
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("providersAndSizes")
    void squaredErrorSum(VectorSupport impl, int n) {
        Random random = new Random(3000 + n);
        float[] x = operand(random, X_OFF, n);
        float[] y = operand(random, Y_OFF, n);
        double ref = 0;
        for (int i = 0; i < n; i++) {
            double d = (double) x[X_OFF + i] - y[Y_OFF + i];
            ref += d * d;
        }
        assertWithin(ref, ref, n, impl.squaredErrorSum(n, x, X_OFF, y, Y_OFF));
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("providersAndSizes")
    void maxIsExactAndNegativeInfinityWhenEmpty(VectorSupport impl, int n) {
        Random random = new Random(4000 + n);
        float[] x = operand(random, X_OFF, n);
        // All negative: a kernel that starts from 0 instead of -infinity would return 0.
        float[] negative = operand(random, X_OFF, n);
        float ref = Float.NEGATIVE_INFINITY;
        float refNegative = Float.NEGATIVE_INFINITY;
        for (int i = X_OFF; i < X_OFF + n; i++) {
            negative[i] = -1f - Math.abs(negative[i]);
            ref = Math.max(ref, x[i]);
            refNegative = Math.max(refNegative, negative[i]);
        }
        assertEquals(ref, impl.max(n, x, X_OFF));
        assertEquals(refNegative, impl.max(n, negative, X_OFF));
        if (n == 0) {
            assertEquals(Float.NEGATIVE_INFINITY, impl.max(n, x, X_OFF));
        }
    }

    // ---- element-wise -----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("providersAndSizes")
    void axpy(VectorSupport impl, int n) {
        Random random = new Random(5000 + n);
        float alpha = 0.75f + random.nextFloat();
        float[] x = operand(random, X_OFF, n);
        float[] y = operand(random, Y_OFF, n);
        float[] before = y.clone();
        impl.axpy(n, alpha, x, X_OFF, y, Y_OFF);
        for (int i = 0; i < n; i++) {
            // alpha * x is exact in double; the sum then rounds twice (to double, to float): allow 1 ulp.
            double ref = (double) alpha * x[X_OFF + i] + before[Y_OFF + i];
            assertEquals(ref, y[Y_OFF + i], Math.ulp((float) ref), "y[" + i + "]");
        }
        assertSentinels(y, Y_OFF, n);
        assertSameAsScalar(impl, y, s -> SCALAR.axpy(n, alpha, x, X_OFF, s, Y_OFF), before);
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("providersAndSizes")
    void scale(VectorSupport impl, int n) {
        Random random = new Random(6000 + n);
        float alpha = -0.5f - random.nextFloat();
        float[] x = operand(random, X_OFF, n);
        float[] before = x.clone();
        impl.scale(n, alpha, x, X_OFF);
        for (int i = 0; i < n; i++) {
            assertEquals((float) ((double) alpha * before[X_OFF + i]), x[X_OFF + i], "x[" + i + "]");
        }
        assertSentinels(x, X_OFF, n);
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("providersAndSizes")
    void addAndMultiply(VectorSupport impl, int n) {
        Random random = new Random(7000 + n);
        float[] x = operand(random, X_OFF, n);
        float[] y = operand(random, Y_OFF, n);
        float[] sum = operand(random, OUT_OFF, n);
        float[] product = operand(random, OUT_OFF, n);
        float[] xBefore = x.clone();
        float[] yBefore = y.clone();
        impl.add(n, x, X_OFF, y, Y_OFF, sum, OUT_OFF);
        impl.multiply(n, x, X_OFF, y, Y_OFF, product, OUT_OFF);
        for (int i = 0; i < n; i++) {
            double a = x[X_OFF + i];
            double b = y[Y_OFF + i];
            assertEquals((float) (a + b), sum[OUT_OFF + i], "sum[" + i + "]");
            assertEquals((float) (a * b), product[OUT_OFF + i], "product[" + i + "]");
        }
        assertArrayEquals(xBefore, x, "x must not change");
        assertArrayEquals(yBefore, y, "y must not change");
        assertSentinels(sum, OUT_OFF, n);
        assertSentinels(product, OUT_OFF, n);
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("providersAndSizes")
    void addAndMultiplyInPlace(VectorSupport impl, int n) {
        Random random = new Random(8000 + n);
        float[] x = operand(random, X_OFF, n);
        float[] y = operand(random, Y_OFF, n);
        float[] x0 = x.clone();
        float[] y0 = y.clone();

        impl.add(n, x, X_OFF, y, Y_OFF, x, X_OFF);
        for (int i = 0; i < n; i++) {
            assertEquals(x0[X_OFF + i] + y0[Y_OFF + i], x[X_OFF + i], "out == x, [" + i + "]");
        }
        float[] x1 = x.clone();
        impl.multiply(n, x, X_OFF, y, Y_OFF, y, Y_OFF);
        for (int i = 0; i < n; i++) {
            assertEquals(x1[X_OFF + i] * y0[Y_OFF + i], y[Y_OFF + i], "out == y, [" + i + "]");
        }
        assertSentinels(x, X_OFF, n);
        assertSentinels(y, Y_OFF, n);
    }

    // ---- matrices with a padded leading dimension -------------------------------------------------

    @ParameterizedTest(name = "{0} cols={1}")
    @MethodSource("providersAndSizes")
    void addBias(VectorSupport impl, int cols) {
        Random random = new Random(9000 + cols);
        int ldx = cols + 3;
        float[] x = matrix(random, ROWS, cols, ldx);
        float[] bias = operand(random, Y_OFF, cols);
        float[] before = x.clone();
        impl.addBias(ROWS, cols, bias, Y_OFF, x, X_OFF, ldx);
        for (int r = 0; r < ROWS; r++) {
            for (int j = 0; j < cols; j++) {
                int at = X_OFF + r * ldx + j;
                assertEquals(before[at] + bias[Y_OFF + j], x[at], "x[" + r + "][" + j + "]");
                before[at] = SENTINEL;
                x[at] = SENTINEL;
            }
        }
        // Everything outside the rows x cols block, row padding included, is untouched.
        assertArrayEquals(before, x);
        assertSentinels(bias, Y_OFF, cols);
    }

    @ParameterizedTest(name = "{0} cols={1}")
    @MethodSource("providersAndSizes")
    void columnSums(VectorSupport impl, int cols) {
        Random random = new Random(10_000 + cols);
        int ldx = cols + 3;
        float[] x = matrix(random, ROWS, cols, ldx);
        float[] before = x.clone();
        float[] out = operand(random, OUT_OFF, cols);
        impl.columnSums(ROWS, cols, x, X_OFF, ldx, out, OUT_OFF);
        for (int j = 0; j < cols; j++) {
            double ref = 0;
            double abs = 0;
            for (int r = 0; r < ROWS; r++) {
                ref += x[X_OFF + r * ldx + j];
                abs += Math.abs(x[X_OFF + r * ldx + j]);
            }
            assertWithin(ref, abs, ROWS, out[OUT_OFF + j]);
        }
        assertArrayEquals(before, x, "x must not change");
        assertSentinels(out, OUT_OFF, cols);
        assertSameAsScalar(impl, out, s -> SCALAR.columnSums(ROWS, cols, x, X_OFF, ldx, s, OUT_OFF), out.clone());
    }

    @Test
    void columnSumsOfManyRowsAndNoRows() {
        Random random = new Random(11);
        int rows = 129;
        int cols = 70;
        int ldx = 77;
        float[] x = matrix(random, rows, cols, ldx);
        float[] scalar = new float[cols];
        float[] panama = new float[cols];
        SCALAR.columnSums(rows, cols, x, X_OFF, ldx, scalar, 0);
        PANAMA.columnSums(rows, cols, x, X_OFF, ldx, panama, 0);
        for (int j = 0; j < cols; j++) {
            double ref = 0;
            double abs = 0;
            for (int r = 0; r < rows; r++) {
                ref += x[X_OFF + r * ldx + j];
                abs += Math.abs(x[X_OFF + r * ldx + j]);
            }
            assertWithin(ref, abs, rows, panama[j]);
        }
        assertArrayEquals(scalar, panama);

        for (VectorSupport impl : List.of(SCALAR, PANAMA)) {
            float[] out = {7f, 7f, 7f};
            impl.columnSums(0, 3, x, 0, 3, out, 0);
            assertArrayEquals(new float[] {0f, 0f, 0f}, out, "zero rows sum to 0");
            float[] before = x.clone();
            impl.addBias(0, 3, out, 0, x, 0, 3);
            assertArrayEquals(before, x, "addBias of zero rows changes nothing");
        }
    }

    // ---- NaN and infinities -----------------------------------------------------------------------

    @ParameterizedTest(name = "{0} n={1} at={2}")
    @MethodSource("providersSizesAndPositions")
    void nanPropagates(VectorSupport impl, int n, int at) {
        float[] x = operand(new Random(12_000 + n), X_OFF, n);
        float[] y = operand(new Random(12_001 + n), Y_OFF, n);
        x[X_OFF + at] = Float.NaN;
        assertNaN(impl.sum(n, x, X_OFF), "sum");
        assertNaN(impl.max(n, x, X_OFF), "max");
        assertNaN(impl.dot(n, x, X_OFF, y, Y_OFF), "dot");
        assertNaN(impl.dot(n, y, Y_OFF, x, X_OFF), "dot, NaN in y");
        assertNaN(impl.squaredErrorSum(n, x, X_OFF, y, Y_OFF), "squaredErrorSum");
        float[] out = new float[n];
        impl.add(n, x, X_OFF, y, Y_OFF, out, 0);
        assertNaN(out[at], "add");
        impl.multiply(n, x, X_OFF, y, Y_OFF, out, 0);
        assertNaN(out[at], "multiply");
    }

    @ParameterizedTest(name = "{0} n={1} at={2}")
    @MethodSource("providersSizesAndPositions")
    void infinities(VectorSupport impl, int n, int at) {
        float[] x = operand(new Random(13_000 + n), X_OFF, n);
        float[] y = operand(new Random(13_001 + n), Y_OFF, n);
        x[X_OFF + at] = Float.POSITIVE_INFINITY;
        assertEquals(Float.POSITIVE_INFINITY, impl.sum(n, x, X_OFF), "sum with +inf");
        assertEquals(Float.POSITIVE_INFINITY, impl.max(n, x, X_OFF), "max with +inf");
        assertEquals(Float.POSITIVE_INFINITY, impl.squaredErrorSum(n, x, X_OFF, y, Y_OFF), "squaredErrorSum with +inf");
        y[Y_OFF + at] = Float.POSITIVE_INFINITY;
        assertNaN(impl.squaredErrorSum(n, x, X_OFF, y, Y_OFF), "squaredErrorSum of inf - inf");
        y[Y_OFF + at] = 0f;
        assertNaN(impl.dot(n, x, X_OFF, y, Y_OFF), "dot of inf * 0");

        // One +inf and one -inf: the sum is NaN, max stays +inf (only when there are two cells).
        if (n > 1) {
            int other = at == 0 ? n - 1 : 0;
            x[X_OFF + other] = Float.NEGATIVE_INFINITY;
            assertNaN(impl.sum(n, x, X_OFF), "sum with +inf and -inf");
            assertEquals(Float.POSITIVE_INFINITY, impl.max(n, x, X_OFF), "max with +inf and -inf");
        }

        float[] allNegativeInfinity = new float[n];
        Arrays.fill(allNegativeInfinity, Float.NEGATIVE_INFINITY);
        assertEquals(Float.NEGATIVE_INFINITY, impl.max(n, allNegativeInfinity, 0), "max of -inf only");
        assertEquals(Float.NEGATIVE_INFINITY, impl.sum(n, allNegativeInfinity, 0), "sum of -inf only");
    }

    @Test
    void maxOfSignedZerosFollowsMathMax() {
        for (VectorSupport impl : List.of(SCALAR, PANAMA)) {
            for (int n : new int[] {1, 16, 64, 100}) {
                float[] zeros = new float[n];
                Arrays.fill(zeros, -0f);
                assertEquals(-0f, impl.max(n, zeros, 0), "all -0");
                zeros[n / 2] = 0f;
                assertEquals(0f, impl.max(n, zeros, 0), "+0 beats -0");
            }
        }
    }

    /**
     * The tests above run the Panama kernels mostly in the interpreter and C1, where vector operations
     * are Java code; C2 replaces them with intrinsics. Calling the reductions this often gets them
     * compiled by C2 under the default thresholds, so NaN handling is also checked in the code that
     * production runs (nothing here can prove the compilation happened).
     */
    @Test
    void nanSurvivesCompilation() {
        int n = 100;
        float[] x = operand(new Random(14), 0, n);
        float[] withNaN = x.clone();
        withNaN[40] = Float.NaN;
        float[] infinities = x.clone();
        infinities[7] = Float.POSITIVE_INFINITY;
        infinities[70] = Float.NEGATIVE_INFINITY;
        float max = PANAMA.max(n, x, 0);
        for (int i = 0; i < 20_000; i++) {
            assertNaN(PANAMA.max(n, withNaN, 0), "max, call " + i);
            assertNaN(PANAMA.sum(n, infinities, 0), "sum, call " + i);
            assertNaN(PANAMA.dot(n, withNaN, 0, x, 0), "dot, call " + i);
            assertEquals(max, PANAMA.max(n, x, 0), "max without NaN, call " + i);
        }
    }

    // ---- the facade's argument checks -------------------------------------------------------------

    @Test
    void facadeRejectsNegativeLength() {
        float[] x = new float[8];
        assertMessage(IllegalArgumentException.class, () -> Vectors.dot(-1, x, 0, x, 0), "n", "-1");
        assertMessage(IllegalArgumentException.class, () -> Vectors.sum(-3, x, 0), "n", "-3");
        assertMessage(IllegalArgumentException.class, () -> Vectors.axpy(-2, 1f, x, 0, x, 0), "n", "-2");
        assertMessage(IllegalArgumentException.class, () -> Vectors.addBias(-4, 2, x, 0, x, 0, 2), "rows", "-4");
        assertMessage(IllegalArgumentException.class, () -> Vectors.columnSums(2, -5, x, 0, 2, x, 0), "cols", "-5");
    }

    @Test
    void facadeRejectsOffsetsOutOfRange() {
        float[] x = new float[10];
        float[] y = new float[10];
        assertMessage(IndexOutOfBoundsException.class, () -> Vectors.dot(3, x, 8, y, 0), "x", "offset 8", "10");
        assertMessage(IndexOutOfBoundsException.class, () -> Vectors.dot(3, x, 0, y, -1), "y", "offset -1");
        assertMessage(IndexOutOfBoundsException.class, () -> Vectors.sum(11, x, 0), "x", "length 11", "10");
        assertMessage(IndexOutOfBoundsException.class, () -> Vectors.max(1, x, 10), "x", "offset 10");
        assertMessage(IndexOutOfBoundsException.class, () -> Vectors.add(2, x, 0, y, 0, new float[3], 2),
                "out", "offset 2", "3");
        assertMessage(IndexOutOfBoundsException.class, () -> Vectors.addBias(2, 3, new float[2], 0, x, 0, 3),
                "bias", "length 3", "2");
        assertMessage(IndexOutOfBoundsException.class, () -> Vectors.columnSums(3, 3, x, 2, 4, y, 0),
                "X", "offset 2", "10");
        assertMessage(NullPointerException.class, () -> Vectors.squaredErrorSum(1, x, 0, null, 0), "y");
    }

    @Test
    void facadeRejectsShortLeadingDimension() {
        float[] x = new float[20];
        float[] bias = new float[5];
        assertMessage(IllegalArgumentException.class, () -> Vectors.addBias(2, 5, bias, 0, x, 0, 4), "ldx", "4");
        assertMessage(IllegalArgumentException.class, () -> Vectors.columnSums(2, 5, x, 0, 3, bias, 0), "ldx", "3");
    }

    @Test
    void facadeRunsTheActiveProvider() {
        float[] x = {1f, 2f, 3f, 4f, 5f};
        assertEquals(29f, Vectors.dot(3, x, 1, x, 1));
        assertEquals(5f, Vectors.max(5, x, 0));
        assertEquals(Float.NEGATIVE_INFINITY, Vectors.max(0, x, 5));
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** An array with n random values in [-1, 1) at off, and sentinels before and after them. */
    private static float[] operand(Random random, int off, int n) {
        float[] a = new float[off + n + PAD];
        Arrays.fill(a, SENTINEL);
        for (int i = off; i < off + n; i++) {
            a[i] = 2f * random.nextFloat() - 1f;
        }
        return a;
    }

    /** A rows x cols matrix at X_OFF with row stride ldx; the padding cells hold the sentinel. */
    private static float[] matrix(Random random, int rows, int cols, int ldx) {
        float[] a = new float[X_OFF + rows * ldx + PAD];
        Arrays.fill(a, SENTINEL);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                a[X_OFF + r * ldx + j] = 2f * random.nextFloat() - 1f;
            }
        }
        return a;
    }

    private static void assertSentinels(float[] a, int off, int n) {
        for (int i = 0; i < a.length; i++) {
            if (i < off || i >= off + n) {
                assertEquals(SENTINEL, a[i], "cell " + i + " outside [" + off + ", " + (off + n) + ") was written");
            }
        }
    }

    /** See the class comment for the bound. */
    private static void assertWithin(double ref, double sumOfAbs, int n, float actual) {
        double tolerance = (n + 2) * 0x1p-23 * sumOfAbs;
        assertEquals(ref, actual, tolerance, "n=" + n);
    }

    private static void assertNaN(float value, String what) {
        assertTrue(Float.isNaN(value), what + ": expected NaN but was " + value);
    }

    /** Element-wise results must be bitwise the scalar ones: runs the scalar kernel on a copy of input. */
    private static void assertSameAsScalar(VectorSupport impl, float[] result,
                                           Consumer<float[]> scalarKernel, float[] input) {
        if (impl == SCALAR) {
            return;
        }
        float[] expected = input.clone();
        scalarKernel.accept(expected);
        assertArrayEquals(expected, result, "differs from the scalar kernel");
    }

    private static void assertMessage(Class<? extends RuntimeException> type, Executable call, String... parts) {
        String message = assertThrows(type, call).getMessage();
        for (String part : parts) {
            assertTrue(message != null && message.contains(part),
                    "message '" + message + "' should mention '" + part + "'");
        }
    }
}
