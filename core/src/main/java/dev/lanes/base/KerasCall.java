package dev.lanes.base;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A named Keras object with keyword arguments, written as a Keras user writes it in Python:
 * {@code sgd(momentum=0.9, nesterov=True)}, {@code variance_scaling(scale=2, mode="fan_out")},
 * {@code huber(delta=2)}, or a bare name ({@code adam}) for the defaults. An argument can itself be a call:
 * {@code sgd(learning_rate=cosine_decay(initial_learning_rate=0.1, decay_steps=1000))}. This is the text form of an
 * optimizer, initializer or loss in a search grid (a POM's {@code <grid>}); the factories that take the
 * arguments check them ({@code Optimizers.create}, {@code Initializers.create}, {@code Losses.create}).
 *
 * <p>Values: numbers ({@code 0.9}, {@code 1e-3}, {@code 1000}) as {@link Double}, {@code true}/{@code True}
 * and {@code false}/{@code False} as {@link Boolean}, {@code None} as "not given" (the argument is
 * dropped), a word ({@code fan_out}) or a quoted text ({@code 'fan_out'}, {@code "fan_out"}) as
 * {@link String}, {@code [1000, 2000]} as a {@link List}, and {@code name(...)} as a {@code KerasCall}. Every argument has its name: Keras'
 * positional form ({@code huber(2)}) is refused, because the name is what the messages check against.
 *
 * @param name the object's name as written, stripped
 * @param args the arguments in the order written (unmodifiable, no null values)
 */
public record KerasCall(String name, Map<String, Object> args) {

    /** A value written without quotes. */
    private static final String WORD = "[A-Za-z_][A-Za-z0-9_]*";
    /** Words that read as something else than text. */
    private static final Set<String> KEYWORDS = Set.of("true", "True", "false", "False", "None");

    /** Copies the arguments, keeping their order. */
    public KerasCall {
        Objects.requireNonNull(name, "name");
        Map<String, Object> copy = new LinkedHashMap<>();
        args.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v, k)));
        args = Collections.unmodifiableMap(copy);
    }

    /** A name without arguments. */
    public static KerasCall of(String name) {
        return new KerasCall(name, Map.of());
    }

    /**
     * Reads {@code name} or {@code name(key=value, ...)}.
     *
     * @param what what the text is, for messages ({@code optimizer})
     * @throws IllegalArgumentException naming the text, the place and what was expected there
     */
    public static KerasCall parse(String text, String what) {
        return new Reader(text, what).call();
    }

    /**
     * Reads a list of calls, {@code [EarlyStopping(patience=3), ReduceLROnPlateau(factor=0.5)]}, or one
     * call alone; {@code []} is none.
     *
     * @throws IllegalArgumentException as {@link #parse} does, or for an element that is not a call
     */
    public static List<KerasCall> parseList(String text, String what) {
        Reader reader = new Reader(text, what);
        return reader.calls();
    }

    /** The canonical text of {@code calls}: {@code [a(x=1), b]}; {@link #parseList} reads it back equal. */
    public static String toString(List<KerasCall> calls) {
        StringBuilder s = new StringBuilder();
        value(s, calls);
        return s.toString();
    }

    /**
     * The canonical text: {@code sgd(momentum=0.9, nesterov=true)}; numbers without trailing zeros, words
     * bare, other text quoted; the name alone when there are no arguments. {@link #parse} reads it back equal.
     */
    @Override
    public String toString() {
        if (args.isEmpty()) {
            return name;
        }
        StringBuilder s = new StringBuilder(name).append('(');
        String sep = "";
        for (Map.Entry<String, Object> e : args.entrySet()) {
            s.append(sep).append(e.getKey()).append('=');
            value(s, e.getValue());
            sep = ", ";
        }
        return s.append(')').toString();
    }

    private static void value(StringBuilder s, Object v) {
        if (v instanceof Double d) {
            s.append(Numbers.plain(d));
        } else if (v instanceof List<?> list) {
            s.append('[');
            for (int i = 0; i < list.size(); i++) {
                s.append(i == 0 ? "" : ", ");
                value(s, list.get(i));
            }
            s.append(']');
        } else if (v instanceof String text && (!text.matches(WORD) || KEYWORDS.contains(text))) {
            s.append('"').append(text).append('"');
        } else {
            s.append(v);
        }
    }

    /** A recursive-descent reader of one call; positions in messages count from 1. */
    private static final class Reader {

        private final String text;
        private final String what;
        private int at;

        Reader(String text, String what) {
            this.text = Objects.requireNonNull(text, what);
            this.what = what;
        }

        List<KerasCall> calls() {
            space();
            if (!peek('[')) {
                return List.of(call());
            }
            int start = at;
            List<?> values = (List<?>) value();
            space();
            if (at < text.length()) {
                throw error("the end of the " + what);
            }
            List<KerasCall> calls = new ArrayList<>();
            for (Object v : values) {
                if (v instanceof String word && word.matches(WORD)) {
                    calls.add(KerasCall.of(word));
                } else if (v instanceof KerasCall c) {
                    calls.add(c);
                } else {
                    at = start;
                    throw error("a list of name(argument=value, ...), not of " + v);
                }
            }
            return List.copyOf(calls);
        }

        KerasCall call() {
            space();
            KerasCall call = named(word("a name"));
            if (at < text.length()) {
                throw error("the end of the " + what);
            }
            return call;
        }

        /** The call of {@code name}, read after it: its arguments in parentheses, if any. */
        private KerasCall named(String name) {
            Map<String, Object> args = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            space();
            if (take('(')) {
                space();
                if (!peek(')')) {
                    do {
                        space();
                        int keyAt = at;
                        String key = word("an argument name");
                        space();
                        if (!peek('=')) {
                            throw error("'=' after argument '" + key + "' (every argument is written name=value, as in "
                                    + name + "(" + key + "=...))");
                        }
                        at++;
                        space();
                        Object value = value();
                        if (!seen.add(key)) {
                            at = keyAt;
                            throw error("argument '" + key + "' only once");
                        }
                        if (value != null) {
                            args.put(key, value);
                        }
                        space();
                    } while (take(','));
                }
                if (!take(')')) {
                    throw error("',' or ')'");
                }
                space();
            }
            return new KerasCall(name, args);
        }

        private Object value() {
            if (take('[')) {
                List<Object> list = new ArrayList<>();
                space();
                if (!peek(']')) {
                    do {
                        space();
                        Object v = value();
                        if (v == null) {
                            throw error("a value (None cannot be in a list)");
                        }
                        list.add(v);
                        space();
                    } while (take(','));
                }
                if (!take(']')) {
                    throw error("',' or ']'");
                }
                return List.copyOf(list);
            }
            if (peek('"') || peek('\'')) {
                char quote = text.charAt(at++);
                int end = text.indexOf(quote, at);
                if (end < 0) {
                    throw error("the closing " + quote);
                }
                String s = text.substring(at, end);
                at = end + 1;
                return s;
            }
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || "_+-.".indexOf(text.charAt(at)) >= 0)) {
                at++;
            }
            String token = text.substring(start, at);
            if (token.isEmpty()) {
                throw error("a value: a number, true, false, None, a word or a quoted text");
            }
            switch (token) {
                case "true", "True":
                    return Boolean.TRUE;
                case "false", "False":
                    return Boolean.FALSE;
                case "None":
                    return null;
                default:
                    break;
            }
            if (token.matches(WORD)) {
                int after = at;
                space();
                if (peek('(')) {
                    return named(token);
                }
                at = after;
                return token;
            }
            try {
                double v = Double.parseDouble(token);
                if (Double.isFinite(v) && token.matches("[+-]?[0-9.][0-9.eE+-]*")) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below, at the token
            }
            at = start;
            throw error("a value: a number, true, false, None, a word or a quoted text, not '" + token + "'");
        }

        private String word(String expected) {
            int start = at;
            if (at < text.length() && (Character.isLetter(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
                while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                    at++;
                }
            }
            if (at == start) {
                throw error(expected);
            }
            return text.substring(start, at);
        }

        private boolean peek(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        private boolean take(char c) {
            if (peek(c)) {
                at++;
                return true;
            }
            return false;
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private IllegalArgumentException error(String expected) {
            String found = at < text.length() ? "'" + text.charAt(at) + "'" : "the end";
            return new IllegalArgumentException(capitalised(what) + " '" + text.strip() + "': expected " + expected
                    + " at character " + (at + 1) + ", found " + found + ". Write name or name(argument=value, ...), "
                    + "e.g. sgd(momentum=0.9, nesterov=true).");
        }

        private static String capitalised(String s) {
            return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
    }
}
