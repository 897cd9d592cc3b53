package dev.lanes.nn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every loss against a per-element double reference written here from the Keras formulas, and its
 * gradient against central differences of the mean loss.
 */
class LossesTest {

    /** Keras' epsilon as it acts on float32 tensors. */
    private static final double EPS = 1e-7f;

    private static final float SENTINEL = 12345f;

    /** A loss, its per-element reference, and where its derivative jumps (so differences skip it). */
    record Case(Loss loss, DoubleBinaryOperator reference, Kink kink) {
        @Override
        public String toString() {
            return loss.toString();
        }
    }

    @FunctionalInterface
    interface Kink {
        /** True when the finite-difference step around {@code p} could cross a kink. */
        boolean near(double p, double y, double margin);
    }

    private static double huberReference(double delta, double p, double y) {
        double e = p - y;
        return Math.abs(e) <= delta ? 0.5 * e * e : delta * Math.abs(e) - 0.5 * delta * delta;
    }

    static Stream<Case> cases() {
        Kink none = (p, y, m) -> false;
        Kink atZeroError = (p, y, m) -> Math.abs(p - y) < m;
        return Stream.of(
                new Case(Losses.meanSquaredError(), (p, y) -> (p - y) * (p - y), none),
                new Case(Losses.meanAbsoluteError(), (p, y) -> Math.abs(p - y), atZeroError),
                new Case(Losses.meanAbsolutePercentageError(),
                        (p, y) -> 100 * Math.abs((y - p) / Math.max(Math.abs(y), EPS)), atZeroError),
                new Case(Losses.meanSquaredLogarithmicError(),
                        (p, y) -> Math.pow(Math.log(Math.max(p, EPS) + 1) - Math.log(Math.max(y, EPS) + 1), 2),
                        (p, y, m) -> Math.abs(p - EPS) < m),
                new Case(Losses.huber(), (p, y) -> huberReference(1, p, y),
                        (p, y, m) -> Math.abs(Math.abs(p - y) - 1) < m),
                new Case(Losses.huber(2.5), (p, y) -> huberReference(2.5, p, y),
                        (p, y, m) -> Math.abs(Math.abs(p - y) - 2.5) < m),
                new Case(Losses.logCosh(), (p, y) -> Math.log(Math.cosh(p - y)), none));
    }

    static Stream<Arguments> casesAndSeeds() {
        List<Arguments> out = new ArrayList<>();
        cases().forEach(c -> {
            for (long seed = 1; seed <= 8; seed++) {
                out.add(Arguments.of(c, seed));
            }
        });
        return out.stream();
    }

    /** Values around the interesting range of every loss, negatives included (MSLE clips them). */
    private static float draw(Random rnd) {
        return (float) (rnd.nextDouble() * 8 - 3);
    }

    private static double reference(Case c, float[] p, int pOff, float[] y, int tOff, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += c.reference().applyAsDouble(p[pOff + i], y[tOff + i]);
        }
        return sum / n;
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("casesAndSeeds")
    void valueMatchesReferenceAndGradientReturnsIt(Case c, long seed) {
        Random rnd = new Random(seed);
        int n = 1 + rnd.nextInt(40);
        int pOff = rnd.nextInt(5);
        int tOff = rnd.nextInt(5);
        int gOff = rnd.nextInt(5);
        float[] p = new float[pOff + n];
        float[] y = new float[tOff + n];
        for (int i = 0; i < n; i++) {
            p[pOff + i] = draw(rnd);
            y[tOff + i] = draw(rnd);
        }
        double expected = reference(c, p, pOff, y, tOff, n);
        double value = c.loss().value(p, pOff, y, tOff, n);
        assertEquals(expected, value, 1e-12 * Math.abs(expected) + 1e-15);
        float[] grad = new float[gOff + n];
        assertEquals(value, c.loss().gradient(p, pOff, y, tOff, n, grad, gOff));
    }

