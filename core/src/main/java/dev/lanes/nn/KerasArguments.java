package dev.lanes.nn;

import dev.lanes.base.KerasCall;
import dev.lanes.base.Signature;

import java.util.List;
import java.util.Map;

/**
 * Keras-style keyword arguments ({@code {learning_rate: 0.01, momentum: 0.9}}) of one named object (an
 * optimizer, a learning-rate schedule, an initializer, a loss or a callback), read against its
 * {@link Signature}: the arguments it takes and their defaults. The checks and messages are shared by
 * {@link Optimizers}, {@link LearningRateSchedules}, {@link Initializers}, {@link Losses} and
 * {@link Callbacks}. A {@code null} value means "not given", as Keras' {@code None} does for optional
 * arguments.
 */
final class KerasArguments {

    private final String kind;
    private final String owner;
    private final Map<String, ?> args;
    private final Map<String, Object> defaults;

    /**
     * The arguments of an object of {@code signature}, whose defaults the accessors return when an
     * argument is not given.
     *
     * @param kind what the object is, for messages: {@code optimizer}, {@code schedule}, ...
     * @param args the arguments, may be null for none
     * @throws IllegalArgumentException naming the first argument the signature does not have
     */
    KerasArguments(String kind, Signature signature, Map<String, ?> args) {
        this.kind = kind;
        this.owner = signature.name();
        this.args = args == null ? Map.of() : args;
        this.defaults = signature.arguments();
        signature.unknownArgument(this.args).ifPresent(why -> {
            throw new IllegalArgumentException(capitalize(kind) + " '" + owner + "' " + why);
        });
    }

    /** Whether the argument was given with a non-null value. */
    boolean has(String key) {
        return args.get(key) != null;
    }

    private double number(String key, double fallback) {
        Object value = args.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number)) {
            throw wrongType(key, value, "a number");
        }
        return ((Number) value).doubleValue();
    }

    /** A number argument, or its signature's default; a required one must be given. */
    double number(String key) {
        Object d = declared(key);
        return d == Signature.REQUIRED ? requiredNumber(key) : number(key, d == Signature.NONE ? Double.NaN : (Double) d);
    }


    /** A boolean argument, or its signature's default. */
    boolean bool(String key) {
        return bool(key, (Boolean) declared(key));
    }

    /** A text argument, or its signature's default; a required one must be given. */
    String text(String key) {
        Object d = declared(key);
        if (d == Signature.REQUIRED && !has(key)) {
            throw missing(key);
        }
        return text(key, d == Signature.REQUIRED ? null : (String) d);
    }

    /** A whole-number argument of at least {@code min}, or its signature's default (0 for {@code None}). */
    int integer(String key, int min) {
        Object d = declared(key);
        int fallback = d instanceof Double v ? (int) (double) v : 0;
        if (!has(key)) {
            return fallback;
        }
        double v = number(key, fallback);
        if (v != Math.rint(v) || v < min || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Invalid value for argument '" + key + "' of " + kind + " '" + owner + "': "
                    + args.get(key) + ". Valid: a whole number >= " + min);
        }
        return (int) v;
    }

    private Object declared(String key) {
        Object d = defaults.get(key);
        if (d == null) {
            throw new IllegalStateException(owner + " declares no argument " + key);
        }
        return d;
    }

    private boolean bool(String key, boolean fallback) {
        Object value = args.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean)) {
            throw wrongType(key, value, "a boolean");
        }
        return (Boolean) value;
    }

    private String text(String key, String fallback) {
        Object value = args.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String)) {
            throw wrongType(key, value, "a text");
        }
        return (String) value;
    }

    /**
     * {@code learning_rate}: a number (a constant rate, its signature's default when not given), a
     * {@link LearningRateSchedule}, or a schedule written as a {@link KerasCall}
     * ({@code cosine_decay(initial_learning_rate=0.1, decay_steps=1000)}).
     */
    LearningRateSchedule learningRate(String key) {
        double fallback = (Double) declared(key);
        Object value = args.get(key);
        if (value instanceof LearningRateSchedule) {
            return (LearningRateSchedule) value;
        }
        if (value instanceof KerasCall call) {
            return LearningRateSchedules.create(call.name(), call.args());
        }
        if (value != null && !(value instanceof Number)) {
            throw wrongType(key, value, "a number or a learning-rate schedule");
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

    private double requiredNumber(String key) {
        if (!has(key)) {
            throw missing(key);
        }
        return number(key, Double.NaN);
    }

    private IllegalArgumentException missing(String key) {
        return new IllegalArgumentException(capitalize(kind) + " '" + owner + "' needs argument '" + key + "'");
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

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
