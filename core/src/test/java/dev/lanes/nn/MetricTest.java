package dev.lanes.nn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every metric against values worked out by hand (the single- and two-output examples of
 * scikit-learn's documentation), against a double reference on seeded random data, and the
 * degenerate R² cases of scikit-learn's {@code force_finite=True}.
 */
class MetricTest {

    private static final double EPS = 1e-7f;

    // scikit-learn's r2_score example: y_true = [3, -0.5, 2, 7], y_pred = [2.5, 0.0, 2, 8].
    private static final float[] Y1 = {3f, -0.5f, 2f, 7f};
    private static final float[] P1 = {2.5f, 0f, 2f, 8f};

    // Its two-output example: y_true = [[0.5, 1], [-1, 1], [7, -6]], y_pred = [[0, 2], [-1, 2], [8, -5]].
    private static final float[] Y2 = {0.5f, 1f, -1f, 1f, 7f, -6f};
    private static final float[] P2 = {0f, 2f, -1f, 2f, 8f, -5f};

    static Stream<Arguments> singleOutputByHand() {
        // Errors p - y: -0.5, 0.5, 0, 1. Target mean 2.875, SS_tot = 29.1875, SS_res = 1.5.
        // MSLE: y = -0.5 and p = 0 both clip to EPS (term 0); y = 2 = p (term 0).
        return Stream.of(
                Arguments.of(Metric.MSE, 1.5 / 4),
                Arguments.of(Metric.RMSE, Math.sqrt(1.5 / 4)),
                Arguments.of(Metric.MAE, 2.0 / 4),
                Arguments.of(Metric.MAPE, 100 * (0.5 / 3 + 0.5 / 0.5 + 0 + 1.0 / 7) / 4),
                Arguments.of(Metric.MSLE, (Math.pow(Math.log(3.5 / 4), 2) + Math.pow(Math.log(9.0 / 8), 2)) / 4),
                Arguments.of(Metric.R2, 1 - 1.5 / 29.1875),
                // Residuals y - p: 0.5, -0.5, 0, -1, mean -0.25, variance 1.25 / 4; scikit-learn prints 0.957...
                Arguments.of(Metric.EXPLAINED_VARIANCE, 1 - (1.25 / 4) / (29.1875 / 4)),
                Arguments.of(Metric.MAX_ERROR, 1.0),
                // |errors| sorted 0, 0.5, 0.5, 1: the two middle ones average to 0.5.
                Arguments.of(Metric.MEDIAN_ABSOLUTE_ERROR, 0.5));
    }

    @ParameterizedTest
    @MethodSource("singleOutputByHand")
    void singleOutputExample(Metric metric, double expected) {
        assertEquals(expected, metric.compute(P1, 0, Y1, 0, 4, 1), 1e-12);
    }

    static Stream<Arguments> twoOutputsByHand() {
        // Errors p - y: -0.5, 1, 0, 1, 1, 1.
        // Column 0: y = 0.5, -1, 7, mean 13/6, SS_tot = 217/6, SS_res = 1.25 -> R2 = 419/434.
        // Column 1: y = 1, 1, -6, mean -4/3, SS_tot = 98/3, SS_res = 3 -> R2 = 89/98.
        // MSLE: y = -1 and -6 clip to EPS, p = 0 and -1 and -5 too.
        double msle = (Math.pow(Math.log1p(EPS) - Math.log(1.5), 2) + Math.pow(Math.log(3.0 / 2), 2)
                + 0 + Math.pow(Math.log(3.0 / 2), 2) + Math.pow(Math.log(9.0 / 8), 2) + 0) / 6;
        return Stream.of(
                Arguments.of(Metric.MSE, 4.25 / 6),
                Arguments.of(Metric.RMSE, Math.sqrt(4.25 / 6)),
                Arguments.of(Metric.MAE, 4.5 / 6),
                Arguments.of(Metric.MAPE, 100 * (1.0 + 1 + 0 + 1 + 1.0 / 7 + 1.0 / 6) / 6),
                Arguments.of(Metric.MSLE, msle),
                Arguments.of(Metric.R2, (419.0 / 434 + 89.0 / 98) / 2),
                // Column 0: residuals 0.5, 0, -1 around -1/6 give 7/6 against SS_tot 217/6; column 1's residuals
                // are constant (-1), which explains all of its variance. scikit-learn prints 0.983...
                Arguments.of(Metric.EXPLAINED_VARIANCE, (1 - 7.0 / 217 + 1) / 2),
                Arguments.of(Metric.MAX_ERROR, 1.0),
                // Medians 0.5 and 1; scikit-learn prints 0.75.
                Arguments.of(Metric.MEDIAN_ABSOLUTE_ERROR, 0.75));
    }

    @ParameterizedTest
    @MethodSource("twoOutputsByHand")
    void twoOutputExample(Metric metric, double expected) {
        assertEquals(expected, metric.compute(P2, 0, Y2, 0, 3, 2), 1e-12);
    }

    @Test
    void r2OfTwoOutputsMatchesScikitLearnsPrintedValue() {
        // The documentation prints 0.936...
        assertEquals(0.936, Metric.R2.compute(P2, 0, Y2, 0, 3, 2), 1e-3);
    }

    @Test
    void r2OfConstantTargetsIsOneWhenExactAndZeroOtherwise() {
        float[] y = {2f, 2f, 2f};
        assertEquals(1.0, Metric.R2.compute(new float[] {2f, 2f, 2f}, 0, y, 0, 3, 1));
        assertEquals(0.0, Metric.R2.compute(new float[] {1f, 2f, 3f}, 0, y, 0, 3, 1));
    }

    @Test
    void r2AveragesADegenerateColumnWithAnOrdinaryOne() {
        // Column 0 is the single-output example; column 1 has constant targets.
        float[] y = new float[8];
        float[] exact = new float[8];
        float[] off = new float[8];
        for (int r = 0; r < 4; r++) {
            y[2 * r] = Y1[r];
            exact[2 * r] = P1[r];
            off[2 * r] = P1[r];
            y[2 * r + 1] = 5f;
            exact[2 * r + 1] = 5f;
            off[2 * r + 1] = 5f + r;
        }
        double column0 = 1 - 1.5 / 29.1875;
        assertEquals((column0 + 1) / 2, Metric.R2.compute(exact, 0, y, 0, 4, 2), 1e-12);
        assertEquals((column0 + 0) / 2, Metric.R2.compute(off, 0, y, 0, 4, 2), 1e-12);
    }

    @Test
    void r2OfASingleRowIsNaNAsInScikitLearn() {
        assertTrue(Double.isNaN(Metric.R2.compute(new float[] {1f}, 0, new float[] {1f}, 0, 1, 1)));
        assertTrue(Double.isNaN(Metric.R2.compute(new float[] {1f, 2f}, 0, new float[] {3f, 4f}, 0, 1, 2)));
    }

    @Test
    void r2OfAnInfinitePredictionIsMinusInfinityEvenForConstantTargets() {
        float[] p = {1f, Float.POSITIVE_INFINITY, 3f};
        assertEquals(Double.NEGATIVE_INFINITY, Metric.R2.compute(p, 0, new float[] {2f, 2f, 2f}, 0, 3, 1));
        assertEquals(Double.NEGATIVE_INFINITY, Metric.R2.compute(p, 0, new float[] {1f, 2f, 4f}, 0, 3, 1));
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void nanInPredictionsOrTargetsGivesNaN(Metric metric) {
        float[] p = {1f, Float.NaN, 3f, 4f};
        float[] y = {1f, 2f, 2.5f, 5f};
        assertTrue(Double.isNaN(metric.compute(p, 0, y, 0, 4, 1)));
        assertTrue(Double.isNaN(metric.compute(y, 0, p, 0, 4, 1)));
        // Two outputs, the NaN in a column whose targets are constant: R2 must not turn it into 0.
        float[] y2 = {1f, 7f, 2f, 7f};
        float[] p2 = {1f, Float.NaN, 2f, 7f};
        assertTrue(Double.isNaN(metric.compute(p2, 0, y2, 0, 2, 2)));
    }

    /** The metrics straight from their definitions, in double. */
    private static double reference(Metric metric, float[] p, int pOff, float[] y, int tOff, int rows, int outputs) {
        int n = rows * outputs;
        double sum = 0;
        switch (metric) {
            case MSE:
            case RMSE:
                for (int i = 0; i < n; i++) {
                    sum += Math.pow((double) p[pOff + i] - y[tOff + i], 2);
                }
                return metric == Metric.MSE ? sum / n : Math.sqrt(sum / n);
            case MAE:
                for (int i = 0; i < n; i++) {
                    sum += Math.abs((double) p[pOff + i] - y[tOff + i]);
                }
                return sum / n;
            case MAPE:
                for (int i = 0; i < n; i++) {
                    sum += 100 * Math.abs(((double) y[tOff + i] - p[pOff + i]) / Math.max(Math.abs(y[tOff + i]), EPS));
                }
                return sum / n;
            case MSLE:
                for (int i = 0; i < n; i++) {
                    double lp = Math.log(Math.max(p[pOff + i], EPS) + 1);
                    double ly = Math.log(Math.max(y[tOff + i], EPS) + 1);
                    sum += (lp - ly) * (lp - ly);
                }
                return sum / n;
            case R2:
                for (int c = 0; c < outputs; c++) {
                    double mean = 0;
                    for (int r = 0; r < rows; r++) {
                        mean += y[tOff + r * outputs + c] / (double) rows;
                    }
                    double res = 0;
                    double tot = 0;
                    for (int r = 0; r < rows; r++) {
                        res += Math.pow((double) y[tOff + r * outputs + c] - p[pOff + r * outputs + c], 2);
                        tot += Math.pow(y[tOff + r * outputs + c] - mean, 2);
                    }
                    sum += 1 - res / tot;
                }
                return sum / outputs;
            case EXPLAINED_VARIANCE:
                for (int c = 0; c < outputs; c++) {
                    double meanY = 0;
                    double meanE = 0;
                    for (int r = 0; r < rows; r++) {
                        meanY += y[tOff + r * outputs + c] / (double) rows;
                        meanE += ((double) y[tOff + r * outputs + c] - p[pOff + r * outputs + c]) / rows;
                    }
                    double res = 0;
                    double tot = 0;
                    for (int r = 0; r < rows; r++) {
                        res += Math.pow((double) y[tOff + r * outputs + c] - p[pOff + r * outputs + c] - meanE, 2);
                        tot += Math.pow(y[tOff + r * outputs + c] - meanY, 2);
                    }
                    sum += 1 - res / tot;
                }
                return sum / outputs;
            case MAX_ERROR:
                for (int i = 0; i < n; i++) {
                    sum = Math.max(sum, Math.abs((double) p[pOff + i] - y[tOff + i]));
                }
                return sum;
            case MEDIAN_ABSOLUTE_ERROR:
                for (int c = 0; c < outputs; c++) {
                    double[] e = new double[rows];
                    for (int r = 0; r < rows; r++) {
                        e[r] = Math.abs((double) p[pOff + r * outputs + c] - y[tOff + r * outputs + c]);
                    }
                    Arrays.sort(e);
                    sum += (e[(rows - 1) / 2] + e[rows / 2]) / 2;
                }
                return sum / outputs;
            default:
                throw new AssertionError(metric);
        }
    }

    static Stream<Arguments> metricsAndSeeds() {
        List<Arguments> out = new ArrayList<>();
        for (Metric m : Metric.values()) {
            for (long seed = 1; seed <= 6; seed++) {
                out.add(Arguments.of(m, seed));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("metricsAndSeeds")
    void randomDataWithOffsetsMatchesTheDefinition(Metric metric, long seed) {
        Random rnd = new Random(seed);
        int rows = 2 + rnd.nextInt(50);
        int outputs = 1 + rnd.nextInt(4);
        int pOff = rnd.nextInt(4);
        int tOff = rnd.nextInt(4);
        int n = rows * outputs;
        // NaN outside the windows: reading there would poison the result.
        float[] p = new float[pOff + n + 3];
        float[] y = new float[tOff + n + 3];
        Arrays.fill(p, Float.NaN);
        Arrays.fill(y, Float.NaN);
        for (int i = 0; i < n; i++) {
            y[tOff + i] = (float) (rnd.nextGaussian() * 2 + 1);
            p[pOff + i] = (float) (y[tOff + i] + rnd.nextGaussian());
        }
        double expected = reference(metric, p, pOff, y, tOff, rows, outputs);
        assertEquals(expected, metric.compute(p, pOff, y, tOff, rows, outputs),
                1e-12 * Math.max(1, Math.abs(expected)));
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void emptyShapesAreRejected(Metric metric) {
        float[] a = new float[4];
        assertThrows(IllegalArgumentException.class, () -> metric.compute(a, 0, a, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> metric.compute(a, 0, a, 0, 2, 0));
    }

    @Test
    void onlyR2AndExplainedVarianceAreGreaterIsBetter() {
        for (Metric m : Metric.values()) {
            assertEquals(m == Metric.R2 || m == Metric.EXPLAINED_VARIANCE, m.greaterIsBetter(), m.name());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "MSE, mean_squared_error, mse",
        "RMSE, root_mean_squared_error, rmse",
        "MAE, mean_absolute_error, mae",
        "MAPE, mean_absolute_percentage_error, mape",
        "MSLE, mean_squared_logarithmic_error, msle",
        "R2, r2_score, r2",
        "EXPLAINED_VARIANCE, explained_variance_score, explained_variance",
        "MAX_ERROR, max_error, max_error",
        "MEDIAN_ABSOLUTE_ERROR, median_absolute_error, median_absolute_error",
    })
    void namesResolve(Metric metric, String kerasName, String shortName) {
        assertEquals(kerasName, metric.kerasName());
        assertEquals(shortName, metric.shortName());
        assertSame(metric, Metric.fromName(kerasName));
        assertSame(metric, Metric.fromName(shortName));
        assertSame(metric, Metric.fromName(metric.name()));
    }

    @Test
    void unknownNameSuggestsTheClosestAndListsAll() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Metric.fromName("rmse2"));
        assertEquals("Unknown metric 'rmse2'. Did you mean 'rmse'? Valid names: mean_squared_error, mse, MSE, "
                + "root_mean_squared_error, rmse, RMSE, mean_absolute_error, mae, MAE, "
                + "mean_absolute_percentage_error, mape, MAPE, mean_squared_logarithmic_error, msle, MSLE, "
                + "r2_score, r2, R2, explained_variance_score, explained_variance, EXPLAINED_VARIANCE, max_error, "
                + "MAX_ERROR, median_absolute_error, MEDIAN_ABSOLUTE_ERROR", e.getMessage());
    }

    @Test
    void nearAndFarMisses() {
        IllegalArgumentException near = assertThrows(IllegalArgumentException.class,
                () -> Metric.fromName("r2_scor"));
        assertTrue(near.getMessage().startsWith("Unknown metric 'r2_scor'. Did you mean 'r2_score'?"),
                near.getMessage());
        assertEquals(Metric.R2, Metric.fromName("r2score"), "one name rule: underscores and case aside");
        assertEquals(Metric.MEDIAN_ABSOLUTE_ERROR, Metric.fromName("MedianAbsoluteError"));
        IllegalArgumentException far = assertThrows(IllegalArgumentException.class,
                () -> Metric.fromName("accuracy"));
        assertTrue(far.getMessage().startsWith("Unknown metric 'accuracy'. Valid names: "), far.getMessage());
        assertThrows(NullPointerException.class, () -> Metric.fromName(null));
    }
}
