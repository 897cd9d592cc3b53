package dev.lanes.data;

import dev.lanes.base.InputColumn;
import dev.lanes.base.Matrix;
import dev.lanes.base.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Fill values and scaling learned from training rows, applied as views. */
class PreprocessingTest {

    private static final float NAN = Float.NaN;
    private static final double TOLERANCE = 1e-5;

    /**
     * Columns: a, b (one empty cell), two category columns c=p and c=q; rows 0-2 train, row 3 only tests.
     * c=q is 1 only in row 3.
     */
    private static Dataset small() {
        return new Dataset(Path.of("small.csv"),
                List.of(InputColumn.numeric("a"), InputColumn.numeric("b"), InputColumn.categorical("c", List.of("p", "q"))),
                new float[] {
                    1, NAN, 1, 0,
                    3, 4, 0, 0,
                    5, 8, 1, 0,
                    100, 100, 0, 1},
                "y", new float[] {10, 20, 30, 1000}, 0);
    }

    private static final int[] TRAIN = {0, 1, 2};
    private static final int[] ALL = {0, 1, 2, 3};

    @Test
    void standardScalingMatchesHandComputedValues() {
        Dataset data = small();
        Preprocessing p = Preprocessing.fit(data, TRAIN, Scaling.STANDARD, Scaling.STANDARD);
        // a: mean 3, population std sqrt(8/3). b: fill = mean of {4, 8} = 6; filled {6, 4, 8}: mean 6, std sqrt(8/3).
        double s = Math.sqrt(8.0 / 3);
        // c=q never appears in training rows, so it reads 0 even in row 3.
        assertClose(new double[] {
            (1 - 3) / s, 0, 1, 0,
            (3 - 3) / s, (4 - 6) / s, 0, 0,
            (5 - 3) / s, (8 - 6) / s, 1, 0,
            (100 - 3) / s, (100 - 6) / s, 0, 0}, p.features(data, ALL));
        // y: mean 20, population std sqrt(200/3).
        double ys = Math.sqrt(200.0 / 3);
        assertClose(new double[] {(1000 - 20) / ys, (10 - 20) / ys}, p.target(data, new int[] {3, 0}));
        assertEquals(ys, p.targetUnit(), 1e-12);
        assertEquals(20 + 1.5 * ys, p.inverseTarget(1.5), 1e-9);
    }

    @Test
    void scalersForASavedModelApplyTheSameTransform() {
        Dataset data = small();
        Preprocessing p = Preprocessing.fit(data, TRAIN, Scaling.STANDARD, Scaling.STANDARD);
        dev.lanes.base.Scalers scalers = p.toScalers(data);
        assertEquals(List.of("a", "b", "c=p", "c=q"), scalers.featureNames());
        assertEquals("y", scalers.targetName());
        org.junit.jupiter.api.Assertions.assertArrayEquals(p.features(data, ALL).toArray(),
                scalers.apply(data.features()).toArray());
        assertEquals(p.inverseTarget(0.7), scalers.inverseTarget(0.7), 1e-9);
    }

    @Test
    void minMaxScalingMatchesHandComputedValues() {
        Dataset data = small();
        Preprocessing p = Preprocessing.fit(data, TRAIN, Scaling.MINMAX, Scaling.MINMAX);
        // a: min 1, range 4. b filled {6, 4, 8}: min 4, range 4. y: min 10, range 20.
        assertClose(new double[] {
            0, (6 - 4) / 4.0, 1, 0,
            (100 - 1) / 4.0, (100 - 4) / 4.0, 0, 0}, p.features(data, new int[] {0, 3}));
        assertClose(new double[] {(1000 - 10) / 20.0}, p.target(data, new int[] {3}));
        assertEquals(20, p.targetUnit(), 0);
        assertEquals(10 + 0.5 * 20, p.inverseTarget(0.5), 0);
    }

    @Test
    void noScalingOnlyFillsMissingValues() {
        Dataset data = small();
        Preprocessing p = Preprocessing.fit(data, TRAIN, Scaling.NONE, Scaling.NONE);
        assertClose(new double[] {1, 6, 1, 0, 100, 100, 0, 0}, p.features(data, new int[] {0, 3}));
        assertClose(new double[] {10, 1000}, p.target(data, new int[] {0, 3}));
        assertEquals(1, p.targetUnit(), 0);
        assertEquals(7.5, p.inverseTarget(7.5), 0);
    }

