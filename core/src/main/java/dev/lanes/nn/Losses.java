package dev.lanes.nn;

import dev.lanes.base.Names;
import dev.lanes.base.Signature;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Keras regression losses, element-wise and averaged over every element of the batch as Keras'
 * default {@code sum_over_batch_size} reduction does.
 *
 * <p>Values and gradients are accumulated in double. Where a loss has a kink, the gradient is the
 * subgradient TensorFlow's autodiff produces, so training follows the same path as Keras on the
 * TensorFlow backend: {@code |x|} has slope {@code sign(x)} with {@code sign(0) = 0}, and
 * {@code maximum(x, c)} passes the gradient to {@code x} only where {@code x >= c}.
 *
 * <p>A NaN in a prediction or a target makes the mean loss NaN and the gradient of that element NaN;
 * no loss turns a NaN into a number.
 */
public final class Losses {

    /**
     * Keras' {@code backend.epsilon()}. Keras applies it to float32 tensors, so the constant that takes
     * effect is {@code 1e-7} rounded to float; using that value makes clipped results agree with Keras.
     */
    private static final double EPSILON = 1e-7f;

    private static final double LOG_2 = Math.log(2);

    private static final Loss MEAN_SQUARED_ERROR = new MeanSquaredError();
    private static final Loss MEAN_ABSOLUTE_ERROR = new MeanAbsoluteError();
    private static final Loss MEAN_ABSOLUTE_PERCENTAGE_ERROR = new MeanAbsolutePercentageError();
    private static final Loss MEAN_SQUARED_LOGARITHMIC_ERROR = new MeanSquaredLogarithmicError();
    private static final Loss HUBER = new Huber(1.0);
    private static final Loss LOG_COSH = new LogCosh();

    /** Every accepted name, canonical Keras name first, then its Keras aliases; order is the message order. */
    private static final Map<String, Loss> BY_NAME = byName();
    /** The arguments of each loss by its {@link Loss#name()}, in the order of {@link #BY_NAME}. */
    private static final Map<String, Signature> SIGNATURES = declare();

    private Losses() {
    }

    private static Map<String, Signature> declare() {
        Map<String, Signature> m = new LinkedHashMap<>();
        for (Loss loss : new LinkedHashSet<>(BY_NAME.values())) {
            m.put(loss.name(), loss == HUBER ? Signature.of("huber", "delta", ((Huber) HUBER).delta) : Signature.of(loss.name()));
        }
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, Loss> byName() {
        Map<String, Loss> m = new LinkedHashMap<>();
        m.put("mean_squared_error", MEAN_SQUARED_ERROR);
        m.put("mse", MEAN_SQUARED_ERROR);
        m.put("MSE", MEAN_SQUARED_ERROR);
        m.put("mean_absolute_error", MEAN_ABSOLUTE_ERROR);
        m.put("mae", MEAN_ABSOLUTE_ERROR);
        m.put("MAE", MEAN_ABSOLUTE_ERROR);
        m.put("mean_absolute_percentage_error", MEAN_ABSOLUTE_PERCENTAGE_ERROR);
        m.put("mape", MEAN_ABSOLUTE_PERCENTAGE_ERROR);
        m.put("MAPE", MEAN_ABSOLUTE_PERCENTAGE_ERROR);
        m.put("mean_squared_logarithmic_error", MEAN_SQUARED_LOGARITHMIC_ERROR);
        m.put("msle", MEAN_SQUARED_LOGARITHMIC_ERROR);
        m.put("MSLE", MEAN_SQUARED_LOGARITHMIC_ERROR);
        m.put("huber", HUBER);
        m.put("log_cosh", LOG_COSH);
        // Keras 2 spelling, still common in saved configurations.
        m.put("logcosh", LOG_COSH);
        return Collections.unmodifiableMap(m);
    }

    /** {@code mean((p - y)^2)}. */
    public static Loss meanSquaredError() {
        return MEAN_SQUARED_ERROR;
    }

    /** {@code mean(|p - y|)}; the gradient at {@code p == y} is 0. */
    public static Loss meanAbsoluteError() {
        return MEAN_ABSOLUTE_ERROR;
    }

    /**
     * {@code 100 * mean(|(y - p) / max(|y|, 1e-7)|)}, as Keras computes it: a zero target does not divide
     * by zero but weighs its error by {@code 1e7}. The gradient at {@code p == y} is 0.
     */
    public static Loss meanAbsolutePercentageError() {
        return MEAN_ABSOLUTE_PERCENTAGE_ERROR;
    }

    /**
     * {@code mean((log(max(p, 1e-7) + 1) - log(max(y, 1e-7) + 1))^2)}, as Keras clips it: predictions
     * below {@code 1e-7} (including negative ones) count as {@code 1e-7} and get a zero gradient.
     */
    public static Loss meanSquaredLogarithmicError() {
        return MEAN_SQUARED_LOGARITHMIC_ERROR;
    }

    /** Huber loss with Keras' default {@code delta = 1}. */
    public static Loss huber() {
        return HUBER;
    }

    /**
     * Huber loss: {@code 0.5 e^2} where {@code |e| <= delta}, else {@code delta |e| - 0.5 delta^2}, with
     * {@code e = p - y}. Its {@link Loss#name()} is {@code huber} whatever the delta, as in Keras.
     *
     * @throws IllegalArgumentException when {@code delta} is not a finite number {@code > 0}
     */
    public static Loss huber(double delta) {
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("Huber delta must be a finite number > 0 but was " + delta);
        }
        return delta == 1.0 ? HUBER : new Huber(delta);
    }

