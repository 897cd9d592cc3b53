package dev.lanes.nn;

import dev.lanes.base.Rng;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Keras initializers against the laws they should follow.
 *
 * <p>Statistical checks draw about 10^5 values with a fixed seed per case and compare the sample mean and
 * variance with the law's, within 5 standard errors (computed from the law's second and fourth moments),
 * and the whole sample with the law's CDF by a Kolmogorov-Smirnov distance below the 0.1% critical value.
 * The seeds are fixed, so a case passes or fails the same way on every run; the tolerances only make it
 * unlikely that a correct implementation fails for an unlucky seed. Expected laws are written from the
 * formulas of the Keras initializers' documentation (keras.io/api/layers/initializers) with literal
 * fans, not from the code under test.
 */
class InitializersTest {

    /** Keras's ratio: the standard deviation of a standard normal truncated to [-2, 2]. */
    private static final double TRUNCATED_SD = 0.87962566103423978;

    /** Phi(2), the standard normal CDF at 2, to double precision. */
    private static final double PHI_OF_2 = 0.9772498680518208;

    /** A shape with the fans Keras gives it, written out by hand. */
    private record Shape(int[] dims, double fanIn, double fanOut) {

        int size() {
            return Arrays.stream(dims).reduce(1, (a, b) -> a * b);
        }

        double fan(String mode) {
            return switch (mode) {
                case "fan_in" -> fanIn;
                case "fan_out" -> fanOut;
                case "fan_avg" -> (fanIn + fanOut) / 2;
                default -> throw new IllegalArgumentException(mode);
            };
        }

        @Override
        public String toString() {
            return Arrays.toString(dims);
        }
    }

    private static final Shape TALL = new Shape(new int[] {400, 300}, 400, 300);
    /** TALL transposed: a rule that mixed up rows and columns would show here. */
    private static final Shape WIDE = new Shape(new int[] {300, 400}, 300, 400);
    private static final Shape VECTOR = new Shape(new int[] {100_000}, 100_000, 100_000);
    /** A conv kernel: receptive field 3 * 3 = 9 multiplies the last two dimensions. */
    private static final Shape CONV = new Shape(new int[] {3, 3, 60, 50}, 540, 450);

    // ---------------------------------------------------------------------------------------------
    // Distributions

    /** The law a sample should follow: its moments, CDF and support. */
    private interface Law {
        double mean();

        double variance();

        double fourthCentralMoment();

        double cdf(double x);

        /** Fails unless the sample respects the law's support and, where bounded, reaches its bounds. */
        void checkSupport(float[] sample);
    }

    private record Uniform(double lo, double hi) implements Law {

        static Uniform symmetric(double limit) {
            return new Uniform(-limit, limit);
        }

        public double mean() {
            return (lo + hi) / 2;
        }

        public double variance() {
            return (hi - lo) * (hi - lo) / 12;
        }

        public double fourthCentralMoment() {
            return Math.pow(hi - lo, 4) / 80;
        }

        public double cdf(double x) {
            return Math.min(1, Math.max(0, (x - lo) / (hi - lo)));
        }

        public void checkSupport(float[] sample) {
            float min = min(sample);
            float max = max(sample);
            // Rounding to float is monotonic, so no value can pass the float nearest to a bound.
            assertTrue(min >= (float) lo, "min " + min + " below minval " + lo);
            assertTrue(max <= (float) hi, "max " + max + " above maxval " + hi);
            // With n values the gap to a bound is about (hi - lo) / n; 20 times that has odds e^-20.
            double gap = 20 * (hi - lo) / sample.length;
            assertTrue(min - lo < gap, "min " + min + " too far from minval " + lo);
            assertTrue(hi - max < gap, "max " + max + " too far from maxval " + hi);
        }
    }

    private record Normal(double mean, double sd) implements Law {

        public double variance() {
            return sd * sd;
        }

        public double fourthCentralMoment() {
            return 3 * Math.pow(sd, 4);
        }

        public double cdf(double x) {
            return phi((x - mean) / sd);
        }

        public void checkSupport(float[] sample) {
            // About 0.27% of normal values lie beyond 3 sd: there must be some, or it was truncated.
            long far = 0;
            for (float v : sample) {
                if (Math.abs(v - mean) > 3 * sd) {
                    far++;
                }
            }
            assertTrue(far > sample.length / 1000, far + " values beyond 3 sd: truncated?");
        }
    }

