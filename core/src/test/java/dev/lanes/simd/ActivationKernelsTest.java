package dev.lanes.simd;

import dev.lanes.simd.internal.ActivationMath;
import dev.lanes.simd.internal.ActivationSupport;
import dev.lanes.simd.internal.VectorizationProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The scalar and the Panama activation kernels, run on the same seeded inputs in one JVM, against the
 * double-precision {@link ActivationReference}.
 *
 * <p>Tolerances, per activation (table {@link #TOL}):
 * <ul>
 *   <li>forward: {@code |got - ref| <= fwdUlps * ulp((float) ref) + fwdAbsX * 2^-24 |x| + 2^-126}. The
 *       last term only matters for subnormal results, whose precision is not promised. The middle term
 *       is used by gelu_tanh alone: its {@code e^-2u} carries the float rounding of the cubic
 *       {@code 2u}, a relative error of about {@code |2u| 2^-22} that stays below {@code 2^-23 |x|}
 *       in absolute terms.</li>
 *   <li>backward: {@code |got - g f'(x)| <= bwdUlps * ulp((float) (g f'(x))) + bwdAbs * 2^-24 |g| + 2^-126}.
 *       The absolute term, a few float ulps of 1 scaled by |g|, covers derivatives that are sums of
 *       O(1) terms near their zero crossings and those computed from the rounded output y
 *       (sigmoid {@code y (1 - y)}, tanh {@code (1 - y)(1 + y)}).</li>
 * </ul>
 * The values are about 1.5x the largest errors seen (Panama; the scalar twin, computing in double,
 * stays within 2 ulps everywhere, GELU included).
 */
class ActivationKernelsTest {

    static final int[] SIZES = {0, 1, 2, 3, 5, 7, 11, 13, 15, 16, 17, 31, 33, 63, 65, 101, 127, 129, 255, 257, 509};

    private static final float[] SPECIAL = {
        0f, -0f, 3f, -3f, 6f, -6f, 1.5f, -1.5f, Math.nextDown(3f), Math.nextUp(-3f), Math.nextDown(6f),
        Float.MIN_VALUE, -Float.MIN_VALUE, 1e-40f, -1e-40f, 1e-20f, -1e-20f, 1e-7f, -1e-7f, 0.5f, -0.5f,
        20f, -20f, 30f, -30f, 50f, -50f, 100f, -100f,
        -0.7517916f, -1.2784645f, // near the zeros of gelu' and silu'
        1f, -1f, Math.nextUp(1f), Math.nextDown(-1f), Math.nextUp(0.5f), Math.nextDown(-0.5f), // thresholds
    };

    /**
     * Tolerance of one activation: forward ulps, forward absolute (units of 2^-24 |x|), backward ulps,
     * backward absolute (units of 2^-24 |g|).
     */
    private static final class Tol {
        final double fwdUlps;
        final double fwdAbsX;
        final double bwdUlps;
        final double bwdAbs;

        Tol(double fwdUlps, double fwdAbsX, double bwdUlps, double bwdAbs) {
            this.fwdUlps = fwdUlps;
            this.fwdAbsX = fwdAbsX;
            this.bwdUlps = bwdUlps;
            this.bwdAbs = bwdAbs;
        }
    }

    static final Map<Activation, Tol> TOL = new EnumMap<>(Activation.class);

    static {
        TOL.put(Activation.LINEAR, new Tol(0, 0, 0, 0));
        TOL.put(Activation.RELU, new Tol(0, 0, 0, 0));
        TOL.put(Activation.LEAKY_RELU, new Tol(1, 0, 1, 0));
        TOL.put(Activation.RELU6, new Tol(0, 0, 0, 0));
        TOL.put(Activation.ELU, new Tol(1, 0, 2, 0));
        TOL.put(Activation.SELU, new Tol(2, 0, 3, 0));
        TOL.put(Activation.SIGMOID, new Tol(3, 0, 2, 2));
        TOL.put(Activation.TANH, new Tol(3.5, 0, 2, 3.5));
        TOL.put(Activation.SOFTPLUS, new Tol(2, 0, 3, 0));
        TOL.put(Activation.SOFTSIGN, new Tol(2, 0, 4, 0));
        TOL.put(Activation.SILU, new Tol(3, 0, 3, 2));
        TOL.put(Activation.GELU, new Tol(6, 0, 6, 2));
        TOL.put(Activation.GELU_TANH, new Tol(8, 2, 12, 4));
        TOL.put(Activation.MISH, new Tol(4, 0, 3, 2));
        TOL.put(Activation.EXPONENTIAL, new Tol(1, 0, 2, 0));
        TOL.put(Activation.HARD_SIGMOID, new Tol(2, 0, 1, 0));
        TOL.put(Activation.HARD_SILU, new Tol(3, 0, 2, 0));
        TOL.put(Activation.CELU, TOL.get(Activation.ELU));
        TOL.put(Activation.LOG_SIGMOID, new Tol(3, 0, 3, 0));
        TOL.put(Activation.HARD_TANH, new Tol(0, 0, 0, 0));
        // x - tanh(x) cancels near 0: the lanes are within tanh's own error, a few ulps of x
        TOL.put(Activation.TANH_SHRINK, new Tol(3, 6, 7, 0));
        TOL.put(Activation.SQUAREPLUS, new Tol(3, 0, 4, 1));
        TOL.put(Activation.SOFT_SHRINK, new Tol(0, 0, 0, 0));
        TOL.put(Activation.HARD_SHRINK, new Tol(0, 0, 0, 0));
        TOL.put(Activation.SPARSE_PLUS, new Tol(2, 0, 2, 0));
        TOL.put(Activation.SPARSE_SIGMOID, new Tol(1, 0, 0, 0));
        TOL.put(Activation.THRESHOLD, new Tol(0, 0, 0, 0));
    }