    /** {@code mean(log(cosh(p - y)))}, computed without overflow for any finite error. */
    public static Loss logCosh() {
        return LOG_COSH;
    }

    /**
     * The loss Keras' {@code keras.losses.get(name)} returns for a string: a Keras function name or one
     * of its aliases ({@code mse}, {@code MSE}, {@code mae}, ..., {@code logcosh}), by the name rule of
     * {@link Names} (case and underscores aside, so the class name {@code MeanSquaredError} is one too).
     *
     * @throws IllegalArgumentException for any other name; the message suggests the closest valid name
     *                                  and lists them all
     */
    public static Loss fromKerasName(String name) {
        Objects.requireNonNull(name, "loss name");
        return BY_NAME.get(Names.canonical("loss", name, BY_NAME.keySet()));
    }

    /**
     * A loss by name ({@link #fromKerasName}) with Keras' keyword arguments: {@code huber(delta)}; the
     * others take none.
     *
     * @throws IllegalArgumentException for an unknown name, an argument the loss does not take, or a
     *                                  {@code delta} that is not a finite number &gt; 0
     */
    public static Loss create(String name, Map<String, ?> args) {
        Loss loss = fromKerasName(name);
        KerasArguments a = new KerasArguments("loss", SIGNATURES.get(loss.name()), args);
        return loss == HUBER ? huber(KerasArguments.check("loss", loss.name(), "delta", a.number("delta"), 0, false,
                Double.POSITIVE_INFINITY, false)) : loss;
    }

    /** Every loss's signature: its Keras function name and arguments with Keras' defaults. */
    public static List<Signature> signatures() {
        return List.copyOf(SIGNATURES.values());
    }

    /**
     * A loss that is the mean of a per-element function of (prediction, target); subclasses give the
     * function and its derivative with respect to the prediction.
     */
    private abstract static class Elementwise implements Loss {

        private final String name;

        Elementwise(String name) {
            this.name = name;
        }

        abstract double loss(double p, double y);

        abstract double slope(double p, double y);

        @Override
        public final double value(float[] predicted, int pOff, float[] target, int tOff, int n) {
            checkCount(n);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += loss(predicted[pOff + i], target[tOff + i]);
            }
            return sum / n;
        }