    /** N(mean, sd²) conditioned on |x - mean| <= 2 sd. */
    private record Truncated(double mean, double sd) implements Law {

        private static final double MASS = 2 * PHI_OF_2 - 1;
        private static final double DENSITY_AT_2 = Math.exp(-2) / Math.sqrt(2 * Math.PI);

        public double variance() {
            // E[z² | |z| <= a] = 1 - 2 a phi(a) / mass, with a = 2.
            return sd * sd * (1 - 4 * DENSITY_AT_2 / MASS);
        }

        public double fourthCentralMoment() {
            // E[z^4 | |z| <= a] = 3 E[z² | |z| <= a] - 2 a³ phi(a) / mass, by parts.
            double m4 = 3 * (1 - 4 * DENSITY_AT_2 / MASS) - 16 * DENSITY_AT_2 / MASS;
            return Math.pow(sd, 4) * m4;
        }

        public double cdf(double x) {
            double z = (x - mean) / sd;
            return Math.min(1, Math.max(0, (phi(z) - (1 - PHI_OF_2)) / MASS));
        }

        public void checkSupport(float[] sample) {
            float min = min(sample);
            float max = max(sample);
            assertTrue(min >= (float) (mean - 2 * sd), "min " + min + " beyond the cut at -2 sd");
            assertTrue(max <= (float) (mean + 2 * sd), "max " + max + " beyond the cut at +2 sd");
            // About 0.1% of the values lie in [1.98, 2] sd on each side: the cut is at 2 sd, not lower.
            assertTrue(max > mean + 1.95 * sd, "max " + max + " far inside the cut");
            assertTrue(min < mean - 1.95 * sd, "min " + min + " far inside the cut");
        }
    }

    static Stream<Arguments> randomCases() {
        double glorot = Math.sqrt(6.0 / (400 + 300));
        Stream<Arguments> named = Stream.of(
                stat("random_uniform", Initializers.randomUniform(), TALL, new Uniform(-0.05, 0.05)),
                stat("random_uniform(-1, 3)", Initializers.randomUniform(-1, 3), TALL, new Uniform(-1, 3)),
                stat("random_normal", Initializers.randomNormal(), TALL, new Normal(0, 0.05)),
                stat("random_normal(1.5, 0.2)", Initializers.randomNormal(1.5, 0.2), TALL, new Normal(1.5, 0.2)),
                stat("truncated_normal", Initializers.truncatedNormal(), TALL, new Truncated(0, 0.05)),
                stat("truncated_normal(-1, 0.3)", Initializers.truncatedNormal(-1, 0.3), TALL,
                        new Truncated(-1, 0.3)),
                stat("glorot_uniform", Initializers.glorotUniform(), TALL, Uniform.symmetric(glorot)),
                stat("glorot_uniform", Initializers.glorotUniform(), WIDE, Uniform.symmetric(glorot)),
                stat("glorot_uniform", Initializers.glorotUniform(), VECTOR,
                        Uniform.symmetric(Math.sqrt(6.0 / 200_000))),
                stat("glorot_normal", Initializers.glorotNormal(), TALL,
                        new Truncated(0, Math.sqrt(2.0 / 700) / TRUNCATED_SD)),
                stat("lecun_uniform", Initializers.lecunUniform(), TALL, Uniform.symmetric(Math.sqrt(3.0 / 400))),
                stat("lecun_normal", Initializers.lecunNormal(), TALL,
                        new Truncated(0, Math.sqrt(1.0 / 400) / TRUNCATED_SD)),
                stat("he_uniform", Initializers.heUniform(), TALL, Uniform.symmetric(Math.sqrt(6.0 / 400))),
                stat("he_uniform", Initializers.heUniform(), WIDE, Uniform.symmetric(Math.sqrt(6.0 / 300))),
                stat("he_normal", Initializers.heNormal(), TALL,
                        new Truncated(0, Math.sqrt(2.0 / 400) / TRUNCATED_SD)),
                stat("he_normal", Initializers.heNormal(), VECTOR,
                        new Truncated(0, Math.sqrt(2.0 / 100_000) / TRUNCATED_SD)),
                stat("he_normal", Initializers.heNormal(), CONV,
                        new Truncated(0, Math.sqrt(2.0 / 540) / TRUNCATED_SD)),
                stat("variance_scaling", Initializers.varianceScaling(), TALL,
                        new Truncated(0, Math.sqrt(1.0 / 400) / TRUNCATED_SD)));
        // Every mode and distribution with a non-default scale, then every mode on the other shapes.
        double scale = 2.5;
        Stream<Arguments> modesAndDistributions = Stream.of("fan_in", "fan_out", "fan_avg").flatMap(mode ->
                Stream.of("truncated_normal", "untruncated_normal", "uniform").map(distribution ->
                        varianceScalingCase(scale, mode, distribution, TALL)));
        Stream<Arguments> fanRules = Stream.of(WIDE, VECTOR, CONV).flatMap(shape ->
                Stream.of("fan_in", "fan_out", "fan_avg").map(mode ->
                        varianceScalingCase(0.5, mode, "uniform", shape)));
        return Stream.of(named, modesAndDistributions, fanRules).flatMap(s -> s);
    }