    /**
     * Functions at other values of their Keras arguments, chosen to move every kink and to reach the
     * cases the kernels treat apart: a leaky slope above 1, a relu threshold on either side of 0, a
     * max_value below the threshold, thresholds of 0, a negative elu alpha.
     */
    static final List<ActivationFunction> WITH_ARGUMENTS = List.of(
            Activation.leakyRelu(0.3), Activation.leakyRelu(1.5), Activation.relu(0.1, Double.POSITIVE_INFINITY, 0),
            Activation.relu(0, 3, 0), Activation.relu(0, Double.POSITIVE_INFINITY, 0.5),
            Activation.relu(0, Double.POSITIVE_INFINITY, -1), Activation.relu(0.1, 4, 1), Activation.relu(0, 0.5, 1),
            Activation.relu(0.2, 2, -0.5), Activation.elu(0.5), Activation.elu(2), Activation.elu(-0.5),
            Activation.celu(0.5), Activation.celu(3), Activation.squareplus(1), Activation.squareplus(0.01),
            Activation.softShrink(0), Activation.softShrink(1.2), Activation.hardShrink(0), Activation.hardShrink(2),
            Activation.threshold(0.5, -1), Activation.threshold(-2, 3));

    /** Every element-wise function tested: each constant, then those of {@link #WITH_ARGUMENTS}. */
    static List<ActivationFunction> elementwise() {
        List<ActivationFunction> all = new ArrayList<>();
        for (Activation f : Activation.values()) {
            if (f.isElementwise()) {
                all.add(f);
            }
        }
        all.addAll(WITH_ARGUMENTS);
        return all;
    }

    /** A seed of its own for each function. */
    static long seed(ActivationFunction f) {
        return f.kerasForm().hashCode();
    }

    /**
     * Tolerances of the kinds whose arguments, away from Keras' defaults, add roundings: relu's slope
     * term {@code s * (t - x)} (two) and the shrinks' {@code x -+ t} (one); celu's {@code x / alpha},
     * rounded to float, moves {@code e^(x / alpha)} by up to {@code |x / alpha| 2^-24} relative, which
     * is at most {@code 0.37 * 2^-24} absolute (at {@code x = -alpha}) and below {@code 2^-24 |x|}.
     */
    static final Map<Activation, Tol> TOL_WITH_ARGUMENTS = Map.of(
            Activation.RELU, new Tol(1.5, 0, 1, 0),
            Activation.SOFT_SHRINK, new Tol(1, 0, 0, 0),
            Activation.CELU, new Tol(2, 1, 2, 1));

    static Tol tolerance(ActivationFunction f) {
        return f instanceof Activation ? TOL.get(f.kind()) : TOL_WITH_ARGUMENTS.getOrDefault(f.kind(), TOL.get(f.kind()));
    }

    static ActivationSupport provider(String name) {
        return "scalar".equals(name) ? VectorizationProvider.scalar().activations()
                : VectorizationProvider.panama().activations();
    }

    static Stream<Arguments> providersAndElementwise() {
        List<Arguments> args = new ArrayList<>();
        for (String p : new String[] {"scalar", "panama"}) {
            for (ActivationFunction f : elementwise()) {
                args.add(Arguments.of(p, f));
            }
        }
        return args.stream();
    }

