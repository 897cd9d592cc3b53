package dev.lanes.simd;

import java.util.List;

/**
 * The activation functions Lanes computes, with the names, arguments and formulas Keras 3 uses.
 *
 * <p>Each constant is its function at Keras' default arguments; {@link #with} gives it other values,
 * as Keras' {@code leaky_relu(x, negative_slope=0.3)} does ({@code LEAKY_RELU.with(0.3)}). Every
 * function except {@link #SOFTMAX}, {@link #LOG_SOFTMAX}, {@link #SPARSEMAX} and {@link #GLU} is element-wise;
 * the first three normalize each row (the units of one sample), glu halves it. Kernels for all of them live behind {@link Activations}.
 */
public enum Activation implements ActivationFunction {
    /** {@code x}. */
    LINEAR("linear"),
    /**
     * {@code max(x, 0)}; with arguments Keras' {@code x > threshold ? x : 0}, clipped to
     * {@code [0, max_value]} when max_value is given, minus {@code negative_slope * max(threshold - x, 0)}.
     */
    RELU("relu", Argument.atLeast("negative_slope", 0, 0), Argument.optional("max_value", 0),
            Argument.any("threshold", 0)),
    /** {@code x} for {@code x > 0}, else {@code negative_slope * x} (Keras 3's default slope 0.2). */
    LEAKY_RELU("leaky_relu", Argument.atLeast("negative_slope", 0.2, 0)),
    /** {@code min(max(x, 0), 6)}. */
    RELU6("relu6"),
    /** {@code x} for {@code x > 0}, else {@code alpha (e^x - 1)}. */
    ELU("elu", Argument.any("alpha", 1)),
    /** {@code 1.05070098 * (x > 0 ? x : 1.67326324 (e^x - 1))}. */
    SELU("selu"),
    /** {@code 1 / (1 + e^-x)}. */
    SIGMOID("sigmoid"),
    /** {@code tanh(x)}. */
    TANH("tanh"),
    /** {@code log(1 + e^x)}. */
    SOFTPLUS("softplus"),
    /** {@code x / (1 + |x|)}. */
    SOFTSIGN("softsign"),
    /** {@code x * sigmoid(x)}, also called swish. */
    SILU("silu"),
    /** {@code 0.5 x (1 + erf(x / sqrt 2))}, the exact form; {@code approximate=True} is {@link #GELU_TANH}. */
    GELU("gelu", Argument.flag("approximate", false)),
    /** {@code 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}, the tanh approximation. */
    GELU_TANH("gelu_tanh"),
    /** {@code x * tanh(softplus(x))}. */
    MISH("mish"),
    /** {@code e^x}. */
    EXPONENTIAL("exponential"),
    /** Keras 3: {@code 0} for {@code x <= -3}, {@code 1} for {@code x >= 3}, else {@code x / 6 + 0.5}. */
    HARD_SIGMOID("hard_sigmoid"),
    /** {@code x * hard_sigmoid(x)}, also called hard swish. */
    HARD_SILU("hard_silu"),
    /** {@code max(x, 0) + min(alpha (e^(x / alpha) - 1), 0)}, alpha > 0. */
    CELU("celu", Argument.above("alpha", 1, 0)),
    /** {@code log(sigmoid(x)) = -softplus(-x)}. */
    LOG_SIGMOID("log_sigmoid"),
    /** {@code min(max(x, -1), 1)}. */
    HARD_TANH("hard_tanh"),
    /** {@code x - tanh(x)}. */
    TANH_SHRINK("tanh_shrink"),
    /** {@code (x + sqrt(x^2 + b)) / 2}, b > 0 (Keras' default 4). */
    SQUAREPLUS("squareplus", Argument.above("b", 4, 0)),
    /** {@code x - t} above t, {@code x + t} below -t, else 0, for the threshold t (Keras' default 0.5). */
    SOFT_SHRINK("soft_shrink", Argument.atLeast("threshold", 0.5, 0)),
    /** {@code x} where {@code |x| > t}, else 0, for the threshold t (Keras' default 0.5). */
    HARD_SHRINK("hard_shrink", Argument.atLeast("threshold", 0.5, 0)),
    /** 0 for {@code x <= -1}, {@code (x + 1)^2 / 4} for {@code -1 < x < 1}, {@code x} for {@code x >= 1}. */
    SPARSE_PLUS("sparse_plus"),
    /** 0 for {@code x <= -1}, {@code (x + 1) / 2} for {@code -1 < x < 1}, 1 for {@code x >= 1}. */
    SPARSE_SIGMOID("sparse_sigmoid"),
    /** Row-wise {@code e^(x - max) / sum(e^(x - max))}. */
    SOFTMAX("softmax"),
    /** Row-wise {@code log(softmax(x)) = (x - max) - log(sum(e^(x - max)))}, without softmax's underflow. */
    LOG_SOFTMAX("log_softmax"),
    /**
     * {@code x > threshold ? x : default_value}, where NaN stays NaN (Keras would give default_value). Keras has
     * no defaults: a Keras call gives both; the bare constant is {@code threshold(threshold=0, default_value=0)}.
     */
    THRESHOLD("threshold", Argument.required("threshold", 0), Argument.required("default_value", 0)),
    /**
     * Row-wise Euclidean projection onto the probability simplex (Martins and Astudillo, 2016):
     * {@code max(x - tau, 0)} with tau such that the row sums to 1. A row with NaN or +inf gives NaN; -inf
     * gives 0.
     */
    SPARSEMAX("sparsemax"),
    /**
     * Gated linear unit (Dauphin et al., 2017): each row's units split into halves a and b,
     * {@code a * sigmoid(b)}, so the output is half as wide ({@link #outputWidth}); a dense layer with it
     * needs an even number of units.
     */
    GLU("glu");

