package dev.lanes.nn;

import dev.lanes.simd.Activation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The L1/L2 penalty and its gradient against central finite differences in double. */
class RegularizationTest {

    @ParameterizedTest
    @CsvSource({"0.01, 0", "0, 0.01", "0.003, 0.02"})
    void gradientMatchesFiniteDifferences(double l1, double l2) {
        Sequential spec = Sequential.input(3).add(Dense.of(4, Activation.TANH).l1(l1).l2(l2)).dense(2).add(
                Dense.of(1, Activation.LINEAR).l2(0.5));
        Model model = spec.build(7);
        Regularization reg = new Regularization(model.layout);
        float[] w = model.weights();
        float[] grads = new float[w.length];
        reg.addGradient(w, grads);
        double expected = 0;
        Layout layout = model.layout;
        for (int l = 0; l < layout.depth; l++) {
            for (int i = layout.kernel[l]; i < layout.kernel[l] + layout.in[l] * layout.out[l]; i++) {
                expected += layout.l1[l] * Math.abs(w[i]) + layout.l2[l] * w[i] * (double) w[i];
            }
        }
        assertEquals(expected, reg.loss(w), 1e-9);
        for (int i = 0; i < w.length; i++) {
            double h = 1e-3;
            float saved = w[i];
            w[i] = (float) (saved + h);
            double plus = reg.loss(w);
            w[i] = (float) (saved - h);
            double minus = reg.loss(w);
            w[i] = saved;
            double numeric = (plus - minus) / ((double) (float) (saved + h) - (float) (saved - h));
            assertEquals(numeric, grads[i], 1e-4 + 1e-3 * Math.abs(numeric), "weight " + i);
        }
    }
}