    static float[] inputs(Random rnd, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextInt(8) == 0 ? SPECIAL[rnd.nextInt(SPECIAL.length)] : (float) (rnd.nextDouble() * 40 - 20);
        }
        return x;
    }

    static float[] gradients(Random rnd, int n) {
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            g[i] = rnd.nextInt(16) == 0 ? 1f : (float) (rnd.nextDouble() * 4 - 2);
        }
        return g;
    }

    /** An array of {@code off + n + 3} NaN-free sentinels with {@code data} copied in at {@code off}. */
    static float[] embed(float[] data, int off) {
        float[] a = new float[off + data.length + 3];
        Arrays.fill(a, 12345f);
        System.arraycopy(data, 0, a, off, data.length);
        return a;
    }

    static void assertSentinels(float[] a, int off, int n) {
        for (int i = 0; i < a.length; i++) {
            if ((i < off || i >= off + n) && a[i] != 12345f) {
                fail("wrote outside [" + off + ", " + (off + n) + ") at " + i);
            }
        }
    }

    static void assertClose(String what, double ref, float got, double ulps, double abs) {
        float rf = (float) ref;
        if (Double.isNaN(ref) || Float.isInfinite(rf)) {
            assertEquals(rf, got, 0f, what);
            return;
        }
        double tol = ulps * Math.ulp(rf) + abs;
        if (!(Math.abs(got - ref) <= tol)) {
            fail(what + ": expected " + ref + " but got " + got + " (error " + Math.abs(got - ref) / Math.ulp(rf)
                    + " ulp, tolerance " + tol + ")");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providersAndElementwise")
    void forwardMatchesReference(String providerName, ActivationFunction f) {
        ActivationSupport impl = provider(providerName);
        Tol tol = tolerance(f);
        Random rnd = new Random(1000 + seed(f));
        for (int n : SIZES) {
            float[] x = inputs(rnd, n);
            int rows = n % 2 == 0 && n > 0 ? 2 : 1;
            int xOff = 1 + rnd.nextInt(4);
            int outOff = rnd.nextInt(5);
            float[] xa = embed(x, xOff);
            float[] out = embed(new float[n], outOff);
            impl.forward(f, rows, n / rows, xa, xOff, out, outOff);
            assertSentinels(out, outOff, n);
            for (int i = 0; i < n; i++) {
                assertClose(providerName + " " + f + " n=" + n + " x[" + i + "]=" + x[i],
                        ActivationReference.forward(f, x[i]), out[outOff + i], tol.fwdUlps,
                        tol.fwdAbsX * 0x1p-24 * Math.abs(x[i]) + 0x1p-126);
            }
            impl.forward(f, rows, n / rows, xa, xOff, xa, xOff);
            assertArrayEquals(Arrays.copyOfRange(out, outOff, outOff + n), Arrays.copyOfRange(xa, xOff, xOff + n),
                    providerName + " " + f + " in place n=" + n);
            assertSentinels(xa, xOff, n);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providersAndElementwise")
    void backwardMatchesReference(String providerName, ActivationFunction f) {
        ActivationSupport impl = provider(providerName);
        Tol tol = tolerance(f);
        Random rnd = new Random(2000 + seed(f));
        for (int n : SIZES) {
            float[] x = inputs(rnd, n);
            float[] g = gradients(rnd, n);
            float[] y = new float[n];
            impl.forward(f, 1, n, x, 0, y, 0);
            int xOff = rnd.nextInt(3);
            int yOff = 1 + rnd.nextInt(3);
            int gOff = 2 + rnd.nextInt(3);
            int giOff = rnd.nextInt(5);
            float[] xa = embed(x, xOff);
            float[] ya = embed(y, yOff);
            float[] ga = embed(g, gOff);
            float[] gi = embed(new float[n], giOff);
            impl.backward(f, 1, n, xa, xOff, ya, yOff, ga, gOff, gi, giOff);
            assertSentinels(gi, giOff, n);
            for (int i = 0; i < n; i++) {
                double ref = g[i] * ActivationReference.derivative(f, x[i]);
                assertClose(providerName + " " + f + "' n=" + n + " x[" + i + "]=" + x[i] + " g=" + g[i],
                        ref, gi[giOff + i], tol.bwdUlps, tol.bwdAbs * 0x1p-24 * Math.abs(g[i]) + 0x1p-126);
            }
            impl.backward(f, 1, n, xa, xOff, ya, yOff, ga, gOff, ga, gOff);
            assertArrayEquals(Arrays.copyOfRange(gi, giOff, giOff + n), Arrays.copyOfRange(ga, gOff, gOff + n),
                    providerName + " " + f + "' in place n=" + n);
            assertSentinels(ga, gOff, n);
        }
    }

    /**
     * Points in [-20, 20] at least 1e-3 away from every kink: 0, +-0.5, +-1, +-3, 6 and, for a function
     * with arguments, plus and minus each argument's value.
     */
    static double[] smoothPoints(Random rnd, int count, ActivationFunction f) {
        List<Double> kinks = new ArrayList<>(List.of(0.0, 0.5, 1.0, 3.0, 6.0));
        for (int a = 0; a < f.kind().arguments().size(); a++) {
            kinks.add(Math.abs(f.argument(a)));
        }
        double[] pts = new double[count];
        for (int i = 0; i < count; i++) {
            double v;
            do {
                v = rnd.nextDouble() * 40 - 20;
            } while (nearAny(Math.abs(v), kinks));
            pts[i] = v;
        }
        return pts;
    }

    private static boolean nearAny(double v, List<Double> points) {
        return points.stream().anyMatch(p -> Math.abs(v - p) < 1e-3);
    }

    static double centralDifference(ActivationFunction f, double x) {
        double h = 1e-5 * Math.max(1, Math.abs(x));
        return (ActivationReference.forward(f, x + h) - ActivationReference.forward(f, x - h)) / (2 * h);
    }

    @ParameterizedTest
    @MethodSource("elementwise")
    void referenceDerivativeMatchesFiniteDifferences(ActivationFunction f) {
        Random rnd = new Random(3000 + seed(f));
        for (double x : smoothPoints(rnd, 400, f)) {
            double fd = centralDifference(f, x);
            double d = ActivationReference.derivative(f, x);
            assertEquals(fd, d, 1e-7 * Math.max(1, Math.abs(fd)), f + "'(" + x + ")");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providersAndElementwise")
    void backwardMatchesFiniteDifferences(String providerName, ActivationFunction f) {
        ActivationSupport impl = provider(providerName);
        Tol tol = tolerance(f);
        double[] pts = smoothPoints(new Random(4000 + seed(f)), 67, f);
        int n = pts.length;
        float[] x = new float[n];
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) pts[i];
            g[i] = 1f;
        }
        float[] y = new float[n];
        float[] gi = new float[n];
        impl.forward(f, 1, n, x, 0, y, 0);
        impl.backward(f, 1, n, x, 0, y, 0, g, 0, gi, 0);
        for (int i = 0; i < n; i++) {
            double fd = centralDifference(f, x[i]);
            assertClose(providerName + " " + f + "'(" + x[i] + ") vs finite difference", fd, gi[i],
                    tol.bwdUlps, tol.bwdAbs * 0x1p-24 + 1e-8 * Math.max(1, Math.abs(fd)));
        }
    }

    @Test
    void referenceErfcMatchesKnownValues() {
        assertEquals(0.479500122186953462, ActivationReference.erfc(0.5), 1e-15);
        assertEquals(0.157299207050285131, ActivationReference.erfc(1), 1e-15);
        assertEquals(2.20904969985854414e-5, ActivationReference.erfc(3), 1e-18);
        assertEquals(1.53745979442803485e-12, ActivationReference.erfc(5), 1e-25);
        assertEquals(2.08848758376254476e-45, ActivationReference.erfc(10), 1e-58);
        assertEquals(1.842700792949714869, ActivationReference.erfc(-1), 1e-15);
    }

    @Test
    void kernelErfcFitIsWithinItsDocumentedBound() {
        for (double z = 0; z <= 12; z += 4e-3) {
            double ref = ActivationReference.erfc(z);
            double rel = Math.abs(ActivationMath.erfc(z) - ref) / ref;
            assertTrue(rel < 1.2e-7, "erfc(" + z + ") relative error " + rel);
        }
    }

    // ---- softmax ----

    static double[] row(float[] a, int off, int n) {
        double[] r = new double[n];
        for (int j = 0; j < n; j++) {
            r[j] = a[off + j];
        }
        return r;
    }

    /**
     * The row-wise functions on the awkward sizes, with offsets and in place. Sparsemax's tau carries
     * the rounding of a float sum over the support, within 2^-20 of the row's largest magnitude. Softmax's y_j carries the
     * relative error of e^(x_j - max) with x_j - max rounded to float: at most about 2^-24 absolute, plus
     * a few ulps from the exp and the normalization; its rows sum to 1. Log_softmax's (x - max) rounds
     * once, and log(sum) carries the sum's few ulps, about 2^-22 absolute.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providersAndRowwise")
    void rowwiseMatchesReference(String providerName, Activation f) {
        ActivationSupport impl = provider(providerName);
        boolean softmax = f == Activation.SOFTMAX;
        boolean sparsemax = f == Activation.SPARSEMAX;
        Random rnd = new Random(5000 + f.ordinal());
        for (int cols : SIZES) {
            int rows = 3;
            int n = rows * cols;
            float[] x = inputs(rnd, n);
            if (sparsemax) {
                // values within 1 of each other in the middle row, so that many stay in the support
                for (int i = cols; i < 2 * cols; i++) {
                    x[i] *= 0.05f;
                }
            }
            int xOff = rnd.nextInt(4);
            int outOff = 1 + rnd.nextInt(4);
            float[] xa = embed(x, xOff);
            float[] out = embed(new float[n], outOff);
            impl.forward(f, rows, cols, xa, xOff, out, outOff);
            assertSentinels(out, outOff, n);
            for (int r = 0; r < rows; r++) {
                double[] xr = row(x, r * cols, cols);
                double[] ref = rowReference(f, xr);
                double largest = Arrays.stream(xr).map(Math::abs).max().orElse(0);
                double sum = 0;
                for (int j = 0; j < cols; j++) {
                    float got = out[outOff + r * cols + j];
                    sum += got;
                    assertClose(providerName + " " + f + " cols=" + cols + " [" + r + "," + j + "]", ref[j], got,
                            softmax ? 4 : 2, softmax ? 0x1p-24 : sparsemax ? 0x1p-20 * (1 + largest) : 0x1p-21);
                }
                if ((softmax || sparsemax) && cols > 0) {
                    assertEquals(1.0, sum, cols * (sparsemax ? 0x1p-20 * (1 + largest) : 0x1p-23), "row sum");
                }
            }
            impl.forward(f, rows, cols, xa, xOff, xa, xOff);
            assertArrayEquals(Arrays.copyOfRange(out, outOff, outOff + n), Arrays.copyOfRange(xa, xOff, xOff + n),
                    "in place cols=" + cols);
        }
        impl.forward(f, 0, 5, new float[0], 0, new float[0], 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "panama"})
    void softmaxOfLargeInputsDoesNotOverflow(String providerName) {
        ActivationSupport impl = provider(providerName);
        for (int cols : new int[] {3, 17, 40}) {
            float[] x = new float[cols];
            float[] shifted = new float[cols];
            for (int j = 0; j < cols; j++) {
                x[j] = 1000f - j;
                shifted[j] = -j;
            }
            float[] y = new float[cols];
            float[] ys = new float[cols];
            impl.forward(Activation.SOFTMAX, 1, cols, x, 0, y, 0);
            impl.forward(Activation.SOFTMAX, 1, cols, shifted, 0, ys, 0);
            for (int j = 0; j < cols; j++) {
                assertTrue(Float.isFinite(y[j]), "finite");
                assertEquals(ys[j], y[j], 2 * Math.ulp(ys[j]), "shift invariance at " + j);
            }
            double[] ref = ActivationReference.softmax(row(x, 0, cols));
            assertEquals(ref[0], y[0], 4 * Math.ulp(y[0]));
        }
    }

    static Stream<Arguments> providersAndRowwise() {
        return Stream.of("scalar", "panama").flatMap(p -> Stream.of(Arguments.of(p, Activation.SOFTMAX),
                Arguments.of(p, Activation.LOG_SOFTMAX), Arguments.of(p, Activation.SPARSEMAX)));
    }

    /** The double reference of a row-wise function. */
    static double[] rowReference(Activation f, double[] x) {
        return switch (f) {
            case SOFTMAX -> ActivationReference.softmax(x);
            case LOG_SOFTMAX -> ActivationReference.logSoftmax(x);
            case SPARSEMAX -> ActivationReference.sparsemax(x);
            default -> throw new IllegalArgumentException(f.toString());
        };
    }

    /**
     * The backward pass against central differences of {@code sum_j g_j f(x)_j} in double, which first
     * match the closed forms: softmax {@code y_j (g_j - sum_k y_k g_k)}, log_softmax
     * {@code g_j - e^(y_j) sum_k g_k}.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providersAndRowwise")
    void rowwiseBackwardMatchesFiniteDifferences(String providerName, Activation f) {
        ActivationSupport impl = provider(providerName);
        Random rnd = new Random(6000 + f.ordinal());
        for (int cols : new int[] {1, 2, 7, 16, 17, 33}) {
            int rows = 2;
            int n = rows * cols;
            float[] x = new float[n];
            float[] g = gradients(rnd, n);
            for (int i = 0; i < n; i++) {
                x[i] = (float) (rnd.nextDouble() * 8 - 4);
            }
            float[] y = new float[n];
            impl.forward(f, rows, cols, x, 0, y, 0);
            float[] gi = new float[n + 2];
            impl.backward(f, rows, cols, x, 0, y, 0, g, 0, gi, 2);
            for (int r = 0; r < rows; r++) {
                double[] xr = row(x, r * cols, cols);
                double[] gr = row(g, r * cols, cols);
                double[] yr = rowReference(f, xr);
                double dot = 0;
                double sum = 0;
                for (int j = 0; j < cols; j++) {
                    dot += yr[j] * gr[j]; // softmax's closed form only
                    sum += gr[j];
                }
                for (int j = 0; j < cols; j++) {
                    double h = 1e-5;
                    double[] plus = xr.clone();
                    double[] minus = xr.clone();
                    plus[j] += h;
                    minus[j] -= h;
                    double fd = (weighted(gr, rowReference(f, plus)) - weighted(gr, rowReference(f, minus))) / (2 * h);
                    double exact = switch (f) {
                        case SOFTMAX -> yr[j] * (gr[j] - dot);
                        case LOG_SOFTMAX -> gr[j] - Math.exp(yr[j]) * sum;
                        default -> yr[j] > 0 ? gr[j] - supportMean(yr, gr) : 0;
                    };
                    assertEquals(exact, fd, 1e-8 * Math.max(1, Math.abs(exact)), "reference Jacobian product");
                    assertEquals(fd, gi[2 + r * cols + j], 1e-6 * Math.max(1, Math.abs(fd)),
                            providerName + " " + f + "' cols=" + cols + " [" + r + "," + j + "]");
                }
            }
            float[] gInPlace = g.clone();
            impl.backward(f, rows, cols, x, 0, y, 0, gInPlace, 0, gInPlace, 0);
            assertArrayEquals(Arrays.copyOfRange(gi, 2, 2 + n), gInPlace, "in place");
        }
    }

    /** The mean of g where y > 0: sparsemax's Jacobian-vector product is g minus it on the support. */
    static double supportMean(double[] y, double[] g) {
        double sum = 0;
        int count = 0;
        for (int j = 0; j < y.length; j++) {
            if (y[j] > 0) {
                sum += g[j];
                count++;
            }
        }
        return sum / count;
    }

    static double weighted(double[] g, double[] y) {
        double s = 0;
        for (int j = 0; j < g.length; j++) {
            s += g[j] * y[j];
        }
        return s;
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "panama"})
    void softmaxSpecialValues(String providerName) {
        ActivationSupport impl = provider(providerName);
        int cols = 19;
        float[] x = new float[3 * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 5;
        }
        x[4] = Float.NaN;
        x[cols + 17] = Float.POSITIVE_INFINITY;
        x[2 * cols + 3] = Float.NEGATIVE_INFINITY;
        x[2 * cols + 18] = Float.NEGATIVE_INFINITY;
        float[] y = new float[x.length];
        impl.forward(Activation.SOFTMAX, 3, cols, x, 0, y, 0);
        for (int j = 0; j < cols; j++) {
            assertTrue(Float.isNaN(y[j]), "a NaN makes its row NaN");
            assertTrue(Float.isNaN(y[cols + j]), "+inf makes its row NaN (documented)");
        }
        float[] clean = Arrays.copyOfRange(x, 2 * cols, 3 * cols);
        clean[3] = -1e30f;
        clean[18] = -1e30f;
        float[] yClean = new float[cols];
        impl.forward(Activation.SOFTMAX, 1, cols, clean, 0, yClean, 0);
        assertArrayEquals(yClean, Arrays.copyOfRange(y, 2 * cols, 3 * cols), "-inf acts as a zero weight");
        assertEquals(0f, y[2 * cols + 3], 0f);
        float[] g = new float[x.length];
        Arrays.fill(g, 1f);
        float[] gi = new float[x.length];
        impl.backward(Activation.SOFTMAX, 3, cols, x, 0, y, 0, g, 0, gi, 0);
        assertTrue(Float.isNaN(gi[4]) && Float.isNaN(gi[cols]), "NaN rows stay NaN backward");
    }

    // ---- glu ----

    /**
     * glu on every awkward half-width, with offsets and in place: {@code a * sigmoid(b)} carries
     * sigmoid's error and one rounding; its gradient {@code g sigmoid(b)} for a and
     * {@code g a sigmoid(b) (1 - sigmoid(b))} for b, against the double reference and central differences.
     */
    @ParameterizedTest
    @ValueSource(strings = {"scalar", "panama"})
    void gluMatchesReference(String providerName) {
        ActivationSupport impl = provider(providerName);
        Random rnd = new Random(8000);
        for (int half : SIZES) {
            int cols = 2 * half;
            int rows = 3;
            float[] x = inputs(rnd, rows * cols);
            int xOff = rnd.nextInt(4);
            int outOff = 1 + rnd.nextInt(4);
            float[] xa = embed(x, xOff);
            float[] out = embed(new float[rows * half], outOff);
            impl.forward(Activation.GLU, rows, cols, xa, xOff, out, outOff);
            assertSentinels(out, outOff, rows * half);
            float[] g = gradients(rnd, rows * half);
            float[] gi = embed(new float[rows * cols], 2);
            impl.backward(Activation.GLU, rows, cols, xa, xOff, out, outOff, g, 0, gi, 2);
            assertSentinels(gi, 2, rows * cols);
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < half; j++) {
                    double a = x[r * cols + j];
                    double b = x[r * cols + half + j];
                    double s = 1 / (1 + Math.exp(-b));
                    String at = providerName + " glu cols=" + cols + " [" + r + "," + j + "]";
                    assertClose(at, a * s, out[outOff + r * half + j], 4, 0x1p-126);
                    double gj = g[r * half + j];
                    assertClose(at + " d/da", gj * s, gi[2 + r * cols + j], 3, 0x1p-126);
                    assertClose(at + " d/db", gj * a * s * (1 - s), gi[2 + r * cols + half + j], 4,
                            2 * 0x1p-24 * Math.abs(gj * a));
                    double h = 1e-4;
                    double fd = (a * (1 / (1 + Math.exp(-(b + h)))) - a * (1 / (1 + Math.exp(-(b - h))))) / (2 * h);
                    assertEquals(fd, a * s * (1 - s), 1e-6 * Math.max(1, Math.abs(a)), "reference derivative");
                }
            }
            impl.forward(Activation.GLU, rows, cols, xa, xOff, xa, xOff);
            assertArrayEquals(Arrays.copyOfRange(out, outOff, outOff + rows * half),
                    Arrays.copyOfRange(xa, xOff, xOff + rows * half), "in place cols=" + cols);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "panama"})
    void gluSpecialValues(String providerName) {
        ActivationSupport impl = provider(providerName);
        float inf = Float.POSITIVE_INFINITY;
        int half = 19;
        float[] x = new float[2 * half];
        Arrays.fill(x, 0.5f);
        x[0] = Float.NaN;
        x[half + 1] = Float.NaN;
        x[half + 2] = inf;
        x[half + 3] = -inf;
        x[4] = inf;
        float[] y = new float[half];
        impl.forward(Activation.GLU, 1, 2 * half, x, 0, y, 0);
        assertTrue(Float.isNaN(y[0]) && Float.isNaN(y[1]), "NaN in either half gives NaN");
        assertEquals(0.5f, y[2], 0f, "a gate of +inf passes a");
        assertEquals(0f, y[3], 0f, "a gate of -inf closes");
        assertEquals(inf, y[4], 0f);
    }

    // ---- sparsemax ----

    /**
     * The example of Keras issue 23425 (Keras 3 summed the cumulative sums over the support, so its rows
     * did not sum to 1): {@code [0, 0.5, 1]} is {@code [0, 0.25, 0.75]}; NaN and +inf make a row NaN,
     * -inf is a zero weight, a row of -inf only is NaN.
     */
    @ParameterizedTest
    @ValueSource(strings = {"scalar", "panama"})
    void sparsemaxSpecialValues(String providerName) {
        ActivationSupport impl = provider(providerName);
        float[] keras = {0f, 0.5f, 1f};
        float[] out = new float[3];
        impl.forward(Activation.SPARSEMAX, 1, 3, keras, 0, out, 0);
        assertArrayEquals(new float[] {0f, 0.25f, 0.75f}, out);
        int cols = 19;
        float[] x = new float[4 * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 5) * 0.1f;
        }
        x[4] = Float.NaN;
        x[cols + 17] = Float.POSITIVE_INFINITY;
        x[2 * cols + 3] = Float.NEGATIVE_INFINITY;
        Arrays.fill(x, 3 * cols, 4 * cols, Float.NEGATIVE_INFINITY);
        float[] y = new float[x.length];
        impl.forward(Activation.SPARSEMAX, 4, cols, x, 0, y, 0);
        for (int j = 0; j < cols; j++) {
            assertTrue(Float.isNaN(y[j]) && Float.isNaN(y[cols + j]) && Float.isNaN(y[3 * cols + j]),
                    "NaN, +inf and a row of -inf only make the row NaN");
        }
        float[] clean = Arrays.copyOfRange(x, 2 * cols, 3 * cols);
        clean[3] = -1e30f;
        float[] yClean = new float[cols];
        impl.forward(Activation.SPARSEMAX, 1, cols, clean, 0, yClean, 0);
        assertArrayEquals(yClean, Arrays.copyOfRange(y, 2 * cols, 3 * cols), "-inf acts as a zero weight");
        float[] g = new float[x.length];
        Arrays.fill(g, 1f);
        float[] gi = new float[x.length];
        impl.backward(Activation.SPARSEMAX, 4, cols, x, 0, y, 0, g, 0, gi, 0);
        assertTrue(Float.isNaN(gi[0]) && Float.isNaN(gi[cols + 1]), "NaN rows stay NaN backward");
        assertEquals(0f, gi[2 * cols + 3], 0f, "no gradient outside the support");
    }

    // ---- log_softmax ----

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "panama"})
    void logSoftmaxSpecialValues(String providerName) {
        ActivationSupport impl = provider(providerName);
        int cols = 19;
        float[] x = new float[2 * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1000f - i % 7;
        }
        x[3] = Float.NaN;
        x[cols + 5] = Float.NEGATIVE_INFINITY;
        float[] y = new float[x.length];
        impl.forward(Activation.LOG_SOFTMAX, 2, cols, x, 0, y, 0);
        for (int j = 0; j < cols; j++) {
            assertTrue(Float.isNaN(y[j]), "a NaN makes its row NaN");
        }
        assertEquals(Float.NEGATIVE_INFINITY, y[cols + 5], 0f, "log of a zero weight");
        double[] ref = ActivationReference.logSoftmax(row(x, cols, cols));
        for (int j = 0; j < cols; j++) {
            if (j != 5) {
                assertTrue(Float.isFinite(y[cols + j]), "no overflow at 1000");
                assertClose("shifted " + j, ref[j], y[cols + j], 2, 0x1p-21);
            }
        }
        float[] g = new float[x.length];
        Arrays.fill(g, 0.5f);
        float[] gi = new float[x.length];
        impl.backward(Activation.LOG_SOFTMAX, 2, cols, x, 0, y, 0, g, 0, gi, 0);
        assertEquals(0.5f, gi[cols + 5], 0f, "a zero weight passes its gradient through");
        assertTrue(Float.isNaN(gi[0]), "NaN rows stay NaN backward");
    }

    // ---- special values ----

    /** f(+inf), f(-inf), f'(+inf), f'(-inf). */
    static final Map<ActivationFunction, float[]> LIMITS = new HashMap<>();

    static {
        float inf = Float.POSITIVE_INFINITY;
        LIMITS.put(Activation.LINEAR, new float[] {inf, -inf, 1, 1});
        LIMITS.put(Activation.RELU, new float[] {inf, 0, 1, 0});
        LIMITS.put(Activation.LEAKY_RELU, new float[] {inf, -inf, 1, 0.2f});
        LIMITS.put(Activation.RELU6, new float[] {6, 0, 0, 0});
        LIMITS.put(Activation.ELU, new float[] {inf, -1, 1, 0});
        LIMITS.put(Activation.SELU, new float[] {inf, (float) (-ActivationReference.SELU_SCALE * ActivationReference.SELU_ALPHA),
            (float) ActivationReference.SELU_SCALE, 0});
        LIMITS.put(Activation.SIGMOID, new float[] {1, 0, 0, 0});
        LIMITS.put(Activation.TANH, new float[] {1, -1, 0, 0});
        LIMITS.put(Activation.SOFTPLUS, new float[] {inf, 0, 1, 0});
        LIMITS.put(Activation.SOFTSIGN, new float[] {1, -1, 0, 0});
        LIMITS.put(Activation.SILU, new float[] {inf, 0, 1, 0});
        LIMITS.put(Activation.GELU, new float[] {inf, 0, 1, 0});
        LIMITS.put(Activation.GELU_TANH, new float[] {inf, 0, 1, 0});
        LIMITS.put(Activation.MISH, new float[] {inf, 0, 1, 0});
        LIMITS.put(Activation.EXPONENTIAL, new float[] {inf, 0, inf, 0});
        LIMITS.put(Activation.HARD_SIGMOID, new float[] {1, 0, 0, 0});
        LIMITS.put(Activation.HARD_SILU, new float[] {inf, 0, 1, 0});
        LIMITS.put(Activation.CELU, LIMITS.get(Activation.ELU));
        LIMITS.put(Activation.LOG_SIGMOID, new float[] {0, -inf, 0, 1});
        LIMITS.put(Activation.HARD_TANH, new float[] {1, -1, 0, 0});
        LIMITS.put(Activation.TANH_SHRINK, new float[] {inf, -inf, 1, 1});
        LIMITS.put(Activation.SQUAREPLUS, new float[] {inf, 0, 1, 0});
        LIMITS.put(Activation.SOFT_SHRINK, new float[] {inf, -inf, 1, 1});
        LIMITS.put(Activation.HARD_SHRINK, new float[] {inf, -inf, 1, 1});
        LIMITS.put(Activation.SPARSE_PLUS, new float[] {inf, 0, 1, 0});
        LIMITS.put(Activation.SPARSE_SIGMOID, new float[] {1, 0, 0, 0});
        LIMITS.put(Activation.leakyRelu(0.3), new float[] {inf, -inf, 1, 0.3f});
        LIMITS.put(Activation.leakyRelu(1.5), new float[] {inf, -inf, 1, 1.5f});
        LIMITS.put(Activation.relu(0.1, inf, 0), new float[] {inf, -inf, 1, 0.1f});
        LIMITS.put(Activation.relu(0, 3, 0), new float[] {3, 0, 0, 0});
        LIMITS.put(Activation.relu(0, inf, 0.5), new float[] {inf, 0, 1, 0});
        LIMITS.put(Activation.relu(0, inf, -1), new float[] {inf, 0, 1, 0});
        LIMITS.put(Activation.relu(0.1, 4, 1), new float[] {4, -inf, 0, 0.1f});
        LIMITS.put(Activation.relu(0, 0.5, 1), new float[] {0.5f, 0, 0, 0});
        LIMITS.put(Activation.relu(0.2, 2, -0.5), new float[] {2, -inf, 0, 0.2f});
        LIMITS.put(Activation.elu(0.5), new float[] {inf, -0.5f, 1, 0});
        LIMITS.put(Activation.elu(2), new float[] {inf, -2, 1, 0});
        LIMITS.put(Activation.elu(-0.5), new float[] {inf, 0.5f, 1, 0});
        LIMITS.put(Activation.celu(0.5), new float[] {inf, -0.5f, 1, 0});
        LIMITS.put(Activation.celu(3), new float[] {inf, -3, 1, 0});
        LIMITS.put(Activation.squareplus(1), LIMITS.get(Activation.SQUAREPLUS));
        LIMITS.put(Activation.squareplus(0.01), LIMITS.get(Activation.SQUAREPLUS));
        LIMITS.put(Activation.softShrink(0), LIMITS.get(Activation.SOFT_SHRINK));
        LIMITS.put(Activation.softShrink(1.2), LIMITS.get(Activation.SOFT_SHRINK));
        LIMITS.put(Activation.hardShrink(0), LIMITS.get(Activation.HARD_SHRINK));
        LIMITS.put(Activation.hardShrink(2), LIMITS.get(Activation.HARD_SHRINK));
        LIMITS.put(Activation.THRESHOLD, new float[] {inf, 0, 1, 0});
        LIMITS.put(Activation.threshold(0.5, -1), new float[] {inf, -1, 1, 0});
        LIMITS.put(Activation.threshold(-2, 3), new float[] {inf, 3, 1, 0});
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providersAndElementwise")
    void nanAndInfinityPropagate(String providerName, ActivationFunction f) {
        ActivationSupport impl = provider(providerName);
        float[] lim = LIMITS.get(f);
        for (int n : new int[] {5, 16, 37}) {
            float[] x = inputs(new Random(7000 + n), n);
            int[] nanAt = {0, n / 2, n - 1};
            for (int i : nanAt) {
                x[i] = Float.NaN;
            }
            x[1] = Float.POSITIVE_INFINITY;
            x[n - 2] = Float.NEGATIVE_INFINITY;
            float[] y = new float[n];
            impl.forward(f, 1, n, x, 0, y, 0);
            float[] g = new float[n];
            Arrays.fill(g, 1f);
            float[] gi = new float[n];
            impl.backward(f, 1, n, x, 0, y, 0, g, 0, gi, 0);
            String at = providerName + " " + f + " n=" + n;
            for (int i : nanAt) {
                assertTrue(Float.isNaN(y[i]), at + ": f(NaN) at " + i + " = " + y[i]);
                if (f != Activation.LINEAR) {
                    assertTrue(Float.isNaN(gi[i]), at + ": f'(NaN) at " + i + " = " + gi[i]);
                }
            }
            assertEquals(lim[0], y[1], 0f, at + ": f(+inf)");
            assertEquals(lim[1], y[n - 2], 1e-6f, at + ": f(-inf)");
            assertEquals(lim[2], gi[1], 1e-6f, at + ": f'(+inf)");
            assertEquals(lim[3], gi[n - 2], 0f, at + ": f'(-inf)");
            Arrays.fill(g, Float.NaN);
            impl.backward(f, 1, n, x, 0, y, 0, g, 0, gi, 0);
            for (int i = 0; i < n; i++) {
                assertTrue(Float.isNaN(gi[i]), at + ": NaN gradOut gives NaN gradIn at " + i);
            }
        }
    }
}
