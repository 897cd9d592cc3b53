package dev.lanes.simd;

/**
 * One argument of a Keras activation besides x: its Keras name, its default and the values it takes.
 * Values are doubles; Keras' None is {@code Double.POSITIVE_INFINITY} (for an {@link Kind#OPTIONAL}
 * argument) and a flag is 0 or 1. A {@link Kind#REQUIRED} argument has no Keras default: a Keras call
 * must give it, and {@code defaultValue} is only the value of the bare {@link Activation} constant.
 *
 * @param name         the Keras name, e.g. {@code negative_slope}
 * @param defaultValue Keras' default (for a required argument, the bare constant's value)
 * @param kind         what sort of value it is
 * @param lowest       the smallest value allowed (numbers only)
 * @param lowestOpen   whether {@code lowest} itself is excluded
 */
public record Argument(String name, double defaultValue, Kind kind, double lowest, boolean lowestOpen) {

    /** What sort of value an argument takes. */
    public enum Kind {
        /** A finite number. */
        NUMBER,
        /** A finite number, or None (the default). */
        OPTIONAL,
        /** True or False. */
        FLAG,
        /** A finite number of any sign that a Keras call must give: Keras has no default. */
        REQUIRED
    }

    /** A finite number of any sign. */
    static Argument any(String name, double defaultValue) {
        return new Argument(name, defaultValue, Kind.NUMBER, Double.NEGATIVE_INFINITY, false);
    }

    /** A finite number {@code >= lowest}. */
    static Argument atLeast(String name, double defaultValue, double lowest) {
        return new Argument(name, defaultValue, Kind.NUMBER, lowest, false);
    }

    /** A finite number {@code > lowest}. */
    static Argument above(String name, double defaultValue, double lowest) {
        return new Argument(name, defaultValue, Kind.NUMBER, lowest, true);
    }

    /** None by default, else a finite number {@code >= lowest}. */
    static Argument optional(String name, double lowest) {
        return new Argument(name, Double.POSITIVE_INFINITY, Kind.OPTIONAL, lowest, false);
    }

    /** A finite number that must be given; the bare constant computes with {@code valueAlone}. */
    static Argument required(String name, double valueAlone) {
        return new Argument(name, valueAlone, Kind.REQUIRED, Double.NEGATIVE_INFINITY, false);
    }

    /** True or False. */
    static Argument flag(String name, boolean defaultValue) {
        return new Argument(name, defaultValue ? 1 : 0, Kind.FLAG, 0, false);
    }

    /** Whether {@code value} is one this argument takes. */
    public boolean accepts(double value) {
        if (kind == Kind.FLAG) {
            return value == 0 || value == 1;
        }
        if (kind == Kind.OPTIONAL && value == Double.POSITIVE_INFINITY) {
            return true;
        }
        return Double.isFinite(value) && (lowestOpen ? value > lowest : value >= lowest);
    }

    /** The values it takes, in words: {@code "a number >= 0"}, {@code "True or False"}. */
    public String range() {
        if (kind == Kind.FLAG) {
            return "True or False";
        }
        String number = lowest == Double.NEGATIVE_INFINITY ? "a finite number"
                : "a number " + (lowestOpen ? "> " : ">= ") + (lowest == Math.rint(lowest) ? String.valueOf((long) lowest)
                : String.valueOf(lowest));
        return kind == Kind.OPTIONAL ? "None or " + number : number;
    }

    /** {@code value} as Keras writes it: {@code 0.3}, {@code None}, {@code True}. */
    public String format(double value) {
        if (kind == Kind.FLAG && (value == 0 || value == 1)) {
            return value == 1 ? "True" : "False";
        }
        if (kind == Kind.OPTIONAL && value == Double.POSITIVE_INFINITY) {
            return "None";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) + ".0"
                : String.valueOf(value);
    }
}
