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

/**
 * Keras' activity_regularizer: {@code (l1 sum |y| + l2 sum y^2) / batch} of a layer's output added to the
 * loss (its gradient is checked in {@link NetworkGradientTest}), and to the validation loss as Keras weights it.
 */
class ActivityRegularizerTest {

    private static final double L1 = 0.05;
    private static final double L2 = 0.1;

    /** 5 -> 7 tanh (regularized) -> 4 tanh (L2 only) -> 2 linear. */
    private static Sequential spec() {
        return Sequential.input(5).add(Dense.of(7, Activation.TANH).activityRegularizer(L1, L2))
                .add(Dense.of(4, Activation.TANH).activityRegularizer(0, 0.3)).dense(2);
    }

    private static float[] gaussian(Rng rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }

    /** The penalty Passes computes is the one in the double loss (whose gradient NetworkGradientTest checks). */
    @Test
    void thePenaltyIsKerasFormula() {
        Model model = spec().build(3);
        Rng rng = new Rng(12);
        int rows = 6;
        float[] x = gaussian(rng, rows * 5);
        float[] y = gaussian(rng, rows * 2);
        Passes passes = new Passes(model.layout, rows);
        System.arraycopy(x, 0, passes.a[0], 0, x.length);
        passes.forward(model.params, rows, true, rng);
        double[] w = new double[model.params.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = model.params[i];
        }
        Layout plain = new Layout(Sequential.input(5).dense(7, Activation.TANH).dense(4, Activation.TANH).dense(2));
        assertEquals(NetworkGradientTest.loss(model.layout, w, x, y, rows) - NetworkGradientTest.loss(plain, w, x, y, rows),
                passes.activityPenalty(rows) / rows, 1e-6);
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
        assertEquals(NetworkGradientTest.loss(model.layout, w, x, y, rows), logs.loss(), 1e-5);
        assertEquals(NetworkGradientTest.loss(model.layout, w, vx, vy, 23), logs.validationLoss().orElseThrow(), 1e-5);
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
