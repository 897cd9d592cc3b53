package dev.lanes.nn;

import dev.lanes.base.Matrix;
import dev.lanes.base.Rng;
import dev.lanes.simd.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keras' weight constraints on hand-computed matrices, and applied by a fit after every step. */
class ConstraintsTest {

    /** A 3 x 2 kernel (3 inputs, 2 units) at offset 1: column norms 5 and 0.3, row norms ~3.0017, 4.005, 0.2. */
    private static float[] kernel() {
        return new float[] {9, 3, 0.1f, 4, 0.2f, 0, 0.2f, 9};
    }

    /** w * desired / (1e-7 + norm) for each line of length n along the axis, in double. */
    private static double[] keras(float[] w, int rows, int cols, int axis, java.util.function.DoubleUnaryOperator desired) {
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i];
        }
        int lines = axis == 0 ? cols : rows;
        for (int k = 0; k < lines; k++) {
            double sum = 0;
            for (int i = 0; i < (axis == 0 ? rows : cols); i++) {
                double x = w[1 + (axis == 0 ? i * cols + k : k * cols + i)];
                sum += x * x;
            }
            double norm = Math.sqrt(sum);
            for (int i = 0; i < (axis == 0 ? rows : cols); i++) {
                int at = 1 + (axis == 0 ? i * cols + k : k * cols + i);
                out[at] = w[at] * desired.applyAsDouble(norm) / (1e-7 + norm);
            }
        }
        return out;
    }

    private static void assertConstrained(double[] expected, float[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-6 * Math.max(1, Math.abs(expected[i])), what + " [" + i + "]");
        }
    }

    @Test
    void maxNormScalesDownTheNormsAboveItAlongTheAxis() {
        for (int axis = 0; axis <= 1; axis++) {
            float[] w = kernel();
            double[] expected = keras(w, 3, 2, axis, n -> Math.min(n, 2));
            Constraints.maxNorm(2, axis).apply(w, 1, 3, 2);
            assertConstrained(expected, w, "max_norm axis " + axis);
            assertEquals(9f, w[0]);
            assertEquals(9f, w[7], "outside the matrix nothing changes");
        }
        float[] w = kernel();
        Constraints.maxNorm(2, 0).apply(w, 1, 3, 2);
        assertEquals(2, Math.sqrt(w[1] * w[1] + w[3] * w[3] + w[5] * w[5]), 1e-6, "column 0 now has norm 2");
    }

    @Test
    void minMaxNormMovesNormsIntoTheIntervalAtTheRate() {
        float[] w = kernel();
        double[] expected = keras(w, 3, 2, 0, n -> 0.5 * Math.min(Math.max(n, 1), 4) + 0.5 * n);
        Constraints.minMaxNorm(1, 4, 0.5, 0).apply(w, 1, 3, 2);
        assertConstrained(expected, w, "min_max_norm");
        assertTrue(Math.sqrt(w[2] * w[2] + w[4] * w[4] + w[6] * w[6]) > 0.3, "a short column grows toward 1");
    }

    @Test
    void unitNormAndNonNeg() {
        float[] w = kernel();
        double[] expected = keras(w, 3, 2, 1, n -> 1);
        Constraints.unitNorm(1).apply(w, 1, 3, 2);
        assertConstrained(expected, w, "unit_norm");
        float[] v = {-1, 2, -0f, -3, 0.5f, Float.NaN};
        Constraints.nonNeg().apply(v, 1, 2, 2);
        assertArrayEquals(new float[] {-1, 2, 0, 0, 0.5f, Float.NaN}, v);
        float[] zero = new float[4];
        Constraints.unitNorm(0).apply(zero, 0, 4, 1);
        assertArrayEquals(new float[4], zero, "Keras' epsilon keeps a zero vector at zero");
    }

    @Test
    void namesArgumentsAndErrorsFollowKeras() {
        assertEquals(Constraints.maxNorm(3, 1), Constraints.create("MaxNorm", Map.of("max_value", 3.0, "axis", 1.0)));
        assertEquals(Constraints.maxNorm(2, 0), Constraints.parse("max_norm"));
        assertEquals(Constraints.nonNeg(), Constraints.parse("NonNeg"));
        assertEquals("min_max_norm(min_value=0.5, max_value=2, rate=0.25, axis=1)",
                Constraints.minMaxNorm(0.5, 2, 0.25, 1).toString());
        for (Constraint c : new Constraint[] {Constraints.maxNorm(3, 1), Constraints.minMaxNorm(0.5, 2, 0.25, 1),
            Constraints.nonNeg(), Constraints.unitNorm(0)}) {
            assertEquals(c, Constraints.parse(Constraints.text(c)), c.toString());
            assertEquals(c, Constraints.create(c.name(), c.arguments()));
        }
        String unknown = assertThrows(IllegalArgumentException.class, () -> Constraints.parse("max_nrom")).getMessage();
        assertTrue(unknown.startsWith("Unknown constraint 'max_nrom'. Did you mean 'max_norm'?"), unknown);
        assertEquals("Invalid value for argument 'axis' of constraint 'unit_norm': 2. Valid: 0 (each unit's incoming "
                + "weights) or 1 (each input's outgoing weights)",
                assertThrows(IllegalArgumentException.class, () -> Constraints.parse("unit_norm(axis=2)")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Constraints.parse("min_max_norm(min_value=2, max_value=1)"));
        assertThrows(IllegalArgumentException.class, () -> Constraints.parse("min_max_norm(rate=1.5)"));
        assertThrows(IllegalArgumentException.class, () -> Constraints.parse("max_norm(max_value=-1)"));
        assertThrows(IllegalArgumentException.class, () -> Constraints.parse("non_neg(axis=0)"));
    }

    private static Matrix[] data() {
        Rng rng = new Rng(8);
        float[] x = new float[64 * 3];
        float[] y = new float[64];
        for (int r = 0; r < 64; r++) {
            for (int c = 0; c < 3; c++) {
                x[3 * r + c] = (float) (3 * rng.nextGaussian());
            }
            y[r] = 4 * x[3 * r] - 2 * x[3 * r + 1] + 5;
        }
        return new Matrix[] {Matrix.wrap(64, 3, x), Matrix.wrap(64, 1, y)};
    }

    /** After a fit every kernel column obeys max_norm and every bias non_neg; without them the fit differs. */
    @Test
    void aFitAppliesThemAfterEveryStep(@TempDir Path dir) throws IOException {
        Matrix[] d = data();
        Sequential spec = Sequential.input(3)
                .add(Dense.of(8, Activation.RELU).kernelConstraint(Constraints.maxNorm(0.5, 0)).biasConstraint(Constraints.nonNeg()))
                .add(Dense.of(1, Activation.LINEAR).kernelConstraint(Constraints.maxNorm(0.5, 0)));
        Model model = spec.build(3);
        FitOptions options = FitOptions.defaults().epochs(5).batchSize(16).seed(2).optimizer(Optimizers.adam().withLearningRate(0.1));
        model.fit(d[0], d[1], options);
        float[] w = model.weights();
        Layout layout = new Layout(spec);
        for (int l = 0; l < layout.depth; l++) {
            for (int j = 0; j < layout.out[l]; j++) {
                double sum = 0;
                for (int i = 0; i < layout.in[l]; i++) {
                    float v = w[layout.kernel[l] + i * layout.out[l] + j];
                    sum += v * v;
                }
                assertTrue(Math.sqrt(sum) <= 0.5 + 1e-6, "layer " + l + " unit " + j + " norm " + Math.sqrt(sum));
            }
        }
        for (int j = 0; j < 8; j++) {
            assertTrue(w[layout.bias[0] + j] >= 0, "bias " + j);
        }
        Model free = Sequential.input(3).dense(8, Activation.RELU).dense(1).build(3);
        free.fit(d[0], d[1], options);
        assertFalse(Arrays.equals(free.weights(), w));

        Path file = dir.resolve("constrained.lanes");
        model.save(file);
        assertEquals(spec, Model.load(file).spec(), "the constraints are saved with the model");
    }
}
