package dev.lanes.nn;

import dev.lanes.base.Rng;
import dev.lanes.simd.Activation;

import java.util.Arrays;

/**
 * The fixture of the training-only layer tests: input 1 -> dense({@link #UNITS}, linear) with every weight
 * 1 and bias 0 -> the layer under test -> dense(1), so that the dense layer outputs 1 everywhere and what
 * the layer does to it can be counted.
 */
final class WideOnesLayer {

    static final int UNITS = 20_000;

    private WideOnesLayer() {
    }

    /** The network with {@code layer} after the wide layer of ones. */
    static Model followedBy(Layer layer) {
        Model model = Sequential.input(1).dense(UNITS, Activation.LINEAR).add(layer).dense(1).build(3);
        Arrays.fill(model.params, model.layout.kernel[0], model.layout.kernel[0] + UNITS, 1f);
        Arrays.fill(model.params, model.layout.bias[0], model.layout.bias[0] + UNITS, 0f);
        return model;
    }

    /** The layer's output for the input 1, in training or at prediction, drawing from {@code rng}. */
    static float[] hidden(Model model, boolean training, Rng rng) {
        Passes passes = new Passes(model.layout, 1);
        passes.a[0][0] = 1f;
        passes.forward(model.params, 1, training, rng);
        return Arrays.copyOf(passes.a[1], UNITS);
    }
}
