package dev.lanes.nn;

import dev.lanes.simd.Activation;
import dev.lanes.simd.ActivationFunction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The architecture of a feed-forward network: an input width and a stack of layers, built fluently
 * and immutable, e.g. {@code Sequential.input(7).dense(64, RELU).dense(32, RELU).dense(1)}.
 * {@link #build(long)} creates a {@link Model} with its own initialized weights.
 */
public final class Sequential {

    /** The most layers a network may have (of every kind together). */
    public static final int MAX_LAYERS = 10_000;
    /** The widest input or dense layer. */
    public static final int MAX_WIDTH = 1 << 20;
    /** The most weights a network may have (every float of {@link Model#weights()}): 2^28 floats, 1 GiB. */
    public static final int MAX_PARAMETERS = 1 << 28;

    private final int inputs;
    private final List<Layer> layers;
    /** The width the next dense layer takes: the last dense layer's output width, or the input width. */
    private final int width;
    private final long parameters;

    private Sequential(int inputs, List<Layer> layers, int width, long parameters) {
        this.inputs = inputs;
        this.layers = layers;
        this.width = width;
        this.parameters = parameters;
    }

    /** A network taking {@code width} features per sample, with no layers yet. */
    public static Sequential input(int width) {
        if (width < 1 || width > MAX_WIDTH) {
            throw new IllegalArgumentException("input width must be between 1 and " + MAX_WIDTH + " but was " + width);
        }
        return new Sequential(width, List.of(), width, 0);
    }

    /** This network followed by a dense layer with Keras' default initializers. */
    public Sequential dense(int units, ActivationFunction activation) {
        return add(Dense.of(units, activation));
    }

    /** This network followed by a linear dense layer (the usual regression output). */
    public Sequential dense(int units) {
        return dense(units, Activation.LINEAR);
    }

    /** This network followed by dropout at the given rate. */
    public Sequential dropout(double rate) {
        return add(new Dropout(rate));
    }

    /** This network followed by Gaussian noise of standard deviation {@code stddev} (training only). */
    public Sequential gaussianNoise(double stddev) {
        return add(new GaussianNoise(stddev));
    }

    /** This network followed by Keras' {@code BatchNormalization()} of the last dense layer's output. */
    public Sequential batchNormalization() {
        return add(BatchNormalization.defaults());
    }

    /** This network followed by Keras' {@code LayerNormalization()} of the last dense layer's output. */
    public Sequential layerNormalization() {
        return add(LayerNormalization.defaults());
    }

    /**
     * This network followed by Keras' {@code Activation(f)} layer, after a normalization:
     * {@code dense(64).batchNormalization().activation(RELU)}.
     */
    public Sequential activation(ActivationFunction f) {
        return add(new ActivationLayer(f));
    }

    /**
     * This network followed by {@code layer}. After each dense layer come, in this order and each at most
     * once, a normalization, an activation layer (only after a normalization) and then dropout or noise.
     *
     * @throws IllegalArgumentException when the layer cannot come here, or the network grows too large
     */
    public Sequential add(Layer layer) {
        Objects.requireNonNull(layer, "layer");
        Layer last = layers.isEmpty() ? null : layers.get(layers.size() - 1);
        if (layer instanceof Normalization && !(last instanceof Dense)) {
            throw new IllegalArgumentException(layer.getClass().getSimpleName() + " must follow a dense layer directly"
                    + " (it normalizes that layer's output, before its dropout or noise)");
        }
        if (layer instanceof ActivationLayer && !(last instanceof Normalization)) {
            throw new IllegalArgumentException("An Activation layer must follow a normalization (elsewhere give the"
                    + " activation to the dense layer: dense(units, activation))");
        }
        if ((layer instanceof Dropout || layer instanceof GaussianNoise)
                && !(last instanceof Dense || last instanceof Normalization || last instanceof ActivationLayer)) {
            throw new IllegalArgumentException(layer.getClass().getSimpleName() + " must follow a dense layer, its"
                    + " normalization or activation (a dense layer has at most one dropout or noise)");
        }
        if (layers.size() == MAX_LAYERS) {
            throw new IllegalArgumentException("a network has at most " + MAX_LAYERS + " layers");
        }
        int nextWidth = width;
        long nextParameters = parameters;
        if (layer instanceof Dense) {
            int units = ((Dense) layer).units();
            if (units > MAX_WIDTH) {
                throw new IllegalArgumentException("a dense layer has at most " + MAX_WIDTH + " units but was " + units);
            }
            nextParameters += ((long) width + 1) * units;
            nextWidth = ((Dense) layer).outputWidth();
        } else if (layer instanceof Normalization n) {
            // gamma and beta if it has them, the moving mean and variance of a batch normalization
            nextParameters += (long) width * ((n.scale() ? 1 : 0) + (n.center() ? 1 : 0)
                    + (n instanceof BatchNormalization ? 2 : 0));
        }
        if (nextParameters > MAX_PARAMETERS) {
            throw new IllegalArgumentException("the network would have " + nextParameters + " weights with "
                    + describe(layer) + " after a layer of width " + width + "; a network has at most " + MAX_PARAMETERS);
        }
        List<Layer> next = new ArrayList<>(layers);
        next.add(layer);
        return new Sequential(inputs, Collections.unmodifiableList(next), nextWidth, nextParameters);
    }

    /** Input width. */
    public int inputs() {
        return inputs;
    }

    /** The layers, in order. */
    public List<Layer> layers() {
        return layers;
    }

    /**
     * How many floats a model of this architecture has (kernels, biases, the normalizations' gamma, beta
     * and moving statistics): at most {@link #MAX_PARAMETERS}.
     */
    int parameterCount() {
        return (int) parameters;
    }

    /** Output width: that of the last dense layer (its units, or half of them for glu). */
    public int outputs() {
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i) instanceof Dense d) {
                return d.outputWidth();
            }
        }
        throw new IllegalStateException("The network has no dense layer");
    }

    /**
     * A model of this architecture with weights drawn from the layers' initializers, seeded.
     *
     * @throws IllegalStateException when there is no dense layer
     */
    public Model build(long seed) {
        outputs();
        return new Model(this, seed);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("input(" + inputs + ")");
        for (Layer l : layers) {
            s.append(" -> ").append(describe(l));
        }
        return s.toString();
    }

    private static String describe(Layer l) {
        if (l instanceof Dense d) {
            return "dense(" + d.units() + ", " + d.activation().kerasForm() + ")";
        } else if (l instanceof Normalization n) {
            return n.kerasForm();
        } else if (l instanceof ActivationLayer a) {
            return "activation(" + a.activation().kerasForm() + ")";
        } else if (l instanceof Dropout d) {
            return "dropout(" + d.rate() + ")";
        }
        return "gaussian_noise(" + ((GaussianNoise) l).stddev() + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sequential && ((Sequential) o).inputs == inputs && ((Sequential) o).layers.equals(layers);
    }

    @Override
    public int hashCode() {
        return 31 * inputs + layers.hashCode();
    }
}
