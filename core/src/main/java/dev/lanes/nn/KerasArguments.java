package dev.lanes.nn;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keras-style keyword arguments ({@code {learning_rate: 0.01, momentum: 0.9}}) of one named object, an
 * optimizer or a learning-rate schedule, with the checks and messages shared by {@link Optimizers} and
 * {@link LearningRateSchedules}. A {@code null} value means "not given", as Keras' {@code None} does for
 * optional arguments.
 */
final class KerasArguments {

    private final String kind;
    private final String owner;
    private final Map<String, ?> args;

    /**
     * @param kind     what the owner is, for messages: {@code optimizer} or {@code schedule}
     * @param owner    the owner's Keras name
     * @param args     the arguments, may be null for none
     * @param accepted every argument the owner takes
     * @throws IllegalArgumentException naming the first argument the owner does not take
     */
    KerasArguments(String kind, String owner, Map<String, ?> args, List<String> accepted) {
        this.kind = kind;
        this.owner = owner;
        this.args = args == null ? Map.of() : args;
        for (String key : this.args.keySet()) {
            if (!accepted.contains(key)) {
                String close = closest(String.valueOf(key), accepted);
                throw new IllegalArgumentException(capitalize(kind) + " '" + owner + "' does not take argument '"
                        + key + "'." + (close == null ? "" : " Did you mean '" + close + "'?") + " It takes: "
                        + String.join(", ", accepted));
            }
        }
    }

    /** Whether the argument was given with a non-null value. */
    boolean has(String key) {
        return args.get(key) != null;
    }

    /** A number argument, or {@code fallback} when not given. */
    double number(String key, double fallback) {
        Object value = args.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number)) {
            throw wrongType(key, value, "a number");
        }
        return ((Number) value).doubleValue();
    }

    /** A boolean argument, or {@code fallback} when not given. */
    boolean bool(String key, boolean fallback) {
        Object value = args.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean)) {
            throw wrongType(key, value, "a boolean");
        }
        return (Boolean) value;
    }

    /** {@code learning_rate}: a number (a constant rate) or a {@link LearningRateSchedule}. */
    LearningRateSchedule learningRate(String key, double fallback) {
        Object value = args.get(key);
        if (value instanceof LearningRateSchedule) {
            return (LearningRateSchedule) value;
        }
        if (value != null && !(value instanceof Number)) {
            throw wrongType(key, value, "a number or a LearningRateSchedule");
        }
        return LearningRateSchedules.constant(check(kind, owner, key, number(key, fallback), 0, true,
                Double.POSITIVE_INFINITY, false));
    }

    /** A list of numbers given as a {@code List} of {@code Number}s or a primitive array. */
    double[] numbers(String key) {
        Object value = args.get(key);
        if (value == null) {
            throw new IllegalArgumentException(capitalize(kind) + " '" + owner + "' needs argument '" + key + "'");
        }
        if (value instanceof double[]) {
            return ((double[]) value).clone();
        }
        if (value instanceof long[]) {
            long[] a = (long[]) value;
            double[] out = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i];
            }
            return out;
        }
        if (value instanceof int[]) {
            int[] a = (int[]) value;
            double[] out = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i];
            }
            return out;
        }
        if (value instanceof List) {
            List<?> list = (List<?>) value;
            double[] out = new double[list.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(list.get(i) instanceof Number)) {
                    throw wrongType(key, value, "a list of numbers");
                }
                out[i] = ((Number) list.get(i)).doubleValue();
            }
            return out;
        }
        throw wrongType(key, value, "a list of numbers");
    }

    /** A required number argument. */
    double requiredNumber(String key) {
        if (!has(key)) {
            throw new IllegalArgumentException(capitalize(kind) + " '" + owner + "' needs argument '" + key + "'");
        }
        return number(key, Double.NaN);
    }

    private IllegalArgumentException wrongType(String key, Object value, String expected) {
        return new IllegalArgumentException("Argument '" + key + "' of " + kind + " '" + owner + "' must be "
                + expected + ", got " + value.getClass().getSimpleName() + " " + value);
    }

    /**
     * Returns {@code value} when it lies in the range given by the bounds (NaN never does), else throws
     * naming the argument, the value and the range, e.g. {@code [0, 1)}.
     */
    static double check(String kind, String owner, String arg, double value, double lo, boolean loClosed,
                        double hi, boolean hiClosed) {
        boolean aboveLo = loClosed ? value >= lo : value > lo;
        boolean belowHi = hiClosed ? value <= hi : value < hi;
        if (!aboveLo || !belowHi) {
            throw new IllegalArgumentException("Invalid value for argument '" + arg + "' of " + kind + " '" + owner
                    + "': " + value + ". Valid range: " + (loClosed ? "[" : "(") + bound(lo) + ", " + bound(hi)
                    + (hiClosed ? "]" : ")"));
        }
        return value;
    }

    private static String bound(double b) {
        if (Double.isInfinite(b)) {
            return b > 0 ? "inf" : "-inf";
        }
        return b == Math.rint(b) ? Long.toString((long) b) : Double.toString(b);
    }

    /** The message for a name that is not one of {@code valid}, with a suggestion when one is close. */
    static String unknownName(String kind, String given, Collection<String> valid) {
        String close = closest(given, valid);
        return "Unknown " + kind + " '" + given + "'." + (close == null ? "" : " Did you mean '" + close + "'?")
                + " Valid names: " + String.join(", ", valid);
    }

    /**
     * The valid name closest to {@code given} by edit distance (case-insensitive, a swap of two neighbours
     * counting as one edit), or null when none is within {@code max(2, length / 3)} edits. Private to this
     * branch until the package-wide {@code Suggestions.didYouMean} lands.
     */
    private static String closest(String given, Collection<String> valid) {
        String g = given.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, g.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : valid) {
            int d = editDistance(g, candidate.toLowerCase(Locale.ROOT));
            if (d <= limit && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Optimal-string-alignment distance: Levenshtein plus adjacent transpositions ("adma" to "adam" is 1). */
    private static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
