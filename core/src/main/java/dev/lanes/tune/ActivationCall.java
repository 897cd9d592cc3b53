package dev.lanes.tune;

import dev.lanes.base.KerasCall;
import dev.lanes.base.Signature;
import dev.lanes.simd.Activation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An activation written with Keras' arguments, {@code gelu(approximate=True)} or
 * {@code relu(max_value=6)}, resolved to the {@link Activation} whose kernels compute it. Lanes' kernels
 * have Keras' default constants built in, so an argument is accepted at its Keras default and at the
 * values another kernel computes ({@code gelu(approximate=True)} is {@code gelu_tanh},
 * {@code relu(max_value=6)} is {@code relu6}); any other value is refused, saying which are computed.
 */
final class ActivationCall {

    /** The Keras signature of each activation that takes arguments, with Keras' defaults. */
    private static final Map<Activation, Signature> ARGUMENTS = Map.of(
            Activation.RELU, Signature.of("relu", "negative_slope", 0.0, "max_value", Signature.NONE, "threshold", 0.0),
            Activation.LEAKY_RELU, Signature.of("leaky_relu", "negative_slope", 0.2),
            Activation.ELU, Signature.of("elu", "alpha", 1.0),
            Activation.CELU, Signature.of("celu", "alpha", 1.0),
            Activation.GELU, Signature.of("gelu", "approximate", false),
            Activation.SOFT_SHRINK, Signature.of("soft_shrink", "threshold", 0.5),
            Activation.HARD_SHRINK, Signature.of("hard_shrink", "threshold", 0.5),
            Activation.SQUAREPLUS, Signature.of("squareplus", "b", 4.0));

    private ActivationCall() {
    }

    /** The signature of {@code a}: its Keras name and the arguments it takes, with their defaults. */
    private static Signature signature(Activation a) {
        return ARGUMENTS.getOrDefault(a, Signature.of(a.kerasName()));
    }

    /** The Keras arguments {@code a} takes, with their defaults; empty when it takes none. */
    static Map<String, Object> arguments(Activation a) {
        return signature(a).arguments();
    }

    /** Every activation's signature (the aliases swish and hard_swish aside), by name. */
    static List<Signature> signatures() {
        return Arrays.stream(Activation.values()).map(ActivationCall::signature)
                .sorted(Comparator.comparing(Signature::name)).toList();
    }

    /**
     * The activation that {@code call}, naming activation {@code a}, means.
     *
     * @param name the hyperparameter, for messages
     * @throws IllegalArgumentException for an argument {@code a} does not take, or a value no kernel computes
     */
    static Activation resolve(String name, Activation a, KerasCall call) {
        Map<String, Object> takes = arguments(a);
        signature(a).unknownArgument(call.args()).ifPresent(why -> {
            throw new IllegalArgumentException(name + " '" + call + "': activation '" + a.kerasName() + "' " + why);
        });
        if (a == Activation.GELU && Boolean.TRUE.equals(call.args().get("approximate"))) {
            return Activation.GELU_TANH;
        }
        if (a == Activation.RELU && Objects.equals(call.args().get("max_value"), 6.0)
                && isDefault(call, takes, "negative_slope") && isDefault(call, takes, "threshold")) {
            return Activation.RELU6;
        }
        for (Map.Entry<String, Object> e : call.args().entrySet()) {
            if (!isDefault(call, takes, e.getKey())) {
                throw new IllegalArgumentException(name + " '" + call + "': Lanes' kernels compute " + a.kerasName()
                        + " with " + e.getKey() + "=" + takes.get(e.getKey()) + " (Keras' default)"
                        + (a == Activation.RELU ? " and relu(max_value=6) as relu6" : "")
                        + (a == Activation.GELU ? " and approximate=True as gelu_tanh" : "") + ", not " + e.getKey()
                        + "=" + e.getValue());
            }
        }
        return a;
    }

    private static boolean isDefault(KerasCall call, Map<String, Object> takes, String arg) {
        Object given = call.args().get(arg);
        return given == null || given.equals(takes.get(arg));
    }
}
