package dev.lanes.nn;

import dev.lanes.base.Names;
import dev.lanes.base.Signature;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Keras 3 learning-rate schedules ({@code keras.optimizers.schedules}), evaluated in double at the
 * optimizer iteration ({@code step}, 0 for the first step) with Keras' formulas:
 *
 * <ul>
 *   <li>{@code ExponentialDecay}: {@code initial * decay_rate ^ (step / decay_steps)}, the exponent floored
 *       when {@code staircase};</li>
 *   <li>{@code InverseTimeDecay}: {@code initial / (1 + decay_rate * step / decay_steps)}, the quotient
 *       floored when {@code staircase};</li>
 *   <li>{@code PiecewiseConstantDecay}: {@code values[0]} while {@code step <= boundaries[0]},
 *       {@code values[i]} while {@code boundaries[i-1] < step <= boundaries[i]}, then the last value;</li>
 *   <li>{@code PolynomialDecay}: {@code (initial - end) * (1 - s / d) ^ power + end} with
 *       {@code s = min(step, decay_steps)}, {@code d = decay_steps}; when {@code cycle},
 *       {@code s = step} and {@code d = decay_steps * ceil(step / decay_steps)} (1 multiple at step 0);</li>
 *   <li>{@code CosineDecay}: {@code from * ((1 - alpha) * 0.5 * (1 + cos(pi * s / decay_steps)) + alpha)}
 *       with {@code s = min(step, decay_steps)} and {@code from = initial}; with a warmup, the rate first
 *       rises linearly from {@code initial} to {@code warmup_target} over {@code warmup_steps}, then decays
 *       from {@code warmup_target} with {@code s = min(step, warmup_steps + decay_steps) - warmup_steps}.</li>
 *   <li>{@code CosineDecayRestarts} (SGDR): cosine decays that restart, period i lasting
 *       {@code first_decay_steps * t_mul ^ i} steps and starting from {@code m_mul ^ i} times the rate:
 *       {@code initial * ((1 - alpha) * 0.5 * m_mul ^ i * (1 + cos(pi * f)) + alpha)} with f the fraction of
 *       period i done, i and f from Keras' closed form ({@code i = floor(log(1 - c (1 - t_mul)) / log(t_mul))}
 *       for {@code c = step / first_decay_steps}, or {@code floor(c)} when {@code t_mul = 1}).</li>
 * </ul>
 *
 * <p>Rates, decay rates, powers and targets must be finite and {@code >= 0} (Keras does not check; a
 * negative rate is never intended), step counts {@code > 0}, {@code alpha} in {@code [0, 1]}, and
 * {@code t_mul >= 1}: shorter and shorter periods add up to a finite number of steps, after which
 * Keras' formula gives NaN. All
 * schedules are immutable values with {@code equals}.
 */
public final class LearningRateSchedules {

    private static final String KIND = "schedule";
    private static final double INF = Double.POSITIVE_INFINITY;

    private static final Map<String, Signature> SIGNATURES = declare();
    private static final List<String> NAMES = List.copyOf(SIGNATURES.keySet());

    private LearningRateSchedules() {
    }

    /** The Keras class names {@link #create} accepts. */
    public static List<String> names() {
        return NAMES;
    }

    /** The constant rate {@code lr}. */
    public static LearningRateSchedule constant(double lr) {
        return new Constant(KerasArguments.check(KIND, "constant", "learning_rate", lr, 0, true, INF, false));
    }

    /** {@code ExponentialDecay(initial, decay_steps, decay_rate)}, not staircase. */
    public static LearningRateSchedule exponentialDecay(double initialLearningRate, double decaySteps,
                                                        double decayRate) {
        return exponentialDecay(initialLearningRate, decaySteps, decayRate, false);
    }

    /** {@code ExponentialDecay(initial, decay_steps, decay_rate, staircase)}. */
    public static LearningRateSchedule exponentialDecay(double initialLearningRate, double decaySteps,
                                                        double decayRate, boolean staircase) {
        String n = "ExponentialDecay";
        return new ExponentialDecay(initial(n, initialLearningRate), steps(n, "decay_steps", decaySteps),
                KerasArguments.check(KIND, n, "decay_rate", decayRate, 0, true, INF, false), staircase);
    }

    /** {@code InverseTimeDecay(initial, decay_steps, decay_rate)}, not staircase. */
    public static LearningRateSchedule inverseTimeDecay(double initialLearningRate, double decaySteps,
                                                        double decayRate) {
        return inverseTimeDecay(initialLearningRate, decaySteps, decayRate, false);
    }

