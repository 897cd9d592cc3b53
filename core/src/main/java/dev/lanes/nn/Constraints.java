package dev.lanes.nn;

import dev.lanes.base.KerasCall;
import dev.lanes.base.Names;
import dev.lanes.base.Signature;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras 3's weight constraints, with Keras' names, arguments and defaults (declared once, in
 * {@link #signatures()}). {@code axis} is the axis of a dense kernel (inputs x units) along which norms
 * are taken: 0, Keras' default, constrains each unit's incoming weights; 1 each input's outgoing ones.
 * Norms are {@code sqrt(sum w^2)}, and a weight is scaled by {@code desired / (1e-7 + norm)}, Keras'
 * {@code backend.epsilon()} keeping a zero column at zero.
 */
public final class Constraints {

    /** Keras' {@code backend.epsilon()}, added to every norm it divides by. */
    static final float EPSILON = 1e-7f;

    private static final Map<String, Signature> SIGNATURES = declare();

    private Constraints() {
    }

    private static Map<String, Signature> declare() {
        Map<String, Signature> m = new LinkedHashMap<>();
        m.put("max_norm", Signature.of("max_norm", "max_value", 2.0, "axis", 0.0));
        m.put("min_max_norm", Signature.of("min_max_norm", "min_value", 0.0, "max_value", 1.0, "rate", 1.0, "axis", 0.0));
        m.put("non_neg", Signature.of("non_neg"));
        m.put("unit_norm", Signature.of("unit_norm", "axis", 0.0));
        return m;
    }

    /** Every constraint's signature: its Keras function name and arguments with Keras' defaults. */
    public static List<Signature> signatures() {
        return List.copyOf(SIGNATURES.values());
    }

    /** {@code MaxNorm(max_value, axis)}: norms above {@code maxValue >= 0} scaled down to it. */
    public static Constraint maxNorm(double maxValue, int axis) {
        return new Norm("max_norm", 0, check("max_norm", "max_value", maxValue), 1, axis(axis, "max_norm"));
    }

    /**
     * {@code MinMaxNorm(min_value, max_value, rate, axis)}: each norm moved to
     * {@code rate * clip(norm, min, max) + (1 - rate) * norm}.
     */
    public static Constraint minMaxNorm(double minValue, double maxValue, double rate, int axis) {
        check("min_max_norm", "min_value", minValue);
        check("min_max_norm", "max_value", maxValue);
        if (maxValue < minValue) {
            throw new IllegalArgumentException("Invalid value for argument 'max_value' of constraint 'min_max_norm': "
                    + maxValue + ". Valid: a number >= min_value (" + minValue + ")");
        }
        KerasArguments.check("constraint", "min_max_norm", "rate", rate, 0, true, 1, true);
        return new Norm("min_max_norm", minValue, maxValue, rate, axis(axis, "min_max_norm"));
    }

    /** {@code NonNeg()}: negative weights set to 0. */
    public static Constraint nonNeg() {
        return NonNeg.INSTANCE;
    }

    /** {@code UnitNorm(axis)}: every norm scaled to 1. */
    public static Constraint unitNorm(int axis) {
        return new Norm("unit_norm", 1, 1, 1, axis(axis, "unit_norm"));
    }

    /**
     * A constraint by Keras name (the rule of {@link Names}: {@code max_norm}, {@code MaxNorm}) and Keras
     * arguments.
     *
     * @throws IllegalArgumentException for an unknown name, an argument it does not take, or a value out
     *                                  of range, saying what is valid
     */
    public static Constraint create(String name, Map<String, ?> args) {
        String key = Names.canonical("constraint", name, SIGNATURES.keySet());
        KerasArguments a = new KerasArguments("constraint", SIGNATURES.get(key), args);
        return switch (key) {
            case "max_norm" -> maxNorm(a.number("max_value"), a.integer("axis", 0));
            case "min_max_norm" -> minMaxNorm(a.number("min_value"), a.number("max_value"), a.number("rate"),
                    a.integer("axis", 0));
            case "non_neg" -> nonNeg();
            case "unit_norm" -> unitNorm(a.integer("axis", 0));
            default -> throw new IllegalStateException(key);
        };
    }

    /** {@code name} or {@code name(argument=value, ...)}, as {@link #create} takes it. */
    public static Constraint parse(String text) {
        KerasCall call = KerasCall.parse(text, "constraint");
        return create(call.name(), call.args());
    }

    /** How Keras writes it: {@code max_norm(max_value=3, axis=0)}; {@link #parse} reads it back equal. */
    static String text(Constraint c) {
        return new KerasCall(c.name(), c.arguments()).toString();
    }

    private static double check(String owner, String arg, double value) {
        return KerasArguments.check("constraint", owner, arg, value, 0, true, Double.POSITIVE_INFINITY, false);
    }

    private static int axis(int axis, String owner) {
        if (axis != 0 && axis != 1) {
            throw new IllegalArgumentException("Invalid value for argument 'axis' of constraint '" + owner + "': "
                    + axis + ". Valid: 0 (each unit's incoming weights) or 1 (each input's outgoing weights)");
        }
        return axis;
    }

    /**
     * The three norm constraints in one form: each norm n along the axis becomes
     * {@code rate * clip(n, min, max) + (1 - rate) * n} (unit_norm: min = max = 1, rate 1).
     */
    private record Norm(String name, double min, double max, double rate, int axis) implements Constraint {

        @Override
        public Map<String, Object> arguments() {
            Map<String, Object> m = new LinkedHashMap<>();
            switch (name) {
                case "max_norm" -> m.put("max_value", max);
                case "min_max_norm" -> {
                    m.put("min_value", min);
                    m.put("max_value", max);
                    m.put("rate", rate);
                }
                default -> {
                }
            }
            m.put("axis", (double) axis);
            return m;
        }

        @Override
        public void apply(float[] w, int offset, int rows, int cols) {
            int lines = axis == 0 ? cols : rows;
            int length = axis == 0 ? rows : cols;
            int along = axis == 0 ? cols : 1;
            int across = axis == 0 ? 1 : cols;
            for (int k = 0; k < lines; k++) {
                int start = offset + k * across;
                double sum = 0;
                for (int i = 0; i < length; i++) {
                    float x = w[start + i * along];
                    sum += x * x;
                }
                float norm = (float) Math.sqrt(sum);
                float desired = (float) (rate * Math.min(Math.max(norm, min), max) + (1 - rate) * norm);
                float scale = desired / (EPSILON + norm);
                for (int i = 0; i < length; i++) {
                    w[start + i * along] *= scale;
                }
            }
        }

        @Override
        public String toString() {
            return text(this);
        }
    }

    /** {@code max(w, 0)}. */
    private record NonNeg() implements Constraint {
        static final NonNeg INSTANCE = new NonNeg();

        @Override
        public String name() {
            return "non_neg";
        }

        @Override
        public Map<String, Object> arguments() {
            return Map.of();
        }

        @Override
        public void apply(float[] w, int offset, int rows, int cols) {
            for (int i = offset, end = offset + rows * cols; i < end; i++) {
                w[i] = Math.max(w[i], 0f);
            }
        }

        @Override
        public String toString() {
            return name();
        }
    }
}
