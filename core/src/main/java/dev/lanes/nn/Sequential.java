package dev.lanes.nn;

import dev.lanes.simd.Activation;

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

    private final int inputs;
    private final List<Layer> layers;

    private Sequential(int inputs, List<Layer> layers) {
        this.inputs = inputs;
        this.layers = layers;
    }

    /** A network taking {@code width} features per sample, with no layers yet. */
    public static Sequential input(int width) {
        if (width < 1) {
            throw new IllegalArgumentException("input width must be >= 1 but was " + width);
        }
        return new Sequential(width, List.of());
    }

    /** This network followed by a dense layer with Keras' default initializers. */
    public Sequential dense(int units, Activation activation) {
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

    /** This network followed by {@code layer}. */
    public Sequential add(Layer layer) {
        Objects.requireNonNull(layer, "layer");
        if (layer instanceof Dropout && (layers.isEmpty() || layers.get(layers.size() - 1) instanceof Dropout)) {
            throw new IllegalArgumentException("Dropout must follow a dense layer");
        }
        List<Layer> next = new ArrayList<>(layers);
        next.add(layer);
        return new Sequential(inputs, Collections.unmodifiableList(next));
    }

    /** Input width. */
    public int inputs() {
        return inputs;
    }

    /** The layers, in order. */
    public List<Layer> layers() {
        return layers;
    }

    /** Output width: the units of the last dense layer. */
    public int outputs() {
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i) instanceof Dense) {
                return ((Dense) layers.get(i)).units();
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
            if (l instanceof Dense) {
                Dense d = (Dense) l;
                s.append(" -> dense(").append(d.units()).append(", ").append(d.activation().kerasName()).append(')');
            } else {
                s.append(" -> dropout(").append(((Dropout) l).rate()).append(')');
            }
        }
        return s.toString();
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