    /** {@code InverseTimeDecay(initial, decay_steps, decay_rate, staircase)}. */
    public static LearningRateSchedule inverseTimeDecay(double initialLearningRate, double decaySteps,
                                                        double decayRate, boolean staircase) {
        String n = "InverseTimeDecay";
        return new InverseTimeDecay(initial(n, initialLearningRate), steps(n, "decay_steps", decaySteps),
                KerasArguments.check(KIND, n, "decay_rate", decayRate, 0, true, INF, false), staircase);
    }

    /**
     * {@code PiecewiseConstantDecay(boundaries, values)}: boundaries strictly increasing, one more value
     * than boundaries.
     */
    public static LearningRateSchedule piecewiseConstantDecay(long[] boundaries, double[] values) {
        String n = "PiecewiseConstantDecay";
        if (values.length != boundaries.length + 1) {
            throw new IllegalArgumentException(n + " needs one more value than boundaries, got "
                    + boundaries.length + " boundaries " + Arrays.toString(boundaries) + " and " + values.length
                    + " values " + Arrays.toString(values));
        }
        for (int i = 1; i < boundaries.length; i++) {
            if (boundaries[i] <= boundaries[i - 1]) {
                throw new IllegalArgumentException(n + " boundaries must be strictly increasing, got "
                        + Arrays.toString(boundaries));
            }
        }
        for (double v : values) {
            KerasArguments.check(KIND, n, "values", v, 0, true, INF, false);
        }
        return new PiecewiseConstantDecay(boundaries.clone(), values.clone());
    }

    /** {@code PolynomialDecay(initial, decay_steps)}: end rate 1e-4, power 1, no cycle. */
    public static LearningRateSchedule polynomialDecay(double initialLearningRate, double decaySteps) {
        return polynomialDecay(initialLearningRate, decaySteps, 1e-4, 1, false);
    }

    /** {@code PolynomialDecay(initial, decay_steps, end_learning_rate, power, cycle)}. */
    public static LearningRateSchedule polynomialDecay(double initialLearningRate, double decaySteps,
                                                       double endLearningRate, double power, boolean cycle) {
        String n = "PolynomialDecay";
        return new PolynomialDecay(initial(n, initialLearningRate), steps(n, "decay_steps", decaySteps),
                KerasArguments.check(KIND, n, "end_learning_rate", endLearningRate, 0, true, INF, false),
                KerasArguments.check(KIND, n, "power", power, 0, true, INF, false), cycle);
    }

    /** {@code CosineDecay(initial, decay_steps)}: alpha 0, no warmup. */
    public static LearningRateSchedule cosineDecay(double initialLearningRate, double decaySteps) {
        return cosineDecay(initialLearningRate, decaySteps, 0);
    }

    /** {@code CosineDecay(initial, decay_steps, alpha)}, no warmup. */
    public static LearningRateSchedule cosineDecay(double initialLearningRate, double decaySteps, double alpha) {
        String n = "CosineDecay";
        return new CosineDecay(initial(n, initialLearningRate), steps(n, "decay_steps", decaySteps),
                KerasArguments.check(KIND, n, "alpha", alpha, 0, true, 1, true), Double.NaN, 0);
    }

    /**
     * {@code CosineDecay(initial, decay_steps, alpha, warmup_target=..., warmup_steps=...)}: a linear warmup
     * from {@code initial} to {@code warmupTarget}, then the cosine decay from {@code warmupTarget}.
     */
    public static LearningRateSchedule cosineDecay(double initialLearningRate, double decaySteps, double alpha,
                                                   double warmupTarget, double warmupSteps) {
        String n = "CosineDecay";
        return new CosineDecay(initial(n, initialLearningRate), steps(n, "decay_steps", decaySteps),
                KerasArguments.check(KIND, n, "alpha", alpha, 0, true, 1, true),
                KerasArguments.check(KIND, n, "warmup_target", warmupTarget, 0, true, INF, false),
                KerasArguments.check(KIND, n, "warmup_steps", warmupSteps, 0, true, INF, false));
    }

    /** {@code CosineDecayRestarts(initial, first_decay_steps)}: Keras' defaults t_mul 2, m_mul 1, alpha 0. */
    public static LearningRateSchedule cosineDecayRestarts(double initialLearningRate, double firstDecaySteps) {
        return cosineDecayRestarts(initialLearningRate, firstDecaySteps, 2, 1, 0);
    }

