package dev.lanes.nn;

import dev.lanes.base.Matrix;
import dev.lanes.base.Rng;
import dev.lanes.simd.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keras' activity_regularizer: {@code (l1 sum |y| + l2 sum y^2) / batch} of a layer's output added to the
 * loss, its gradient in the backward pass, and in the validation loss as Keras weights it.
 */
class ActivityRegularizerTest {

    private static final double L1 = 0.05;
    private static final double L2 = 0.1;

    /** 5 -> 7 tanh (regularized) -> 4 tanh (L2 only) -> 2 linear. */
    private static Sequential spec() {
        return Sequential.input(5).add(Dense.of(7, Activation.TANH).activityRegularizer(L1, L2))
                .add(Dense.of(4, Activation.TANH).activityRegularizer(0, 0.3)).dense(2);
    }

    /** Mean squared error plus the activity penalty over the rows, the network evaluated in double. */
    private static double loss(Layout layout, double[] w, float[] x, float[] y, int rows) {
        double mse = 0;
        double penalty = 0;
        for (int r = 0; r < rows; r++) {
            double[] a = new double[layout.inputs];
            for (int c = 0; c < a.length; c++) {
                a[c] = x[r * layout.inputs + c];
            }
            for (int l = 0; l < layout.depth; l++) {
                double[] next = new double[layout.out[l]];
                for (int j = 0; j < next.length; j++) {
                    double z = w[layout.bias[l] + j];
                    for (int i = 0; i < a.length; i++) {
                        z += a[i] * w[layout.kernel[l] + i * layout.out[l] + j];
                    }
                    next[j] = l == layout.depth - 1 ? z : Math.tanh(z);
                    penalty += layout.activityL1[l] * Math.abs(next[j]) + layout.activityL2[l] * next[j] * next[j];
                }
                a = next;
            }
            for (int j = 0; j < a.length; j++) {
                double e = a[j] - y[r * a.length + j];
                mse += e * e;
            }
        }
        return mse / (rows * layout.outputs()) + penalty / rows;
    }

    private static float[] gaussian(Rng rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }

    @Test
    void backwardMatchesFiniteDifferencesOfThePenalizedLoss() {
        Model model = spec().build(3);
        Rng rng = new Rng(12);
        int rows = 6;
        float[] x = gaussian(rng, rows * 5);
        float[] y = gaussian(rng, rows * 2);
        Layout layout = model.layout;
        Passes passes = new Passes(layout, rows);
        System.arraycopy(x, 0, passes.a[0], 0, x.length);
        passes.forward(model.params, rows, true, rng);
        Losses.meanSquaredError().gradient(passes.output(), 0, y, 0, y.length, passes.outputGradient(), 0);
        float[] grads = new float[layout.parameterCount];
        passes.backward(model.params, grads, rows);
        double[] w = new double[model.params.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = model.params[i];
        }
        assertEquals(loss(layout, w, x, y, rows) - passes.activityPenalty(rows) / rows,
                loss(new Layout(Sequential.input(5).dense(7, Activation.TANH).dense(4, Activation.TANH).dense(2)), w, x, y, rows),
                1e-5, "the penalty is the difference");
        for (int i = 0; i < w.length; i++) {
            double h = 1e-6;
            double saved = w[i];
            w[i] = saved + h;
            double plus = loss(layout, w, x, y, rows);
            w[i] = saved - h;
            double minus = loss(layout, w, x, y, rows);
            w[i] = saved;
            double numeric = (plus - minus) / (2 * h);
            assertTrue(Math.abs(numeric - grads[i]) <= 2e-4 + 2e-3 * Math.abs(numeric),
                    "weight " + i + " analytic " + grads[i] + " numeric " + numeric);
        }
    }

    /** With a learning rate of 0 the weights stay, so the logged losses can be computed from them. */
    @Test
    void theLoggedLossesIncludeThePenaltyAsKerasDoes() {
        Rng rng = new Rng(13);
        int rows = 40;
        float[] x = gaussian(rng, rows * 5);
        float[] y = gaussian(rng, rows * 2);
        float[] vx = gaussian(rng, 23 * 5);
        float[] vy = gaussian(rng, 23 * 2);
        Model model = spec().build(4);
        double[] w = new double[model.params.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = model.params[i];
        }
        FitOptions options = FitOptions.defaults().epochs(1).batchSize(rows).shuffle(false)
                .optimizer(Optimizers.sgd(0, 0, false)).loss(Losses.meanSquaredError())
                .validationData(Matrix.wrap(23, 5, vx), Matrix.wrap(23, 2, vy));
        EpochLogs logs = model.fit(Matrix.wrap(rows, 5, x), Matrix.wrap(rows, 2, y), options).epochs().get(0);
        assertEquals(loss(model.layout, w, x, y, rows), logs.loss(), 1e-5);
        assertEquals(loss(model.layout, w, vx, vy, 23), logs.validationLoss().orElseThrow(), 1e-5);
    }

    @Test
    void savedWithTheModelAndChecked(@TempDir Path dir) throws IOException {
        Model model = spec().build(5);
        Path file = dir.resolve("activity.lanes");
        model.save(file);
        assertEquals(spec(), Model.load(file).spec());
        assertThrows(IllegalArgumentException.class, () -> Dense.of(3, Activation.RELU).activityRegularizer(-0.1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> Dense.of(3, Activation.RELU).activityRegularizer(0, Double.POSITIVE_INFINITY));
    }
}