        @Override
        public final double gradient(float[] predicted, int pOff, float[] target, int tOff, int n,
                                     float[] grad, int gOff) {
            checkCount(n);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double p = predicted[pOff + i];
                double y = target[tOff + i];
                sum += loss(p, y);
                grad[gOff + i] = (float) (slope(p, y) / n);
            }
            return sum / n;
        }

        private static void checkCount(int n) {
            if (n <= 0) {
                throw new IllegalArgumentException("A loss needs at least one element but n was " + n);
            }
        }

        @Override
        public final String name() {
            return name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final class MeanSquaredError extends Elementwise {
        MeanSquaredError() {
            super("mean_squared_error");
        }

        @Override
        double loss(double p, double y) {
            double e = p - y;
            return e * e;
        }

        @Override
        double slope(double p, double y) {
            return 2 * (p - y);
        }
    }

    private static final class MeanAbsoluteError extends Elementwise {
        MeanAbsoluteError() {
            super("mean_absolute_error");
        }

        @Override
        double loss(double p, double y) {
            return Math.abs(p - y);
        }

        @Override
        double slope(double p, double y) {
            return Math.signum(p - y);
        }
    }

    private static final class MeanAbsolutePercentageError extends Elementwise {
        MeanAbsolutePercentageError() {
            super("mean_absolute_percentage_error");
        }

        @Override
        double loss(double p, double y) {
            return 100 * Math.abs(p - y) / Math.max(Math.abs(y), EPSILON);
        }

        @Override
        double slope(double p, double y) {
            // The clip acts on the target only, so no prediction falls into a flat region.
            return 100 * Math.signum(p - y) / Math.max(Math.abs(y), EPSILON);
        }
    }

    private static final class MeanSquaredLogarithmicError extends Elementwise {
        MeanSquaredLogarithmicError() {
            super("mean_squared_logarithmic_error");
        }

        @Override
        double loss(double p, double y) {
            double d = Math.log1p(Math.max(p, EPSILON)) - Math.log1p(Math.max(y, EPSILON));
            return d * d;
        }

        @Override
        double slope(double p, double y) {
            double d = Math.log1p(Math.max(p, EPSILON)) - Math.log1p(Math.max(y, EPSILON));
            if (p < EPSILON) {
                // The clipped region is flat, but a NaN target must still give NaN. (A NaN prediction
                // fails "p < EPSILON" and takes the formula below, which gives NaN.)
                return Double.isNaN(d) ? d : 0;
            }
            return 2 * d / (1 + p);
        }
    }

    private static final class Huber extends Elementwise {
        private final double delta;

        Huber(double delta) {
            super("huber");
            this.delta = delta;
        }

        @Override
        double loss(double p, double y) {
            double e = p - y;
            double a = Math.abs(e);
            return a <= delta ? 0.5 * e * e : delta * a - 0.5 * delta * delta;
        }

        @Override
        double slope(double p, double y) {
            double e = p - y;
            return Math.abs(e) <= delta ? e : delta * Math.signum(e);
        }

        @Override
        public String toString() {
            return "huber(delta=" + delta + ")";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Huber h && Double.compare(h.delta, delta) == 0;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(delta);
        }
    }

    private static final class LogCosh extends Elementwise {
        LogCosh() {
            super("log_cosh");
        }

        @Override
        double loss(double p, double y) {
            double a = Math.abs(p - y);
            if (a < 1) {
                // log(cosh x) = log1p(2 sinh^2(x/2)): no cancellation, so small errors keep their
                // relative precision where Keras' x + softplus(-2x) - log 2 loses it.
                double s = Math.sinh(0.5 * a);
                return Math.log1p(2 * s * s);
            }
            // Keras' form x + softplus(-2x) - log 2, using that log cosh is even: exp never overflows.
            return a + Math.log1p(Math.exp(-2 * a)) - LOG_2;
        }

        @Override
        double slope(double p, double y) {
            return Math.tanh(p - y);
        }
    }
}
