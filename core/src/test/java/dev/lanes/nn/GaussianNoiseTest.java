package dev.lanes.nn;

import dev.lanes.base.Matrix;
import dev.lanes.base.Rng;
import dev.lanes.simd.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import static dev.lanes.nn.WideOnesLayer.hidden;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GaussianNoise as Keras applies it: in training every output gets N(0, stddev^2) noise added, at
 * prediction time nothing; the gradient passes through unchanged. A layer of 20,000 units that all
 * output 1 shows the noise's mean and spread.
 */
class GaussianNoiseTest {

    private static final int UNITS = WideOnesLayer.UNITS;

    private static Model onesThenNoise(double stddev) {
        return WideOnesLayer.followedBy(new GaussianNoise(stddev));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 2})
    void trainingAddsNoiseOfMeanZeroAndTheStandardDeviation(double stddev) {
        float[] out = hidden(onesThenNoise(stddev), true, new Rng(11));
        double sum = 0;
        double squares = 0;
        for (float v : out) {
            sum += v - 1;
            squares += (v - 1) * (v - 1);
        }
        double mean = sum / UNITS;
        double sd = Math.sqrt(squares / UNITS - mean * mean);
        // The fixed seed gives one sample; its mean lies within 5 standard errors of 0, its sd within 3 %.
        assertTrue(Math.abs(mean) < 5 * stddev / Math.sqrt(UNITS), "mean " + mean);
        assertEquals(stddev, sd, 0.03 * stddev, "standard deviation");
    }

    @Test
    void predictionAddsNothingAndTheSameSeedAddsTheSameNoise() {
        Model model = onesThenNoise(0.5);
        float[] ones = new float[UNITS];
        Arrays.fill(ones, 1f);
        assertArrayEquals(ones, hidden(model, false, new Rng(1)));
        assertArrayEquals(hidden(model, true, new Rng(4)), hidden(model, true, new Rng(4)));
    }

    @Test
    void theGradientPassesThroughUnchanged() {
        Sequential plain = Sequential.input(2).dense(4, Activation.TANH).dense(1);
        Model noisy = new Model(Sequential.input(2).dense(4, Activation.TANH).gaussianNoise(0).dense(1), new float[17]);
        Model without = plain.build(5);
        System.arraycopy(without.params, 0, noisy.params, 0, 17);
        float[] gradsNoisy = gradients(noisy);
        float[] gradsPlain = gradients(without);
        assertArrayEquals(gradsPlain, gradsNoisy, "stddev 0: the layer is the identity forward and backward");
    }

    private static float[] gradients(Model m) {
        Passes p = new Passes(m.layout, 2);
        float[] x = {0.5f, -1f, 2f, 0.25f};
        System.arraycopy(x, 0, p.a[0], 0, 4);
        p.forward(m.params, 2, true, new Rng(3));
        p.outputGradient()[0] = 1f;
        p.outputGradient()[1] = -0.5f;
        float[] grads = new float[m.params.length];
        p.backward(m.params, grads, 2);
        return grads;
    }

    @Test
    void itIsSavedWithTheModelAndPredictsAsWithout(@TempDir Path dir) throws IOException {
        Model model = Sequential.input(3).dense(8, Activation.RELU).gaussianNoise(0.3).dense(1).build(9);
        Path file = dir.resolve("m.lanes");
        model.save(file);
        Model back = Model.load(file);
        assertEquals(model.spec(), back.spec());
        Matrix x = Matrix.of(new float[][] {{0.5f, -1f, 2f}, {1f, 0f, -0.25f}});
        assertArrayEquals(model.predict(x).toArray(), back.predict(x).toArray());
        Model without = new Model(Sequential.input(3).dense(8, Activation.RELU).dense(1), model.params.clone());
        assertArrayEquals(without.predict(x).toArray(), model.predict(x).toArray());
    }

    @Test
    void itFollowsADenseLayerAndHasAFiniteNonNegativeStddev() {
        String rule = "GaussianNoise must follow a dense layer, its normalization or activation (a dense layer has at most"
                + " one dropout or noise)";
        assertEquals(rule,
                assertThrows(IllegalArgumentException.class, () -> Sequential.input(2).gaussianNoise(0.1)).getMessage());
        assertEquals(rule, assertThrows(IllegalArgumentException.class,
                () -> Sequential.input(2).dense(3).dropout(0.1).gaussianNoise(0.1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GaussianNoise(-1));
        assertThrows(IllegalArgumentException.class, () -> new GaussianNoise(Double.NaN));
        assertEquals("input(2) -> dense(3, linear) -> gaussian_noise(0.25)", Sequential.input(2).dense(3).gaussianNoise(0.25)
                .toString());
    }
}
