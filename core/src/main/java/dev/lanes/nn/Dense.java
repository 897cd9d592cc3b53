package dev.lanes.nn;

import dev.lanes.simd.ActivationFunction;

import java.util.Objects;

/**
 * A fully connected layer: {@code activation(input . kernel + bias)}, with Keras' defaults
 * (glorot_uniform kernel, zero bias, no regularization) and optional L1/L2 penalties on the kernel.
 *
 * @param units             output width
 * @param activation        applied to the layer's output: an {@code Activation} or one with arguments,
 *                          {@code Activation.leakyRelu(0.3)}
 * @param kernelInitializer initial kernel values (shape {inputs, units})
 * @param biasInitializer   initial bias values (shape {units})
 * @param l1                factor of {@code sum |w|} added to the loss
 * @param l2                factor of {@code sum w^2} added to the loss
 */
public record Dense(int units, ActivationFunction activation, Initializer kernelInitializer, Initializer biasInitializer,
                    double l1, double l2) implements Layer {

    /** The factor Keras uses when a regularizer is named without one. */
    public static final double DEFAULT_REGULARIZATION = 0.01;

    /** Checks the arguments. */
    public Dense {
        if (units < 1) {
            throw new IllegalArgumentException("units must be >= 1 but was " + units);
        }
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(kernelInitializer, "kernelInitializer");
        Objects.requireNonNull(biasInitializer, "biasInitializer");
        if (!(l1 >= 0) || !(l2 >= 0) || Double.isInfinite(l1) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("l1 and l2 must be finite and >= 0 but were " + l1 + " and " + l2);
        }
    }

    /** A layer with Keras' defaults: glorot_uniform kernel, zero bias, no regularization. */
    public static Dense of(int units, ActivationFunction activation) {
        return new Dense(units, activation, Initializers.glorotUniform(), Initializers.zeros(), 0, 0);
    }

    /** This layer with another kernel initializer. */
    public Dense kernelInitializer(Initializer init) {
        return new Dense(units, activation, init, biasInitializer, l1, l2);
    }

    /** This layer with another bias initializer. */
    public Dense biasInitializer(Initializer init) {
        return new Dense(units, activation, kernelInitializer, init, l1, l2);
    }

    /** This layer with an L1 kernel penalty of the given factor. */
    public Dense l1(double factor) {
        return new Dense(units, activation, kernelInitializer, biasInitializer, factor, l2);
    }

    /** This layer with an L2 kernel penalty of the given factor. */
    public Dense l2(double factor) {
        return new Dense(units, activation, kernelInitializer, biasInitializer, l1, factor);
    }
}
