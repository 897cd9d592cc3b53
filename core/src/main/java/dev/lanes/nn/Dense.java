package dev.lanes.nn;

import dev.lanes.simd.ActivationFunction;

import java.util.Objects;
import java.util.Optional;

/**
 * A fully connected layer: {@code activation(input . kernel + bias)}, with Keras' defaults
 * (glorot_uniform kernel, zero bias, no regularization, no constraints), optional L1/L2 penalties on the
 * kernel and optional constraints on the kernel and the bias, applied after every optimizer step.
 *
 * @param units             the number of units (the output's width, except for glu: {@link #outputWidth})
 * @param activation        applied to the layer's output: an {@code Activation} or one with arguments,
 *                          {@code Activation.leakyRelu(0.3)}
 * @param kernelInitializer initial kernel values (shape {inputs, units})
 * @param biasInitializer   initial bias values (shape {units})
 * @param l1                factor of {@code sum |w|} added to the loss
 * @param l2                factor of {@code sum w^2} added to the loss
 * @param kernelConstraint  Keras' {@code kernel_constraint}, if any
 * @param biasConstraint    Keras' {@code bias_constraint}, if any
 * @param activityL1        Keras' {@code activity_regularizer} L1 factor: {@code activityL1 * sum |y| / batch}
 *                          added to the loss, y the layer's output
 * @param activityL2        its L2 factor: {@code activityL2 * sum y^2 / batch}
 */
public record Dense(int units, ActivationFunction activation, Initializer kernelInitializer, Initializer biasInitializer,
                    double l1, double l2, Optional<Constraint> kernelConstraint, Optional<Constraint> biasConstraint,
                    double activityL1, double activityL2) implements Layer {

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
        Objects.requireNonNull(kernelConstraint, "kernelConstraint");
        Objects.requireNonNull(biasConstraint, "biasConstraint");
        if (!(l1 >= 0) || !(l2 >= 0) || Double.isInfinite(l1) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("l1 and l2 must be finite and >= 0 but were " + l1 + " and " + l2);
        }
        activation.kind().outputWidth(units);
        if (!(activityL1 >= 0) || !(activityL2 >= 0) || Double.isInfinite(activityL1) || Double.isInfinite(activityL2)) {
            throw new IllegalArgumentException("the activity regularizer's l1 and l2 must be finite and >= 0 but were "
                    + activityL1 + " and " + activityL2);
        }
    }

    /** A layer with Keras' defaults: glorot_uniform kernel, zero bias, no regularization. */
    public static Dense of(int units, ActivationFunction activation) {
        return new Dense(units, activation, Initializers.glorotUniform(), Initializers.zeros(), 0, 0, Optional.empty(),
                Optional.empty(), 0, 0);
    }

    /** The width of its output: the units, or half of them for glu (which needs an even number). */
    public int outputWidth() {
        return activation.kind().outputWidth(units);
    }

    /** This layer with another kernel initializer. */
    public Dense kernelInitializer(Initializer init) {
        return new Dense(units, activation, init, biasInitializer,
                l1, l2, kernelConstraint, biasConstraint, activityL1, activityL2);
    }

    /** This layer with another bias initializer. */
    public Dense biasInitializer(Initializer init) {
        return new Dense(units, activation, kernelInitializer, init,
                l1, l2, kernelConstraint, biasConstraint, activityL1, activityL2);
    }

    /** This layer with an L1 kernel penalty of the given factor. */
    public Dense l1(double factor) {
        return new Dense(units, activation, kernelInitializer, biasInitializer,
                factor, l2, kernelConstraint, biasConstraint, activityL1, activityL2);
    }

    /** This layer with an L2 kernel penalty of the given factor. */
    public Dense l2(double factor) {
        return new Dense(units, activation, kernelInitializer, biasInitializer,
                l1, factor, kernelConstraint, biasConstraint, activityL1, activityL2);
    }

    /**
     * This layer with Keras' {@code activity_regularizer=L1L2(l1, l2)}: {@code (l1 sum |y| + l2 sum y^2) / batch}
     * of its output y added to the loss, in training and validation alike.
     */
    public Dense activityRegularizer(double l1, double l2) {
        return new Dense(units, activation, kernelInitializer, biasInitializer, this.l1, this.l2, kernelConstraint,
                biasConstraint, l1, l2);
    }

    /** This layer with a constraint on its kernel (Keras' {@code kernel_constraint}). */
    public Dense kernelConstraint(Constraint c) {
        return new Dense(units, activation, kernelInitializer, biasInitializer,
                l1, l2, Optional.of(c), biasConstraint, activityL1, activityL2);
    }

    /**
     * This layer with a constraint on its bias (Keras' {@code bias_constraint}); the bias counts as one
     * column, so a norm is the whole bias's.
     */
    public Dense biasConstraint(Constraint c) {
        return new Dense(units, activation, kernelInitializer, biasInitializer,
                l1, l2, kernelConstraint, Optional.of(c), activityL1, activityL2);
    }
}
