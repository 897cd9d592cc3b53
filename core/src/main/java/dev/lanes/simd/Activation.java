package dev.lanes.simd;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The activation functions Lanes computes, with the names and formulas Keras 3 uses.
 *
 * <p>Every function except {@link #SOFTMAX} is element-wise; softmax normalizes each row (the units of
 * one sample). Kernels for all of them live behind {@link Activations}.
 */
public enum Activation {
    /** {@code x}. */
    LINEAR("linear"),
    /** {@code max(x, 0)}. */
    RELU("relu"),
    /** {@code x} for {@code x > 0}, else {@code 0.2 x} (the Keras 3 default slope). */
    LEAKY_RELU("leaky_relu"),
    /** {@code min(max(x, 0), 6)}. */
    RELU6("relu6"),
    /** {@code x} for {@code x > 0}, else {@code e^x - 1} (alpha 1). */
    ELU("elu"),
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
    /** {@code 0.5 x (1 + erf(x / sqrt 2))}, the exact form. */
    GELU("gelu"),
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
    /** {@code x > 0 ? x : e^x - 1}, Keras' celu at its default alpha 1 (where it is elu). */
    CELU("celu"),
    /** {@code log(sigmoid(x)) = -softplus(-x)}. */
    LOG_SIGMOID("log_sigmoid"),
    /** {@code min(max(x, -1), 1)}. */
    HARD_TANH("hard_tanh"),
    /** {@code x - tanh(x)}. */
    TANH_SHRINK("tanh_shrink"),
    /** {@code (x + sqrt(x^2 + 4)) / 2}, Keras' squareplus at its default b = 4. */
    SQUAREPLUS("squareplus"),
    /** {@code x - 0.5} above 0.5, {@code x + 0.5} below -0.5, else 0 (Keras' default threshold 0.5). */
    SOFT_SHRINK("soft_shrink"),
    /** {@code x} where {@code |x| > 0.5}, else 0 (Keras' default threshold 0.5). */
    HARD_SHRINK("hard_shrink"),
    /** 0 for {@code x <= -1}, {@code (x + 1)^2 / 4} for {@code -1 < x < 1}, {@code x} for {@code x >= 1}. */
    SPARSE_PLUS("sparse_plus"),
    /** 0 for {@code x <= -1}, {@code (x + 1) / 2} for {@code -1 < x < 1}, 1 for {@code x >= 1}. */
    SPARSE_SIGMOID("sparse_sigmoid"),
    /** Row-wise {@code e^(x - max) / sum(e^(x - max))}. */
    SOFTMAX("softmax");

    private final String kerasName;

    Activation(String kerasName) {
        this.kerasName = kerasName;
    }

    /** The name Keras uses for this function, e.g. {@code "hard_sigmoid"}. */
    public String kerasName() {
        return kerasName;
    }

    /** Whether the function works on each element alone (all but softmax). */
    public boolean isElementwise() {
        return this != SOFTMAX;
    }

    /**
     * Looks an activation up by its Keras name (case-insensitive; {@code swish} and {@code hard_swish}
     * are accepted as the Keras aliases of {@code silu} and {@code hard_silu}).
     *
     * @throws IllegalArgumentException naming the valid names when {@code name} is not one of them
     */
    public static Activation fromKerasName(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        switch (key) {
            case "swish":
                return SILU;
            case "hard_swish":
                return HARD_SILU;
            default:
                for (Activation a : values()) {
                    if (a.kerasName.equals(key)) {
                        return a;
                    }
                }
                throw new IllegalArgumentException("Unknown activation '" + name + "'. Valid names: "
                        + Arrays.stream(values()).map(Activation::kerasName).collect(Collectors.joining(", ")));
        }
    }
}
