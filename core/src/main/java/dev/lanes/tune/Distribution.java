package dev.lanes.tune;

import dev.lanes.base.Numbers;
import dev.lanes.base.Rng;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A distribution a random search draws one hyperparameter's values from, as scipy's distributions do for
 * scikit-learn's {@code RandomizedSearchCV}: {@code uniform(lo, hi)} and {@code log_uniform(lo, hi)} for
 * real-valued hyperparameters, {@code int_range(lo, hi)} (both ends included) for integer ones. Written
 * in text as exactly those calls, e.g. {@code log_uniform(1e-4, 1e-2)}. Immutable.
 */
public final class Distribution {

    private static final Pattern CALL = Pattern.compile("\\s*([a-z_]+)\\s*\\(([^,()]*),([^,()]*)\\)\\s*");

    /** The shapes of distribution. */
    public enum Kind {
        /** Uniform on {@code [lo, hi)}, a {@code Double}. */
        UNIFORM("uniform"),
        /** {@code exp(uniform(log lo, log hi))}, a {@code Double}; needs {@code lo > 0}. */
        LOG_UNIFORM("log_uniform"),
        /** Uniform on the integers {@code lo..hi}, both included, an {@code Integer}. */
        INT_RANGE("int_range");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        /** The name written in text, e.g. {@code log_uniform}. */
        public String text() {
            return text;
        }
    }

    private final Kind kind;
    private final double lo;
    private final double hi;

    private Distribution(Kind kind, double lo, double hi) {
        this.kind = kind;
        this.lo = lo;
        this.hi = hi;
    }

    /**
     * Uniform real values on {@code [lo, hi)}.
     *
     * @throws IllegalArgumentException unless both are finite and {@code lo < hi}
     */
    public static Distribution uniform(double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
            throw new IllegalArgumentException("uniform(lo, hi) needs finite lo < hi, got uniform(" + Numbers.plain(lo)
                    + ", " + Numbers.plain(hi) + ")");
        }
        return new Distribution(Kind.UNIFORM, lo, hi);
    }

    /**
     * Real values whose logarithm is uniform on {@code [log lo, log hi)}: as many draws in [1e-4, 1e-3)
     * as in [1e-3, 1e-2).
     *
     * @throws IllegalArgumentException unless both are finite and {@code 0 < lo < hi}
     */
    public static Distribution logUniform(double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo > 0 && lo < hi)) {
            throw new IllegalArgumentException("log_uniform(lo, hi) needs finite 0 < lo < hi, got log_uniform("
                    + Numbers.plain(lo) + ", " + Numbers.plain(hi) + ")");
        }
        return new Distribution(Kind.LOG_UNIFORM, lo, hi);
    }

    /**
     * Integers {@code lo..hi}, both included, each equally likely.
     *
     * @throws IllegalArgumentException unless {@code lo <= hi}
     */
    public static Distribution intRange(int lo, int hi) {
        if (lo > hi || (long) hi - lo >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("int_range(lo, hi) needs lo <= hi (and fewer than 2^31 - 1 values), got int_range("
                    + lo + ", " + hi + ")");
        }
        return new Distribution(Kind.INT_RANGE, lo, hi);
    }

    /**
     * A distribution written as {@code uniform(lo, hi)}, {@code log_uniform(lo, hi)} or
     * {@code int_range(lo, hi)}.
     *
     * @throws IllegalArgumentException when {@code text} is none of these, naming what is valid
     */
    public static Distribution parse(String text) {
        Objects.requireNonNull(text, "distribution");
        Matcher m = CALL.matcher(text);
        String expected = "A distribution is written uniform(lo, hi), log_uniform(lo, hi) or int_range(lo, hi), got '"
                + text + "'";
        if (!m.matches()) {
            throw new IllegalArgumentException(expected);
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        try {
            switch (name) {
                case "uniform":
                    return uniform(Double.parseDouble(m.group(2).strip()), Double.parseDouble(m.group(3).strip()));
                case "log_uniform":
                    return logUniform(Double.parseDouble(m.group(2).strip()), Double.parseDouble(m.group(3).strip()));
                case "int_range":
                    return intRange(Integer.parseInt(m.group(2).strip()), Integer.parseInt(m.group(3).strip()));
                default:
                    throw new IllegalArgumentException(expected);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(expected);
        }
    }

    /**
     * Whether {@code text} looks like a distribution call, such as {@code log_uniform(1e-4, 1e-2)}, rather
     * than a plain value: what {@link SearchSpace#random} parses with {@link #parse}.
     */
    public static boolean looksLikeOne(String text) {
        return CALL.matcher(text).matches();
    }

    /** The shape. */
    public Kind kind() {
        return kind;
    }

    /** The lower bound. */
    public double lo() {
        return lo;
    }

    /** The upper bound (excluded for real values, included for int_range). */
    public double hi() {
        return hi;
    }

    /** Whether the draws are integers. */
    public boolean isInteger() {
        return kind == Kind.INT_RANGE;
    }

    /** One draw: a {@code Double}, or an {@code Integer} for int_range. */
    public Object sample(Rng rng) {
        switch (kind) {
            case UNIFORM:
                return lo + (hi - lo) * rng.nextDouble();
            case LOG_UNIFORM:
                return Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * rng.nextDouble());
            default:
                return (int) lo + rng.nextInt((int) (hi - lo) + 1);
        }
    }

    /** As written: {@code log_uniform(0.0001, 0.01)}. */
    @Override
    public String toString() {
        if (kind == Kind.INT_RANGE) {
            return kind.text + "(" + (int) lo + ", " + (int) hi + ")";
        }
        return kind.text + "(" + Numbers.plain(lo) + ", " + Numbers.plain(hi) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Distribution && ((Distribution) o).kind == kind
                && Double.compare(((Distribution) o).lo, lo) == 0 && Double.compare(((Distribution) o).hi, hi) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, lo, hi);
    }
}
