package dev.lanes.nn;

import dev.lanes.base.KerasCall;
import dev.lanes.base.Names;
import dev.lanes.base.Signature;
import dev.lanes.simd.Activation;
import dev.lanes.simd.ActivationFunction;
import dev.lanes.simd.Argument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Activations by the name and arguments a Keras user writes: {@code relu}, {@code swish},
 * {@code leaky_relu(negative_slope=0.3)}, {@code gelu(approximate=True)}. Names follow the rule of
 * {@link Names}; the arguments, their defaults and their ranges are those each {@link Activation}
 * declares, so the messages, the signatures listed in the docs and the kernels agree.
 */
public final class ActivationCall {

    /** Keras' other names of two activations. */
    private static final Map<String, Activation> ALIASES = Map.of("swish", Activation.SILU,
            "hard_swish", Activation.HARD_SILU);
    /** Every name, Keras' own in alphabetical order, then the aliases; each with the activation it names. */
    private static final Map<String, Activation> BY_NAME = byName();

    private ActivationCall() {
    }

    private static Map<String, Activation> byName() {
        Map<String, Activation> m = new LinkedHashMap<>();
        Arrays.stream(Activation.values()).sorted(Comparator.comparing(Activation::kerasName))
                .forEach(a -> m.put(a.kerasName(), a));
        ALIASES.keySet().stream().sorted().forEach(alias -> m.put(alias, ALIASES.get(alias)));
        return m;
    }

    /**
     * The activation a Keras name or alias denotes, at Keras' default arguments.
     *
     * @throws IllegalArgumentException {@code Unknown activation 'relu7'. Did you mean 'relu'? Valid names: ...}
     */
    public static Activation fromKerasName(String name) {
        return BY_NAME.get(Names.canonical("activation", name, BY_NAME.keySet()));
    }

    /**
     * The activation {@code name} with Keras' keyword arguments, e.g. {@code create("elu", Map.of("alpha", 0.5))};
     * an argument not given (or null, Keras' None) keeps its default.
     *
     * @throws IllegalArgumentException for an unknown name, an argument it does not take, or a value out
     *                                  of the argument's range (the message gives the range)
     */
    public static ActivationFunction create(String name, Map<String, ?> args) {
        Activation kind = fromKerasName(name);
        KerasArguments given = new KerasArguments("activation", signature(kind), args);
        List<Argument> arguments = kind.arguments();
        double[] values = new double[arguments.size()];
        for (int i = 0; i < values.length; i++) {
            Argument a = arguments.get(i);
            values[i] = switch (a.kind()) {
                case FLAG -> given.bool(a.name()) ? 1 : 0;
                case OPTIONAL -> given.has(a.name()) ? given.number(a.name()) : Double.POSITIVE_INFINITY;
                case NUMBER, REQUIRED -> given.number(a.name());
            };
        }
        return kind.with(values);
    }

    /**
     * Reads {@code name} or {@code name(argument=value, ...)} as {@link #create} takes it.
     *
     * @throws IllegalArgumentException for text that is not a call, or as {@link #create} does
     */
    public static ActivationFunction parse(String text) {
        KerasCall call = KerasCall.parse(text, "activation");
        return create(call.name(), call.args());
    }

    /** The Keras signature of {@code kind}: its name and arguments with their defaults. */
    public static Signature signature(Activation kind) {
        List<Object> pairs = new ArrayList<>();
        for (Argument a : kind.arguments()) {
            pairs.add(a.name());
            pairs.add(switch (a.kind()) {
                case FLAG -> a.defaultValue() == 1;
                case OPTIONAL -> Signature.NONE;
                case NUMBER -> a.defaultValue();
                case REQUIRED -> Signature.REQUIRED;
            });
        }
        return Signature.of(kind.kerasName(), pairs.toArray());
    }

    /** Every activation's signature, by name (the aliases aside). */
    public static List<Signature> signatures() {
        return Arrays.stream(Activation.values()).map(ActivationCall::signature)
                .sorted(Comparator.comparing(Signature::name)).toList();
    }
}