    /**
     * Central differences of the mean loss, one element at a time, in double. The perturbed inputs are
     * floats, so the step used is the difference of the two floats actually passed, which is exact in
     * double. With h about 1e-5 the truncation error (h^2/6 of the third derivative) is far below the
     * float rounding of the gradient itself.
     */
    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("casesAndSeeds")
    void gradientMatchesCentralDifferences(Case c, long seed) {
        Random rnd = new Random(seed * 31 + 7);
        int n = 1 + rnd.nextInt(20);
        float[] p = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = draw(rnd);
            do {
                p[i] = draw(rnd);
            } while (c.kink().near(p[i], y[i], 4e-5 * Math.max(1, Math.abs(p[i]))));
        }
        float[] grad = new float[n];
        c.loss().gradient(p, 0, y, 0, n, grad, 0);
        for (int i = 0; i < n; i++) {
            double fd = centralDifference(c.loss(), p, y, i, 1e-5 * Math.max(1, Math.abs(p[i])));
            assertEquals(fd, grad[i], 1e-6 * Math.abs(fd) + 1e-8, "element " + i + " of " + Arrays.toString(p));
        }
    }

    private static double centralDifference(Loss loss, float[] p, float[] y, int i, double h) {
        float saved = p[i];
        float plus = (float) (saved + h);
        float minus = (float) (saved - h);
        p[i] = plus;
        double up = loss.value(p, 0, y, 0, p.length);
        p[i] = minus;
        double down = loss.value(p, 0, y, 0, p.length);
        p[i] = saved;
        return (up - down) / ((double) plus - (double) minus);
    }

    private static double oneSidedDifference(Loss loss, float p, float y, double h) {
        float moved = (float) (p + h);
        float[] at = {p};
        float[] there = {moved};
        float[] target = {y};
        return (loss.value(there, 0, target, 0, 1) - loss.value(at, 0, target, 0, 1)) / ((double) moved - p);
    }

    private static float gradientOfOne(Loss loss, float p, float y) {
        float[] grad = new float[1];
        loss.gradient(new float[] {p}, 0, new float[] {y}, 0, 1, grad, 0);
        return grad[0];
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientIncludesTheOneOverN(Case c) {
        // The same element in batches of 1 and of 4 identical elements: the mean is unchanged, each
        // element's share of the gradient is a quarter.
        float[] one = {1.75f};
        float[] y1 = {0.5f};
        float[] four = {1.75f, 1.75f, 1.75f, 1.75f};
        float[] y4 = {0.5f, 0.5f, 0.5f, 0.5f};
        float[] g1 = new float[1];
        float[] g4 = new float[4];
        assertEquals(c.loss().gradient(one, 0, y1, 0, 1, g1, 0), c.loss().gradient(four, 0, y4, 0, 4, g4, 0), 1e-15);
        for (float g : g4) {
            assertEquals(g1[0] / 4, g, Math.ulp(g1[0]));
        }
    }

    @Test
    void maeAndMapeHaveZeroSubgradientAtZeroError() {
        for (Loss loss : List.of(Losses.meanAbsoluteError(), Losses.meanAbsolutePercentageError())) {
            float[] p = {2f, 3f, -1f};
            float[] y = {2f, 1f, -1f};
            float[] grad = new float[3];
            loss.gradient(p, 0, y, 0, 3, grad, 0);
            assertEquals(0f, grad[0], loss.name());
            assertEquals(0f, grad[2], loss.name());
            assertTrue(grad[1] > 0, loss.name());
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 2.5})
    void huberAtExactlyDeltaOnBothSides(double delta) {
        Loss huber = Losses.huber(delta);
        float y = 0.5f;
        for (int sign : new int[] {1, -1}) {
            float p = (float) (y + sign * delta);
            assertEquals(delta, Math.abs((double) p - y), 0, "the error is exactly delta");
            float[] at = {p};
            float[] target = {y};
            // Both branches give 0.5 delta^2 here; so must the loss.
            assertEquals(0.5 * delta * delta, huber.value(at, 0, target, 0, 1), 1e-15);
            float g = gradientOfOne(huber, p, y);
            assertEquals(sign * delta, g, 0, "quadratic branch slope e = +-delta");
            // Huber is C1: the one-sided slopes from inside (quadratic) and outside (linear) agree.
            double inside = oneSidedDifference(huber, p, y, -sign * 1e-4);
            double outside = oneSidedDifference(huber, p, y, sign * 1e-4);
            assertEquals(sign * delta, inside, 1e-3);
            assertEquals(sign * delta, outside, 1e-6);
            // Just inside and just outside, each branch's own formula.
            float in = Math.nextAfter(p, y);
            float out = Math.nextAfter(p, sign * Double.POSITIVE_INFINITY);
            double eIn = (double) in - y;
            double eOut = (double) out - y;
            assertEquals(0.5 * eIn * eIn, huber.value(new float[] {in}, 0, target, 0, 1), 1e-15);
            assertEquals(delta * Math.abs(eOut) - 0.5 * delta * delta,
                    huber.value(new float[] {out}, 0, target, 0, 1), 1e-15);
            assertEquals((float) eIn, gradientOfOne(huber, in, y));
            assertEquals((float) (sign * delta), gradientOfOne(huber, out, y));
        }
    }

    @ParameterizedTest
    @ValueSource(floats = {1e4f, -1e4f, 1e30f, -1e30f, Float.MAX_VALUE, -Float.MAX_VALUE})
    void logCoshOfLargeErrorsIsLinearNotOverflowing(float e) {
        Loss loss = Losses.logCosh();
        float[] p = {e, e};
        float[] y = {0f, 0f};
        float[] grad = new float[2];
        double value = loss.gradient(p, 0, y, 0, 2, grad, 0);
        assertTrue(Double.isFinite(value));
        assertEquals(Math.abs((double) e) - Math.log(2), value, Math.ulp(Math.abs((double) e)) * 2);
        assertEquals(Math.signum(e) * 0.5f, grad[0]);
        assertEquals(Math.signum(e) * 0.5f, grad[1]);
    }

    @Test
    void logCoshOfTinyErrorsKeepsRelativePrecision() {
        float[] p = {1e-4f};
        float[] y = {0f};
        double x = 1e-4f;
        // log cosh x = x^2/2 - x^4/12 + ...
        assertEquals(x * x / 2 - x * x * x * x / 12, Losses.logCosh().value(p, 0, y, 0, 1), 1e-14 * x * x);
    }

    @ParameterizedTest
    @ValueSource(floats = {-3f, -1f, -1e-3f, 0f, 1e-8f, -Float.MAX_VALUE})
    void msleClipsNegativeAndTinyPredictionsWithZeroGradient(float pred) {
        Loss msle = Losses.meanSquaredLogarithmicError();
        float[] p = {pred};
        float[] y = {2f};
        float[] grad = {SENTINEL};
        double expected = Math.pow(Math.log1p(EPS) - Math.log1p(2), 2);
        assertEquals(expected, msle.gradient(p, 0, y, 0, 1, grad, 0), 1e-15);
        assertEquals(0f, grad[0]);
    }

    @Test
    void msleAtTheClipPassesTheGradientAsTensorFlowsMaximumDoes() {
        // tf.maximum(x, c) sends the gradient to x when x >= c, so the tie is on the unclipped side.
        float p = 1e-7f;
        assertEquals(EPS, p, 0);
        float g = gradientOfOne(Losses.meanSquaredLogarithmicError(), p, 2f);
        assertEquals((float) (2 * (Math.log1p(EPS) - Math.log1p(2)) / (1 + EPS)), g);
    }

    @Test
    void msleClipsNegativeTargets() {
        float[] p = {1f};
        float[] y = {-4f};
        assertEquals(Math.pow(Math.log(2) - Math.log1p(EPS), 2),
                Losses.meanSquaredLogarithmicError().value(p, 0, y, 0, 1), 1e-15);
    }

    @Test
    void mapeWithZeroTargetsDividesByEpsilon() {
        Loss mape = Losses.meanAbsolutePercentageError();
        float[] p = {2f, -2f, 0f};
        float[] y = {0f, 0f, 0f};
        float[] grad = new float[3];
        double value = mape.gradient(p, 0, y, 0, 3, grad, 0);
        assertEquals((100 * 2 / EPS + 100 * 2 / EPS + 0) / 3, value, 1e-6);
        assertEquals((float) (100 / EPS / 3), grad[0]);
        assertEquals((float) (-100 / EPS / 3), grad[1]);
        assertEquals(0f, grad[2]);
    }

    @Test
    void mapeDividesByTheTargetMagnitude() {
        float[] p = {90f, -110f};
        float[] y = {100f, -100f};
        assertEquals(10, Losses.meanAbsolutePercentageError().value(p, 0, y, 0, 2), 1e-12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void offsetsAreRespected(Case c) {
        float[] pCompact = {0.5f, 2f, -1f, 3.25f};
        float[] yCompact = {1f, 1.5f, -2f, 0.75f};
        float[] gCompact = new float[4];
        double compact = c.loss().gradient(pCompact, 0, yCompact, 0, 4, gCompact, 0);
        // NaN around the windows: reading outside them would show in the result.
        float[] p = {Float.NaN, Float.NaN, 0.5f, 2f, -1f, 3.25f, Float.NaN};
        float[] y = {Float.NaN, 1f, 1.5f, -2f, 0.75f, Float.NaN};
        float[] g = new float[9];
        Arrays.fill(g, SENTINEL);
        assertEquals(compact, c.loss().value(p, 2, y, 1, 4));
        assertEquals(compact, c.loss().gradient(p, 2, y, 1, 4, g, 3));
        assertEquals(SENTINEL, g[0]);
        assertEquals(SENTINEL, g[1]);
        assertEquals(SENTINEL, g[2]);
        assertEquals(SENTINEL, g[7]);
        assertEquals(SENTINEL, g[8]);
        assertEquals(Arrays.toString(gCompact), Arrays.toString(Arrays.copyOfRange(g, 3, 7)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void nanPredictionOrTargetPropagates(Case c) {
        for (int which = 0; which < 2; which++) {
            // The -1 puts MSLE's prediction in its clipped region, where only the target can carry the NaN.
            float[] p = {0.5f, -1f, 1f};
            float[] y = {1f, 1.5f, 0.25f};
            (which == 0 ? p : y)[1] = Float.NaN;
            float[] grad = new float[3];
            assertTrue(Double.isNaN(c.loss().value(p, 0, y, 0, 3)));
            assertTrue(Double.isNaN(c.loss().gradient(p, 0, y, 0, 3, grad, 0)));
            assertTrue(Float.isNaN(grad[1]), "gradient of the NaN element");
            assertFalse(Float.isNaN(grad[0]));
            assertFalse(Float.isNaN(grad[2]));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void emptyBatchIsRejected(Case c) {
        float[] a = new float[2];
        assertThrows(IllegalArgumentException.class, () -> c.loss().value(a, 0, a, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> c.loss().gradient(a, 0, a, 0, -1, a, 0));
    }

    @ParameterizedTest
    @CsvSource({
        "mean_squared_error, mean_squared_error",
        "mse, mean_squared_error",
        "MSE, mean_squared_error",
        "mean_absolute_error, mean_absolute_error",
        "mae, mean_absolute_error",
        "MAE, mean_absolute_error",
        "mean_absolute_percentage_error, mean_absolute_percentage_error",
        "mape, mean_absolute_percentage_error",
        "MAPE, mean_absolute_percentage_error",
        "mean_squared_logarithmic_error, mean_squared_logarithmic_error",
        "msle, mean_squared_logarithmic_error",
        "MSLE, mean_squared_logarithmic_error",
        "huber, huber",
        "log_cosh, log_cosh",
        "logcosh, log_cosh",
    })
    void kerasNamesAndAliasesResolve(String given, String kerasName) {
        Loss loss = Losses.fromKerasName(given);
        assertEquals(kerasName, loss.name());
        assertSame(loss, Losses.fromKerasName(kerasName));
    }

    @Test
    void huberByNameHasDeltaOne() {
        float[] p = {3f};
        float[] y = {0f};
        assertEquals(2.5, Losses.fromKerasName("huber").value(p, 0, y, 0, 1), 0);
        assertEquals("huber", Losses.huber(2.5).name());
        assertEquals("huber(delta=2.5)", Losses.huber(2.5).toString());
    }

    @Test
    void unknownNameSuggestsTheClosestAndListsAll() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Losses.fromKerasName("mse2"));
        assertEquals("Unknown loss 'mse2'. Did you mean 'mse'? Valid names: mean_squared_error, mse, MSE, "
                + "mean_absolute_error, mae, MAE, mean_absolute_percentage_error, mape, MAPE, "
                + "mean_squared_logarithmic_error, msle, MSLE, huber, log_cosh, logcosh", e.getMessage());
    }

    @Test
    void theKerasClassNamesAreTheSameLosses() {
        assertSame(Losses.huber(), Losses.fromKerasName("Huber"));
        assertSame(Losses.logCosh(), Losses.fromKerasName("LogCosh"));
        assertSame(Losses.meanSquaredError(), Losses.fromKerasName("MeanSquaredError"));
        assertSame(Losses.meanAbsolutePercentageError(), Losses.fromKerasName("meanAbsolutePercentageError"));
    }

    @ParameterizedTest
    @CsvSource({"mean_squared_eror, mean_squared_error", "Hubber, huber", "LogCos, logcosh", "MSLE2, msle",
        "mean_absolute_percent_error, mean_absolute_percentage_error"})
    void nearMissesGetASuggestion(String given, String suggestion) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Losses.fromKerasName(given));
        assertTrue(e.getMessage().startsWith("Unknown loss '" + given + "'. Did you mean '" + suggestion + "'?"),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "binary_crossentropy", "xyz"})
    void farMissesGetNoSuggestion(String given) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Losses.fromKerasName(given));
        assertTrue(e.getMessage().startsWith("Unknown loss '" + given + "'. Valid names: mean_squared_error"),
                e.getMessage());
    }

    @Test
    void nullNameFails() {
        assertThrows(NullPointerException.class, () -> Losses.fromKerasName(null));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY})
    void invalidHuberDeltaIsNamed(double delta) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Losses.huber(delta));
        assertTrue(e.getMessage().contains("delta") && e.getMessage().endsWith("but was " + delta), e.getMessage());
    }
}
