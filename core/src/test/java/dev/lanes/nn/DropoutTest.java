package dev.lanes.nn;

import dev.lanes.base.Matrix;
import dev.lanes.base.Rng;
import dev.lanes.simd.Activation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static dev.lanes.nn.WideOnesLayer.hidden;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dropout as Keras applies it (inverted dropout): in training a fraction {@code rate} of the outputs is
 * zeroed and the rest scaled by {@code 1 / (1 - rate)}, so their expected value is unchanged; at
 * prediction time nothing is dropped or scaled. A layer of 20,000 units that all output 1 shows both.
 */
class DropoutTest {

    private static final int UNITS = WideOnesLayer.UNITS;

    private static Model onesThenDropout(double rate) {
        return WideOnesLayer.followedBy(new Dropout(rate));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.25, 0.5, 0.8})
    void trainingDropsTheRateAndScalesTheRestByItsInverse(double rate) {
        float[] out = hidden(onesThenDropout(rate), true, new Rng(11));
        float kept = 1f / (float) (1 - rate);
        int dropped = 0;
        for (float v : out) {
            if (v == 0f) {
                dropped++;
            } else {
                assertEquals(kept, v, "a kept unit is scaled by 1 / (1 - rate)");
            }
        }
        // Binomial(UNITS, rate): the fixed seed gives one count, which must lie within 5 standard deviations.
        double sd = Math.sqrt(UNITS * rate * (1 - rate));
        assertTrue(Math.abs(dropped - UNITS * rate) < 5 * sd, dropped + " of " + UNITS + " dropped at rate " + rate);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5})
    void eachTrainingPassDrawsANewMaskFromTheFitsGenerator(double rate) {
        Model model = onesThenDropout(rate);
        Rng rng = new Rng(5);
        float[] first = hidden(model, true, rng);
        float[] second = hidden(model, true, rng);
        assertFalse(Arrays.equals(first, second), "two steps drop different units");
        assertArrayEquals(first, hidden(model, true, new Rng(5)), "the same seed drops the same units");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 0.8})
    void predictionDropsNothingAndScalesNothing(double rate) {
        float[] out = hidden(onesThenDropout(rate), false, new Rng(1));
        float[] ones = new float[UNITS];
        Arrays.fill(ones, 1f);
        assertArrayEquals(ones, out);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.2, 0.5})
    void predictGivesTheSameBitsAsTheNetworkWithoutDropout(double rate) {
        Model with = Sequential.input(3).dense(16, Activation.RELU).dropout(rate).dense(8, Activation.TANH).dense(1)
                .build(9);
        Model without = new Model(Sequential.input(3).dense(16, Activation.RELU).dense(8, Activation.TANH).dense(1),
                with.params.clone());
        Matrix x = Matrix.of(new float[][] {{0.5f, -1f, 2f}, {1f, 0f, -0.25f}, {3f, 1f, 1f}});
        assertArrayEquals(without.predict(x).toArray(), with.predict(x).toArray());
        assertArrayEquals(with.predict(x).toArray(), with.predict(x).toArray(), "predict draws nothing");
    }
}