    private final String kerasName;
    private final List<Argument> arguments;

    Activation(String kerasName, Argument... arguments) {
        this.kerasName = kerasName;
        this.arguments = List.of(arguments);
    }

    /** The name Keras uses for this function, e.g. {@code "hard_sigmoid"}. */
    public String kerasName() {
        return kerasName;
    }

    /** The arguments Keras' function takes besides x, in Keras' order, with their defaults and ranges. */
    public List<Argument> arguments() {
        return arguments;
    }

    /** This constant: its function at Keras' defaults. */
    @Override
    public Activation kind() {
        return this;
    }

    /** The default of argument i. */
    @Override
    public double argument(int i) {
        return arguments.get(i).defaultValue();
    }

    /** The Keras name (every argument is at its default), with the required arguments' values if any. */
    @Override
    public String kerasForm() {
        if (arguments.stream().anyMatch(a -> a.kind() == Argument.Kind.REQUIRED)) {
            return new ParameterizedActivation(this, arguments.stream().mapToDouble(Argument::defaultValue).toArray())
                    .kerasForm();
        }
        return kerasName;
    }

    /**
     * This function with the given value for each of its {@link #arguments()}, in order (Keras' None as
     * {@code Double.POSITIVE_INFINITY}, a flag as 0 or 1). The result is the plain constant when every
     * value is the default, and the function Keras computes in its place where Keras does so:
     * {@code relu(max_value=6)} is {@link #RELU6}, {@code relu(negative_slope=s)} is
     * {@code leaky_relu(negative_slope=s)}, {@code leaky_relu(negative_slope=0)} is {@link #RELU} and
     * {@code gelu(approximate=True)} is {@link #GELU_TANH}.
     *
     * @throws IllegalArgumentException for the wrong number of values or a value out of its range
     */
    public ActivationFunction with(double... values) {
        if (values.length != arguments.size()) {
            throw new IllegalArgumentException("Activation '" + kerasName + "' takes " + arguments.size()
                    + " argument" + (arguments.size() == 1 ? "" : "s") + " " + arguments.stream().map(Argument::name).toList()
                    + " but was given " + values.length);
        }
        boolean defaults = true;
        for (int i = 0; i < values.length; i++) {
            Argument a = arguments.get(i);
            if (!a.accepts(values[i])) {
                throw new IllegalArgumentException("Invalid value for argument '" + a.name() + "' of activation '"
                        + kerasName + "': " + a.format(values[i]) + ". Valid: " + a.range());
            }
            defaults &= Double.compare(values[i] + 0.0, a.defaultValue() + 0.0) == 0;
        }
        if (defaults) {
            return this;
        }
        if (this == GELU) {
            return GELU_TANH;
        }
        if (this == LEAKY_RELU && values[0] == 0) {
            return RELU;
        }
        if (this == RELU && values[2] == 0) {
            if (values[0] == 0 && values[1] == 6) {
                return RELU6;
            }
            if (values[1] == Double.POSITIVE_INFINITY) {
                return LEAKY_RELU.with(values[0]);
            }
        }
        return new ParameterizedActivation(this, values);
    }

    /** Keras' {@code relu(negative_slope, max_value, threshold)}; max_value {@code Double.POSITIVE_INFINITY} is None. */
    public static ActivationFunction relu(double negativeSlope, double maxValue, double threshold) {
        return RELU.with(negativeSlope, maxValue, threshold);
    }

    /** Keras' {@code leaky_relu(negative_slope)}. */
    public static ActivationFunction leakyRelu(double negativeSlope) {
        return LEAKY_RELU.with(negativeSlope);
    }

    /** Keras' {@code elu(alpha)}. */
    public static ActivationFunction elu(double alpha) {
        return ELU.with(alpha);
    }

    /** Keras' {@code celu(alpha)}. */
    public static ActivationFunction celu(double alpha) {
        return CELU.with(alpha);
    }

    /** Keras' {@code squareplus(b)}. */
    public static ActivationFunction squareplus(double b) {
        return SQUAREPLUS.with(b);
    }

    /** Keras' {@code soft_shrink(threshold)}. */
    public static ActivationFunction softShrink(double threshold) {
        return SOFT_SHRINK.with(threshold);
    }

    /** Keras' {@code hard_shrink(threshold)}. */
    public static ActivationFunction hardShrink(double threshold) {
        return HARD_SHRINK.with(threshold);
    }

    /** Keras' {@code threshold(threshold, default_value)}. */
    public static ActivationFunction threshold(double threshold, double defaultValue) {
        return THRESHOLD.with(threshold, defaultValue);
    }

    /** Whether the function works on each element alone (all but softmax, log_softmax, sparsemax and glu). */
    public boolean isElementwise() {
        return this != SOFTMAX && this != LOG_SOFTMAX && this != SPARSEMAX && this != GLU;
    }

    /**
     * The width of the output for {@code cols} inputs per row: half of them for {@link #GLU}, else all.
     *
     * @throws IllegalArgumentException when glu is given an odd number of columns
     */
    public int outputWidth(int cols) {
        if (this != GLU) {
            return cols;
        }
        if (cols % 2 != 0) {
            throw new IllegalArgumentException("glu splits the units into two halves: it needs an even number of"
                    + " units, not " + cols);
        }
        return cols / 2;
    }
}
