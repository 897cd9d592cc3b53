package dev.lanes.tune;

import dev.lanes.base.KerasCall;
import dev.lanes.base.Names;
import dev.lanes.base.Signature;
import dev.lanes.base.Suggestions;
import dev.lanes.simd.Activation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
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

    /** Each activation's Keras arguments with their defaults, for those that take any. */
    private static final Map<Activation, Map<String, Object>> ARGUMENTS = Map.of(
            Activation.RELU, ordered("negative_slope", 0.0, "max_value", Signature.NONE, "threshold", 0.0),
            Activation.LEAKY_RELU, ordered("negative_slope", 0.2),
            Activation.ELU, ordered("alpha", 1.0),
            Activation.CELU, ordered("alpha", 1.0),
            Activation.GELU, ordered("approximate", false),
            Activation.SOFT_SHRINK, ordered("threshold", 0.5),
            Activation.HARD_SHRINK, ordered("threshold", 0.5),
            Activation.SQUAREPLUS, ordered("b", 4.0));

    private ActivationCall() {
    }

    /** The Keras arguments {@code a} takes, with their defaults; empty when it takes none. */
    static Map<String, Object> arguments(Activation a) {
        return ARGUMENTS.getOrDefault(a, Map.of());
    }

    /** Every activation's signature (the aliases swish and hard_swish aside), by name. */
    static List<Signature> signatures() {
        return Arrays.stream(Activation.values()).map(a -> new Signature(a.kerasName(), arguments(a)))
                .sorted(Comparator.comparing(Signature::name)).toList();
    }

    /**
     * The activation {@code call} means.
     *
     * @param name   the hyperparameter, for messages
     * @param lookup the activation names {@code call}'s name is looked up in
     * @throws IllegalArgumentException for an unknown name or argument, or a value no kernel computes
     */
    static Activation resolve(String name, KerasCall call, List<String> lookup) {
        Activation a = Activation.fromKerasName(Names.canonical(name, call.name(), lookup));
        Map<String, Object> takes = arguments(a);
        for (Map.Entry<String, Object> e : call.args().entrySet()) {
            if (!takes.containsKey(e.getKey())) {
                throw new IllegalArgumentException(name + " '" + call + "': activation '" + a.kerasName()
                        + "' does not take argument '" + e.getKey() + "'." + Suggestions.didYouMean(e.getKey(),
                        takes.keySet()) + (takes.isEmpty() ? " It takes none." : " It takes: " + String.join(", ", takes.keySet())));
            }
        }
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

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