    /**
     * {@code CosineDecayRestarts(initial, first_decay_steps, t_mul, m_mul, alpha)}: period i lasts
     * {@code firstDecaySteps * tMul^i} steps and starts from {@code mMul^i} times the initial rate.
     */
    public static LearningRateSchedule cosineDecayRestarts(double initialLearningRate, double firstDecaySteps,
                                                           double tMul, double mMul, double alpha) {
        String n = "CosineDecayRestarts";
        return new CosineDecayRestarts(initial(n, initialLearningRate), steps(n, "first_decay_steps", firstDecaySteps),
                KerasArguments.check(KIND, n, "t_mul", tMul, 1, true, INF, false),
                KerasArguments.check(KIND, n, "m_mul", mMul, 0, true, INF, false),
                KerasArguments.check(KIND, n, "alpha", alpha, 0, true, 1, true));
    }

    /**
     * A schedule by Keras class name (case-insensitive, e.g. {@code ExponentialDecay}) and Keras argument
     * names, e.g. {@code ("CosineDecay", {initial_learning_rate: 0.1, decay_steps: 1000, alpha: 0.01})}.
     * {@code boundaries} and {@code values} take a {@code List} of numbers or a primitive array.
     *
     * @throws IllegalArgumentException for an unknown name (with the closest valid name), an argument the
     *                                  schedule does not take (with those it takes), a missing required
     *                                  argument or an invalid value (with the valid range)
     */
    public static LearningRateSchedule create(String kerasName, Map<String, ?> args) {
        String name = canonical(kerasName);
        KerasArguments a = new KerasArguments(KIND, SIGNATURES.get(name), args);
        switch (name) {
            case "ExponentialDecay":
                return exponentialDecay(a.number("initial_learning_rate"), a.number("decay_steps"), a.number("decay_rate"),
                        a.bool("staircase"));
            case "InverseTimeDecay":
                return inverseTimeDecay(a.number("initial_learning_rate"), a.number("decay_steps"), a.number("decay_rate"),
                        a.bool("staircase"));
            case "PiecewiseConstantDecay":
                return piecewiseConstantDecay(wholeNumbers(name, a.numbers("boundaries")), a.numbers("values"));
            case "PolynomialDecay":
                return polynomialDecay(a.number("initial_learning_rate"), a.number("decay_steps"),
                        a.number("end_learning_rate"), a.number("power"), a.bool("cycle"));
            case "CosineDecay":
                if (!a.has("warmup_target")) {
                    // Keras ignores warmup_steps without a warmup target.
                    return cosineDecay(a.number("initial_learning_rate"), a.number("decay_steps"), a.number("alpha"));
                }
                return cosineDecay(a.number("initial_learning_rate"), a.number("decay_steps"), a.number("alpha"),
                        a.number("warmup_target"), a.number("warmup_steps"));
            case "CosineDecayRestarts":
                return cosineDecayRestarts(a.number("initial_learning_rate"), a.number("first_decay_steps"),
                        a.number("t_mul"), a.number("m_mul"), a.number("alpha"));
            default:
                throw new IllegalStateException(name);
        }
    }

    /** Every schedule's signature: its Keras class name and arguments with Keras' defaults, names sorted. */
    public static List<Signature> signatures() {
        return List.copyOf(SIGNATURES.values());
    }

    private static Map<String, Signature> declare() {
        Object r = Signature.REQUIRED;
        Map<String, Signature> m = new TreeMap<>();
        m.put("CosineDecay", Signature.of("CosineDecay", "initial_learning_rate", r, "decay_steps", r, "alpha", 0.0,
                "warmup_target", Signature.NONE, "warmup_steps", 0.0));
        m.put("CosineDecayRestarts", Signature.of("CosineDecayRestarts", "initial_learning_rate", r, "first_decay_steps", r,
                "t_mul", 2.0, "m_mul", 1.0, "alpha", 0.0));
        m.put("ExponentialDecay", Signature.of("ExponentialDecay", "initial_learning_rate", r, "decay_steps", r,
                "decay_rate", r, "staircase", false));
        m.put("InverseTimeDecay", Signature.of("InverseTimeDecay", "initial_learning_rate", r, "decay_steps", r,
                "decay_rate", r, "staircase", false));
        m.put("PiecewiseConstantDecay", Signature.of("PiecewiseConstantDecay", "boundaries", r, "values", r));
        m.put("PolynomialDecay", Signature.of("PolynomialDecay", "initial_learning_rate", r, "decay_steps", r,
                "end_learning_rate", 1e-4, "power", 1.0, "cycle", false));
        return Collections.unmodifiableMap(m);
    }

    private static String canonical(String kerasName) {
        return Names.canonical(KIND, kerasName, NAMES);
    }

