package dev.lanes.base;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Keras signature of a named object (optimizer, schedule, initializer, loss, callback, activation):
 * its name and its keyword arguments in Keras' order, each with its Keras default. It is the one
 * declaration from which the factory takes its defaults and the arguments it accepts, the messages
 * list what is valid, and {@code docs/keras-reference.md} is checked.
 *
 * @param name      the name as Keras writes it
 * @param arguments each argument's default: a {@link Double}, {@link Boolean} or {@link String},
 *                  {@link #NONE} for Keras' {@code None} (not given), {@link #REQUIRED} for none at all
 */
public record Signature(String name, Map<String, Object> arguments) {

    /** The default {@code None}: the argument is off unless given. */
    public static final Object NONE = new Marker("None");
    /** No default: the argument must be given. */
    public static final Object REQUIRED = new Marker("required");

    private record Marker(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** Copies the arguments, keeping their order. */
    public Signature {
        Objects.requireNonNull(name, "name");
        arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    /**
     * A signature from argument names and defaults in turn: {@code of("sgd", "learning_rate", 0.01,
     * "momentum", 0.0, "nesterov", false)}.
     */
    public static Signature of(String name, Object... namesAndDefaults) {
        if (namesAndDefaults.length % 2 != 0) {
            throw new IllegalArgumentException("names and defaults come in pairs");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndDefaults.length; i += 2) {
            m.put((String) namesAndDefaults[i], Objects.requireNonNull(namesAndDefaults[i + 1]));
        }
        return new Signature(name, m);
    }

    /** This signature with {@code more} arguments after its own (those it has already keep their default). */
    public Signature with(Map<String, Object> more) {
        Map<String, Object> m = new LinkedHashMap<>(arguments);
        more.forEach(m::putIfAbsent);
        return new Signature(name, m);
    }

    /**
     * What is wrong with the names of {@code args}, for a message that begins with the object:
     * {@code "does not take argument 'momentm'. Did you mean 'momentum'? It takes: learning_rate, ..."};
     * empty when this signature has every one.
     */
    public Optional<String> unknownArgument(Map<String, ?> args) {
        List<String> accepted = names();
        for (String key : args.keySet()) {
            if (!arguments.containsKey(key)) {
                return Optional.of("does not take argument '" + key + "'." + Suggestions.didYouMean(key, accepted)
                        + (accepted.isEmpty() ? " It takes none." : " It takes: " + String.join(", ", accepted)));
            }
        }
        return Optional.empty();
    }

    /** The argument names, in order. */
    public List<String> names() {
        return List.copyOf(arguments.keySet());
    }

    /**
     * As Keras' documentation writes it: {@code sgd(learning_rate=0.01, momentum=0, nesterov=False)}, a
     * required argument by its name alone, numbers without trailing zeros, texts quoted.
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(name).append('(');
        String sep = "";
        for (Map.Entry<String, Object> e : arguments.entrySet()) {
            s.append(sep).append(e.getKey());
            Object v = e.getValue();
            if (v != REQUIRED) {
                s.append('=').append(v instanceof Double d ? number(d) : v instanceof Boolean b ? (b ? "True" : "False")
                        : v instanceof String t ? "\"" + t + "\"" : v.toString());
            }
            sep = ", ";
        }
        return s.append(')').toString();
    }

    /** 0.9, 1000, and the small ones as Python writes them short: 1e-7. */
    private static String number(double v) {
        if (v != 0 && Math.abs(v) < 1e-4) {
            return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toString().replace("E", "e");
        }
        return Numbers.plain(v);
    }
}
