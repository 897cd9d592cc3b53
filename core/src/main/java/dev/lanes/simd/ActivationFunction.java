package dev.lanes.simd;

/**
 * An activation function with the values of its Keras arguments: a constant of {@link Activation} (its
 * function at Keras' defaults) or one given other values by {@link Activation#with}, such as
 * {@code leaky_relu(negative_slope=0.3)}. Instances are immutable and compare by kind and values.
 */
public sealed interface ActivationFunction permits Activation, ParameterizedActivation {

    /** The function computed. */
    Activation kind();

    /** The value of argument i of {@link Activation#arguments() kind().arguments()}. */
    double argument(int i);

    /**
     * How Keras writes it: the name alone at the defaults, else the name with the arguments that differ,
     * e.g. {@code leaky_relu(negative_slope=0.3)}.
     */
    String kerasForm();
}