    private static Arguments varianceScalingCase(double scale, String mode, String distribution, Shape shape) {
        double n = shape.fan(mode);
        Law law = switch (distribution) {
            case "truncated_normal" -> new Truncated(0, Math.sqrt(scale / n) / TRUNCATED_SD);
            case "untruncated_normal" -> new Normal(0, Math.sqrt(scale / n));
            case "uniform" -> Uniform.symmetric(Math.sqrt(3 * scale / n));
            default -> throw new IllegalArgumentException(distribution);
        };
        return stat("variance_scaling(" + scale + ", " + mode + ", " + distribution + ")",
                Initializers.varianceScaling(scale, mode, distribution), shape, law);
    }

    private static Arguments stat(String label, Initializer init, Shape shape, Law law) {
        return Arguments.of(label, shape, init, law);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("randomCases")
    void followsItsLaw(String label, Shape shape, Initializer init, Law law) {
        float[] w = new float[shape.size()];
        init.fill(w, 0, shape.dims(), new Rng(label.hashCode() * 31L + Arrays.hashCode(shape.dims())));
        int n = w.length;

        double mean = 0;
        for (float v : w) {
            mean += v;
        }
        mean /= n;
        double variance = 0;
        for (float v : w) {
            variance += (v - mean) * (v - mean);
        }
        variance /= n - 1;

        double meanTolerance = 5 * Math.sqrt(law.variance() / n);
        assertEquals(law.mean(), mean, meanTolerance, "mean");
        double varianceTolerance =
                5 * Math.sqrt((law.fourthCentralMoment() - law.variance() * law.variance()) / n);
        assertEquals(law.variance(), variance, varianceTolerance, "variance");
        law.checkSupport(w);

        // Mean and variance cannot tell a uniform from a normal of the same variance; the CDF can.
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = w[i];
        }
        Arrays.sort(sorted);
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = law.cdf(sorted[i]);
            d = Math.max(d, Math.max(f - (double) i / n, (double) (i + 1) / n - f));
        }
        double critical = 1.95 / Math.sqrt(n);
        assertTrue(d < critical, "Kolmogorov-Smirnov distance " + d + " >= " + critical);
    }

    @Test
    void truncationRatioIsTheStandardDeviationOfTheTruncatedNormal() {
        double density = Math.exp(-2) / Math.sqrt(2 * Math.PI);
        double ratio = Math.sqrt(1 - 4 * density / (2 * PHI_OF_2 - 1));
        assertEquals(ratio, Initializers.TRUNCATED_STDDEV_RATIO, 1e-15);
        assertEquals(TRUNCATED_SD, Initializers.TRUNCATED_STDDEV_RATIO, 0);
    }

    // ---------------------------------------------------------------------------------------------
    // Constants, identity, orthogonal

    @ParameterizedTest(name = "{0}")
    @MethodSource("constantCases")
    void constantsFillOneValue(String label, Initializer init, float expected) {
        for (int[] dims : List.of(new int[] {4, 5}, new int[] {7}, new int[] {}, new int[] {2, 3, 4})) {
            int size = Arrays.stream(dims).reduce(1, (a, b) -> a * b);
            float[] w = new float[size];
            Arrays.fill(w, Float.NaN);
            init.fill(w, 0, dims, new Rng(1));
            float[] expectedValues = new float[size];
            Arrays.fill(expectedValues, expected);
            assertArrayEquals(expectedValues, w, Arrays.toString(dims));
        }
    }

    static Stream<Arguments> constantCases() {
        return Stream.of(
                Arguments.of("zeros", Initializers.zeros(), 0f),
                Arguments.of("ones", Initializers.ones(), 1f),
                Arguments.of("constant", Initializers.constant(0), 0f),
                Arguments.of("constant(0.5)", Initializers.constant(0.5), 0.5f),
                Arguments.of("constant(-3.25)", Initializers.constant(-3.25), -3.25f),
                Arguments.of("constant(0.1)", Initializers.constant(0.1), 0.1f));
    }

    @ParameterizedTest(name = "{0}x{1} gain {2}")
    @MethodSource("identityCases")
    void identityPutsTheGainOnTheMainDiagonal(int rows, int cols, double gain) {
        float[] w = new float[rows * cols];
        Arrays.fill(w, Float.NaN);
        Initializer init = gain == 1 ? Initializers.identity() : Initializers.identity(gain);
        init.fill(w, 0, new int[] {rows, cols}, new Rng(3));
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                assertEquals(i == j ? (float) gain : 0f, w[i * cols + j], "(" + i + ", " + j + ")");
            }
        }
    }

    static Stream<Arguments> identityCases() {
        return Stream.of(
                Arguments.of(3, 3, 1.0), Arguments.of(2, 5, 1.0), Arguments.of(5, 2, 1.0),
                Arguments.of(1, 1, 1.0), Arguments.of(0, 4, 1.0), Arguments.of(4, 4, 2.5),
                Arguments.of(3, 6, -0.5), Arguments.of(6, 3, 0.1));
    }

    @Test
    void identityAndOrthogonalRejectShapesTheyCannotFill() {
        float[] w = new float[64];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Initializers.identity().fill(w, 0, new int[] {8}, new Rng(1)));
        assertTrue(e.getMessage().contains("2-D") && e.getMessage().contains("[8]"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Initializers.identity().fill(w, 0, new int[] {2, 2, 2}, new Rng(1)));
        e = assertThrows(IllegalArgumentException.class,
                () -> Initializers.orthogonal().fill(w, 0, new int[] {8}, new Rng(1)));
        assertTrue(e.getMessage().contains("rank 2") && e.getMessage().contains("[8]"), e.getMessage());
    }

    /**
     * The result, seen as a rows x cols matrix (rows = product of all but the last dimension), has
     * orthonormal columns (tall) or rows (wide) times the gain, and is exactly Keras's: Q of the QR of the
     * normal matrix the same seed draws, shape (max, min) in row-major order, with R's diagonal positive.
     * That second part re-draws the matrix here, so it relies on the documented draw order.
     */
    @ParameterizedTest(name = "{0} gain {1}")
    @MethodSource("orthogonalCases")
    void orthogonalIsGainTimesKerasQ(String dims, double gain, int[] shape) {
        int cols = shape[shape.length - 1];
        int rows = Arrays.stream(shape).reduce(1, (a, b) -> a * b) / cols;
        long seed = 17L * rows + cols;
        float[] w = new float[rows * cols];
        Initializer init = gain == 1 ? Initializers.orthogonal() : Initializers.orthogonal(gain);
        init.fill(w, 0, shape, new Rng(seed));

        int m = Math.max(rows, cols);
        int n = Math.min(rows, cols);
        // q[j] is column j (length m) of the tall orthonormal factor: W itself, or W transposed.
        double[][] q = new double[n][m];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double v = w[i * cols + j] / gain;
                if (rows >= cols) {
                    q[j][i] = v;
                } else {
                    q[i][j] = v;
                }
            }
        }
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                // W^T W (or W W^T) = gain² I, tested on the gain-free factor: |dot - delta| <= 1e-5.
                assertEquals(a == b ? 1 : 0, dot(q[a], q[b]), 1e-5, "Q^T Q at (" + a + ", " + b + ")");
            }
        }

        Rng redraw = new Rng(seed);
        double[][] normal = new double[n][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                normal[j][i] = redraw.nextGaussian();
            }
        }
        for (int a = 0; a < n; a++) {
            for (int b = 0; b <= a; b++) {
                double r = dot(q[a], normal[b]);
                if (a == b) {
                    assertTrue(r > 0, "R(" + a + ", " + a + ") = " + r + " is not positive");
                } else {
                    assertEquals(0, r, 1e-4, "R = Q^T A is not upper triangular at (" + a + ", " + b + ")");
                }
            }
        }
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    static Stream<Arguments> orthogonalCases() {
        return Stream.of(
                        new Object[] {new int[] {400, 300}, 1.0},
                        new Object[] {new int[] {150, 260}, 1.0},
                        new Object[] {new int[] {64, 64}, 2.0},
                        new Object[] {new int[] {1, 10}, 1.0},
                        new Object[] {new int[] {10, 1}, -0.5},
                        new Object[] {new int[] {5, 7}, 3.0},
                        new Object[] {new int[] {3, 3, 4, 8}, 1.0},
                        new Object[] {new int[] {2, 3, 40}, 1.5})
                .map(c -> Arguments.of(Arrays.toString((int[]) c[0]), c[1], c[0]));
    }

    // ---------------------------------------------------------------------------------------------
    // Determinism, offsets, argument checks of fill

    static Stream<Arguments> everyInitializer() {
        return Stream.of(
                        random(Initializers.randomUniform()), random(Initializers.randomUniform(-1, 3)),
                        random(Initializers.randomNormal()), random(Initializers.randomNormal(1, 2)),
                        random(Initializers.truncatedNormal()), random(Initializers.truncatedNormal(1, 2)),
                        fixed(Initializers.zeros()), fixed(Initializers.ones()), fixed(Initializers.constant(0.5)),
                        fixed(Initializers.identity()), fixed(Initializers.identity(2)),
                        random(Initializers.orthogonal()), random(Initializers.orthogonal(2)),
                        random(Initializers.varianceScaling()),
                        random(Initializers.varianceScaling(2, "fan_out", "untruncated_normal")),
                        random(Initializers.varianceScaling(0.5, "fan_avg", "uniform")),
                        random(Initializers.glorotUniform()), random(Initializers.glorotNormal()),
                        random(Initializers.lecunUniform()), random(Initializers.lecunNormal()),
                        random(Initializers.heUniform()), random(Initializers.heNormal()));
    }

    private static Arguments random(Initializer init) {
        return Arguments.of(init.name(), init, true);
    }

    private static Arguments fixed(Initializer init) {
        return Arguments.of(init.name(), init, false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyInitializer")
    void sameSeedSameBitsAndOtherSeedOtherValues(String name, Initializer init, boolean random) {
        int[] shape = {37, 23};
        int[] first = bits(fill(init, shape, 0, 0, 42));
        int[] again = bits(fill(init, shape, 0, 0, 42));
        int[] other = bits(fill(init, shape, 0, 0, 43));
        assertArrayEquals(first, again, "same seed, same initializer instance");
        if (random) {
            assertFalse(Arrays.equals(first, other), "another seed gave the same values");
        } else {
            assertArrayEquals(first, other, "a fixed initializer depends on the seed");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyInitializer")
    void writesExactlyItsRange(String name, Initializer init, boolean random) {
        int[] shape = {11, 13};
        int size = 11 * 13;
        float[] atZero = fill(init, shape, 0, 0, 7);
        for (int off : new int[] {1, 29}) {
            int tail = 5;
            float[] w = fill(init, shape, off, tail, 7);
            for (int i = 0; i < off; i++) {
                assertEquals(SENTINEL, Float.floatToRawIntBits(w[i]), "wrote before off at " + i);
            }
            for (int i = off + size; i < w.length; i++) {
                assertEquals(SENTINEL, Float.floatToRawIntBits(w[i]), "wrote after off + size at " + i);
            }
            assertArrayEquals(atZero, Arrays.copyOfRange(w, off, off + size), "values depend on off");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyInitializer")
    void emptyShapesWriteNothing(String name, Initializer init, boolean random) {
        float[] w = new float[3];
        Arrays.fill(w, Float.intBitsToFloat(SENTINEL));
        init.fill(w, 1, new int[] {0, 5}, new Rng(1));
        init.fill(w, 3, new int[] {4, 0}, new Rng(1));
        for (float v : w) {
            assertEquals(SENTINEL, Float.floatToRawIntBits(v));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyInitializer")
    void fillChecksItsArguments(String name, Initializer init, boolean random) {
        int[] shape = {3, 4};
        assertThrows(IndexOutOfBoundsException.class, () -> init.fill(new float[12], -1, shape, new Rng(1)));
        assertThrows(IndexOutOfBoundsException.class, () -> init.fill(new float[12], 1, shape, new Rng(1)));
        assertThrows(IndexOutOfBoundsException.class, () -> init.fill(new float[11], 0, shape, new Rng(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> init.fill(new float[12], 0, new int[] {3, -4}, new Rng(1)));
        assertTrue(e.getMessage().contains("[3, -4]"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> init.fill(new float[12], 0, new int[] {1 << 16, 1 << 16}, new Rng(1)));
        assertThrows(NullPointerException.class, () -> init.fill(null, 0, shape, new Rng(1)));
        assertThrows(NullPointerException.class, () -> init.fill(new float[12], 0, null, new Rng(1)));
    }

    private static final int SENTINEL = 0x7fc0_beef;

    /** Fills a fresh array of off + size + tail floats, the margins holding a NaN sentinel. */
    private static float[] fill(Initializer init, int[] shape, int off, int tail, long seed) {
        int size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        float[] w = new float[off + size + tail];
        Arrays.fill(w, Float.intBitsToFloat(SENTINEL));
        init.fill(w, off, shape, new Rng(seed));
        return w;
    }

    private static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }

    // ---------------------------------------------------------------------------------------------
    // Names

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of(Initializers.randomUniform(), "random_uniform"),
                Arguments.of(Initializers.randomUniform(-0.05, 0.05), "random_uniform"),
                Arguments.of(Initializers.randomUniform(-1, 1), "random_uniform(minval=-1.0, maxval=1.0)"),
                Arguments.of(Initializers.randomNormal(), "random_normal"),
                Arguments.of(Initializers.randomNormal(0, 0.1), "random_normal(mean=0.0, stddev=0.1)"),
                Arguments.of(Initializers.truncatedNormal(), "truncated_normal"),
                Arguments.of(Initializers.truncatedNormal(1, 0.05), "truncated_normal(mean=1.0, stddev=0.05)"),
                Arguments.of(Initializers.zeros(), "zeros"),
                Arguments.of(Initializers.ones(), "ones"),
                Arguments.of(Initializers.constant(0), "constant"),
                Arguments.of(Initializers.constant(0.5), "constant(0.5)"),
                Arguments.of(Initializers.identity(), "identity"),
                Arguments.of(Initializers.identity(2), "identity(gain=2.0)"),
                Arguments.of(Initializers.orthogonal(), "orthogonal"),
                Arguments.of(Initializers.orthogonal(0.5), "orthogonal(gain=0.5)"),
                Arguments.of(Initializers.varianceScaling(), "variance_scaling"),
                Arguments.of(Initializers.varianceScaling(1, "fan_in", "truncated_normal"), "variance_scaling"),
                Arguments.of(Initializers.varianceScaling(2, "fan_in", "truncated_normal"),
                        "variance_scaling(scale=2.0, mode=fan_in, distribution=truncated_normal)"),
                Arguments.of(Initializers.varianceScaling(1, "FAN_AVG", "Uniform"),
                        "variance_scaling(scale=1.0, mode=fan_avg, distribution=uniform)"),
                Arguments.of(Initializers.varianceScaling(1, "fan_out", "normal"),
                        "variance_scaling(scale=1.0, mode=fan_out, distribution=truncated_normal)"),
                Arguments.of(Initializers.glorotUniform(), "glorot_uniform"),
                Arguments.of(Initializers.glorotNormal(), "glorot_normal"),
                Arguments.of(Initializers.lecunUniform(), "lecun_uniform"),
                Arguments.of(Initializers.lecunNormal(), "lecun_normal"),
                Arguments.of(Initializers.heUniform(), "he_uniform"),
                Arguments.of(Initializers.heNormal(), "he_normal"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("names")
    void nameIsTheKerasNameWithNonDefaultArguments(Initializer init, String expected) {
        assertEquals(expected, init.name());
    }

    static Stream<Arguments> kerasNames() {
        return Stream.of(
                kerasName("random_uniform", Initializers::randomUniform),
                kerasName("uniform", Initializers::randomUniform),
                kerasName("RandomUniform", Initializers::randomUniform),
                kerasName("random_normal", Initializers::randomNormal),
                kerasName("normal", Initializers::randomNormal),
                kerasName("RandomNormal", Initializers::randomNormal),
                kerasName("truncated_normal", Initializers::truncatedNormal),
                kerasName("TruncatedNormal", Initializers::truncatedNormal),
                kerasName("zeros", Initializers::zeros),
                kerasName("zero", Initializers::zeros),
                kerasName("Zeros", Initializers::zeros),
                kerasName("ones", Initializers::ones),
                kerasName("one", Initializers::ones),
                kerasName("Ones", Initializers::ones),
                kerasName("constant", () -> Initializers.constant(0)),
                kerasName("Constant", () -> Initializers.constant(0)),
                kerasName("identity", Initializers::identity),
                kerasName("Identity", Initializers::identity),
                kerasName("IdentityInitializer", Initializers::identity),
                kerasName("orthogonal", Initializers::orthogonal),
                kerasName("Orthogonal", Initializers::orthogonal),
                kerasName("OrthogonalInitializer", Initializers::orthogonal),
                kerasName("variance_scaling", Initializers::varianceScaling),
                kerasName("VarianceScaling", Initializers::varianceScaling),
                kerasName("glorot_uniform", Initializers::glorotUniform),
                kerasName("GlorotUniform", Initializers::glorotUniform),
                kerasName("GLOROT_UNIFORM", Initializers::glorotUniform),
                kerasName(" glorot_uniform\t", Initializers::glorotUniform),
                kerasName("glorot_normal", Initializers::glorotNormal),
                kerasName("GlorotNormal", Initializers::glorotNormal),
                kerasName("lecun_uniform", Initializers::lecunUniform),
                kerasName("LecunUniform", Initializers::lecunUniform),
                kerasName("lecun_normal", Initializers::lecunNormal),
                kerasName("LecunNormal", Initializers::lecunNormal),
                kerasName("he_uniform", Initializers::heUniform),
                kerasName("HeUniform", Initializers::heUniform),
                kerasName("he_normal", Initializers::heNormal),
                kerasName("HeNormal", Initializers::heNormal),
                kerasName("He_Normal", Initializers::heNormal));
    }

    private static Arguments kerasName(String name, Supplier<Initializer> expected) {
        return Arguments.of(name, expected.get());
    }

    @ParameterizedTest(name = "''{0}''")
    @MethodSource("kerasNames")
    void fromKerasNameKnowsEveryNameAndAlias(String name, Initializer expected) {
        Initializer init = Initializers.fromKerasName(name);
        assertEquals(expected, init);
        assertEquals(expected.name(), init.name());
        int[] shape = {6, 4};
        assertArrayEquals(fill(expected, shape, 0, 0, 5), fill(init, shape, 0, 0, 5));
    }

    @Test
    void unknownNameSuggestsTheClosestAndListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Initializers.fromKerasName("glorot_unifrom"));
        assertTrue(e.getMessage().startsWith(
                "Unknown initializer 'glorot_unifrom'. Did you mean 'glorot_uniform'? Valid names: "),
                e.getMessage());
        List<String> listed = List.of(e.getMessage().substring(e.getMessage().indexOf("Valid names: ") + 13)
                .split(", "));
        for (String name : List.of("random_uniform", "uniform", "random_normal", "normal", "truncated_normal",
                "zeros", "zero", "ones", "one", "constant", "identity", "orthogonal", "variance_scaling",
                "glorot_uniform", "glorot_normal", "lecun_uniform", "lecun_normal", "he_uniform", "he_normal")) {
            assertTrue(listed.contains(name), name + " missing from " + e.getMessage());
        }
        assertSuggests("he_norml", "he_normal");
        assertSuggests("Orthogonl", "orthogonal");
        assertSuggests("unifrom", "uniform");
        assertSuggests("GlorotUnifrom", "glorot_uniform");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xavier", "", "kaiming_normal", "glorot"})
    void farNamesGetNoSuggestion(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Initializers.fromKerasName(name));
        assertTrue(e.getMessage().startsWith("Unknown initializer '" + name + "'. Valid names: "), e.getMessage());
    }

    @Test
    void nullNameIsRejected() {
        assertThrows(NullPointerException.class, () -> Initializers.fromKerasName(null));
    }

    private static void assertSuggests(String given, String suggestion) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Initializers.fromKerasName(given));
        assertTrue(e.getMessage().contains("Did you mean '" + suggestion + "'?"), e.getMessage());
    }

    // ---------------------------------------------------------------------------------------------
    // Invalid arguments

    static Stream<Arguments> invalidArguments() {
        return Stream.of(
                invalid(() -> Initializers.randomNormal(0, -1), "stddev", "-1.0", ">= 0"),
                invalid(() -> Initializers.randomNormal(Double.NaN, 1), "mean", "NaN", "finite"),
                invalid(() -> Initializers.randomNormal(0, Double.POSITIVE_INFINITY), "stddev", "Infinity"),
                invalid(() -> Initializers.truncatedNormal(0, -0.5), "stddev", "-0.5", ">= 0"),
                invalid(() -> Initializers.truncatedNormal(0, Double.NaN), "stddev", "NaN"),
                invalid(() -> Initializers.randomUniform(1, -1), "maxval", "-1.0", ">= minval (1.0)"),
                invalid(() -> Initializers.randomUniform(Double.NEGATIVE_INFINITY, 1), "minval", "-Infinity"),
                invalid(() -> Initializers.constant(Double.NaN), "value", "NaN", "finite"),
                invalid(() -> Initializers.identity(Double.POSITIVE_INFINITY), "gain", "Infinity"),
                invalid(() -> Initializers.orthogonal(Double.NaN), "gain", "NaN"),
                invalid(() -> Initializers.varianceScaling(0, "fan_in", "uniform"), "scale", "0.0", "> 0"),
                invalid(() -> Initializers.varianceScaling(-2, "fan_in", "uniform"), "scale", "-2.0", "> 0"),
                invalid(() -> Initializers.varianceScaling(Double.NaN, "fan_in", "uniform"), "scale", "NaN"),
                invalid(() -> Initializers.varianceScaling(1, "fan_ot", "uniform"),
                        "mode", "'fan_ot'", "fan_in, fan_out, fan_avg", "Did you mean 'fan_out'?"),
                invalid(() -> Initializers.varianceScaling(1, "average", "uniform"),
                        "mode", "'average'", "fan_in, fan_out, fan_avg"),
                invalid(() -> Initializers.varianceScaling(1, "fan_in", "gaussian"),
                        "distribution", "'gaussian'", "truncated_normal, untruncated_normal, uniform"),
                invalid(() -> Initializers.varianceScaling(1, "fan_in", "untruncated_norml"),
                        "distribution", "'untruncated_norml'", "Did you mean 'untruncated_normal'?"));
    }

    private static Arguments invalid(Executable call, String... fragments) {
        return Arguments.of(String.join(" ", fragments), call, fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidArguments")
    void invalidArgumentsAreNamedWithTheirValueAndWhatIsValid(String label, Executable call, String[] fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' missing from: " + e.getMessage());
        }
    }

    @Test
    void aliasesOfModeAndDistributionAreTheSameInitializer() {
        assertEquals(Initializers.varianceScaling(1, "fan_avg", "truncated_normal"),
                Initializers.varianceScaling(1, "FAN_AVG", "Normal"));
        assertNotEquals(Initializers.varianceScaling(1, "fan_avg", "uniform"), Initializers.glorotUniform(),
                "a differently named initializer should not be equal");
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    private static float min(float[] values) {
        float m = Float.POSITIVE_INFINITY;
        for (float v : values) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static float max(float[] values) {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** The standard normal CDF. */
    private static double phi(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    /** erfc by a Chebyshev fit with relative error below 1.2e-7, ample for a KS test on 10^5 values. */
    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