    @Test
    void constantColumnsAndAllMissingColumnsStayFinite() {
        Dataset data = new Dataset(Path.of("constant.csv"), List.of(InputColumn.numeric("k"), InputColumn.numeric("m")),
                new float[] {5, NAN, 5, NAN, 7, 3}, "y", new float[] {2, 2, 9}, 0);
        int[] train = {0, 1};
        // k is constant (std 1, range 1); m is all missing in training, so filled with 0.
        assertClose(new double[] {0, 0, 2, 3},
                Preprocessing.fit(data, train, Scaling.STANDARD, Scaling.STANDARD).features(data, new int[] {0, 2}));
        assertClose(new double[] {0, 0, 2, 3},
                Preprocessing.fit(data, train, Scaling.MINMAX, Scaling.MINMAX).features(data, new int[] {0, 2}));
        Preprocessing p = Preprocessing.fit(data, train, Scaling.STANDARD, Scaling.STANDARD);
        assertEquals(1, p.targetUnit(), 0);
        assertClose(new double[] {0, 7}, p.target(data, new int[] {0, 2}));
    }

    @Test
    void newDataIsTransformedLikeTheTrainingRows() {
        Dataset data = small();
        Preprocessing p = Preprocessing.fit(data, TRAIN, Scaling.STANDARD, Scaling.NONE);
        Matrix raw = Matrix.of(new float[][] {{3, NAN, 1, 1}});
        assertClose(new double[] {0, 0, 1, 0}, p.transformFeatures(raw));
        assertThrows(IllegalArgumentException.class, () -> p.transformFeatures(Matrix.of(new float[][] {{1, 2}})));
        assertThrows(IllegalArgumentException.class,
                () -> Preprocessing.fit(data, new int[0], Scaling.STANDARD, Scaling.STANDARD));
    }

    /**
     * No leakage: for every fold, replacing the test rows' features and target with wild values (and
     * turning on categories only they use) changes nothing that was learned.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void statisticsComeFromTrainingRowsOnly(long seed) {
        Rng rng = new Rng(seed);
        int rows = 30 + rng.nextInt(150);
        Dataset data = randomDataset(rng, rows);
        Matrix probe = Matrix.of(new float[][] {{0.5f, NAN, -2, 1, 0, 1}, {NAN, 3, 7, 0, 1, 1}});
        for (Scaling scaling : Scaling.values()) {
            for (Fold fold : Splits.kFold(rows, 2 + rng.nextInt(4), true, rng.nextLong())) {
                Dataset altered = withWildTestRows(data, fold.test(), rng);
                Preprocessing original = Preprocessing.fit(data, fold.train(), scaling, scaling);
                Preprocessing leaked = Preprocessing.fit(altered, fold.train(), scaling, scaling);
                assertArrayEquals(original.transformFeatures(probe).toArray(), leaked.transformFeatures(probe).toArray());
                assertArrayEquals(original.features(data, fold.train()).toArray(),
                        leaked.features(altered, fold.train()).toArray());
                assertEquals(original.targetUnit(), leaked.targetUnit(), 0);
                assertEquals(original.inverseTarget(0.25), leaked.inverseTarget(0.25), 0);
            }
        }
    }

    /** Three numeric columns (about 10% missing) and a category column in three parts, the last rare. */
    private static Dataset randomDataset(Rng rng, int rows) {
        int cols = 6;
        float[] x = new float[rows * cols];
        float[] y = new float[rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < 3; c++) {
                x[r * cols + c] = rng.nextInt(10) == 0 ? NAN : (float) (rng.nextGaussian() * (c + 1) + c);
            }
            double u = rng.nextDouble();
            x[r * cols + (u < 0.6 ? 3 : u < 0.97 ? 4 : 5)] = 1;
            y[r] = (float) (rng.nextGaussian() * 1000 + 5000);
        }
        return new Dataset(Path.of("random.csv"), List.of(InputColumn.numeric("n0"), InputColumn.numeric("n1"),
                InputColumn.numeric("n2"), InputColumn.categorical("c", List.of("a", "b", "rare"))), x, "y", y, 0);
    }

    private static Dataset withWildTestRows(Dataset data, int[] testRows, Rng rng) {
        int cols = data.featureNames().size();
        float[] x = data.featureValues().clone();
        float[] y = data.targetValues().clone();
        for (int r : testRows) {
            for (int c = 0; c < 3; c++) {
                x[r * cols + c] = rng.nextInt(4) == 0 ? NAN : (float) (rng.nextGaussian() * 1e6);
            }
            x[r * cols + 3] = 0;
            x[r * cols + 4] = 0;
            x[r * cols + 5] = 1;
            y[r] = (float) (rng.nextGaussian() * 1e7);
        }
        return new Dataset(data.source(), data.columns(), x, data.targetName(), y, 0);
    }

    private static void assertClose(double[] expected, Matrix actual) {
        float[] values = actual.toArray();
        assertEquals(expected.length, values.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], values[i], TOLERANCE * Math.max(1, Math.abs(expected[i])), "value " + i);
        }
    }
}