    private static long[] wholeNumbers(String owner, double[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != Math.rint(values[i]) || Double.isInfinite(values[i])) {
                throw new IllegalArgumentException("Argument 'boundaries' of " + KIND + " '" + owner
                        + "' must hold whole step numbers, got " + values[i]);
            }
            out[i] = (long) values[i];
        }
        return out;
    }

    private static double initial(String owner, double lr) {
        return KerasArguments.check(KIND, owner, "initial_learning_rate", lr, 0, true, INF, false);
    }

    private static double steps(String owner, String arg, double steps) {
        return KerasArguments.check(KIND, owner, arg, steps, 0, false, INF, false);
    }

    private record Constant(double value) implements LearningRateSchedule {
        @Override
        public double at(long step) {
            return value;
        }

        @Override
        public boolean isConstant() {
            return true;
        }

        @Override
        public String toString() {
            return Double.toString(value);
        }
    }

    private record ExponentialDecay(double initialLearningRate, double decaySteps, double decayRate,
                                    boolean staircase) implements LearningRateSchedule {
        @Override
        public double at(long step) {
            double p = step / decaySteps;
            if (staircase) {
                p = Math.floor(p);
            }
            return initialLearningRate * Math.pow(decayRate, p);
        }
    }

    private record InverseTimeDecay(double initialLearningRate, double decaySteps, double decayRate,
                                    boolean staircase) implements LearningRateSchedule {
        @Override
        public double at(long step) {
            double p = step / decaySteps;
            if (staircase) {
                p = Math.floor(p);
            }
            return initialLearningRate / (1 + decayRate * p);
        }
    }

    private record PiecewiseConstantDecay(long[] boundaries, double[] values) implements LearningRateSchedule {
        @Override
        public double at(long step) {
            int i = 0;
            while (i < boundaries.length && step > boundaries[i]) {
                i++;
            }
            return values[i];
        }

        // The record's own equals would compare the arrays by identity.
        @Override
        public boolean equals(Object o) {
            return o instanceof PiecewiseConstantDecay
                    && Arrays.equals(boundaries, ((PiecewiseConstantDecay) o).boundaries)
                    && Arrays.equals(values, ((PiecewiseConstantDecay) o).values);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(boundaries) + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "PiecewiseConstantDecay[boundaries=" + Arrays.toString(boundaries) + ", values="
                    + Arrays.toString(values) + "]";
        }
    }

    private record PolynomialDecay(double initialLearningRate, double decaySteps, double endLearningRate,
                                   double power, boolean cycle) implements LearningRateSchedule {
        @Override
        public double at(long step) {
            double s = step;
            double d = decaySteps;
            if (cycle) {
                d *= step == 0 ? 1 : Math.ceil(s / decaySteps);
            } else {
                s = Math.min(s, d);
            }
            return (initialLearningRate - endLearningRate) * Math.pow(1 - s / d, power) + endLearningRate;
        }
    }

    /** {@code warmupTarget} NaN means no warmup, as Keras' {@code warmup_target=None}. */
    private record CosineDecay(double initialLearningRate, double decaySteps, double alpha, double warmupTarget,
                               double warmupSteps) implements LearningRateSchedule {
        @Override
        public double at(long step) {
            if (Double.isNaN(warmupTarget)) {
                return decayed(Math.min(step, decaySteps), initialLearningRate);
            }
            double s = Math.min(step, decaySteps + warmupSteps);
            if (s < warmupSteps) {
                return (warmupTarget - initialLearningRate) * (s / warmupSteps) + initialLearningRate;
            }
            return decayed(s - warmupSteps, warmupTarget);
        }

        private double decayed(double s, double from) {
            double cosine = 0.5 * (1 + Math.cos(Math.PI * s / decaySteps));
            return from * ((1 - alpha) * cosine + alpha);
        }
    }

    private record CosineDecayRestarts(double initialLearningRate, double firstDecaySteps, double tMul, double mMul,
                                       double alpha) implements LearningRateSchedule {
        @Override
        public double at(long step) {
            double completed = step / firstDecaySteps;
            double restart;
            if (tMul == 1) {
                restart = Math.floor(completed);
                completed -= restart;
            } else {
                // Periods 1, t, t^2, ...: the number done and the fraction of the current one, in closed form.
                restart = Math.floor(Math.log(1 - completed * (1 - tMul)) / Math.log(tMul));
                double done = (1 - Math.pow(tMul, restart)) / (1 - tMul);
                completed = (completed - done) / Math.pow(tMul, restart);
            }
            double cosine = 0.5 * Math.pow(mMul, restart) * (1 + Math.cos(Math.PI * completed));
            return initialLearningRate * ((1 - alpha) * cosine + alpha);
        }
    }
}
