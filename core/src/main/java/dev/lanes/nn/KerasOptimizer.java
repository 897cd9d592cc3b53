package dev.lanes.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Keras 3 optimizer configuration: the optimizer's own hyperparameters plus the options every Keras
 * optimizer shares, each changed by an immutable wither:
 *
 * <ul>
 *   <li>{@code weight_decay}: decoupled decay {@code w -= w * weight_decay * lr} of every variable before
 *       the update (0 = off);</li>
 *   <li>{@code clipnorm}: each variable's gradient scaled down to at most this L2 norm, separately;</li>
 *   <li>{@code global_clipnorm}: all gradients scaled together so that their joint L2 norm is at most this;</li>
 *   <li>{@code clipvalue}: each gradient element clipped to {@code [-clipvalue, clipvalue]};</li>
 *   <li>{@code gradient_accumulation_steps}: the weights updated every that many steps, with the mean
 *       gradient of those steps;</li>
 *   <li>{@code use_ema}, {@code ema_momentum}, {@code ema_overwrite_frequency}: a moving average of the
 *       weights, which replaces them at the end of a fit ({@link #withEma(double, int)}).</li>
 * </ul>
 *
 * <p>As in Keras, at most one of the three clipping options can be set. Instances come from
 * {@link Optimizers}; they are immutable, thread-safe and compare equal when name and arguments are equal.
 */
public abstract class KerasOptimizer implements Optimizer {

    static final String KIND = "optimizer";
    private static final double INF = Double.POSITIVE_INFINITY;

    /**
     * The shared options; 0 means "not set" for each number, since a set value must be positive (the
     * moving average's momentum may be 0, so it has its own switch).
     */
    record Shared(double weightDecay, double clipnorm, double clipvalue, double globalClipnorm,
                  int gradientAccumulationSteps, boolean useEma, double emaMomentum, int emaOverwriteFrequency) {
        static final Shared NONE = new Shared(0, 0, 0, 0, 0, false, DEFAULT_EMA_MOMENTUM, 0);

        Shared decay(double w) {
            return new Shared(w, clipnorm, clipvalue, globalClipnorm, gradientAccumulationSteps, useEma, emaMomentum,
                    emaOverwriteFrequency);
        }

        Shared clipping(double norm, double value, double global) {
            return new Shared(weightDecay, norm, value, global, gradientAccumulationSteps, useEma, emaMomentum,
                    emaOverwriteFrequency);
        }

        Shared accumulation(int steps) {
            return new Shared(weightDecay, clipnorm, clipvalue, globalClipnorm, steps, useEma, emaMomentum,
                    emaOverwriteFrequency);
        }

        Shared ema(boolean use, double momentum, int overwriteFrequency) {
            return new Shared(weightDecay, clipnorm, clipvalue, globalClipnorm, gradientAccumulationSteps, use, momentum,
                    overwriteFrequency);
        }
    }

    /** Keras' default {@code ema_momentum}. */
    static final double DEFAULT_EMA_MOMENTUM = 0.99;

    private final String name;
    private final LearningRateSchedule learningRate;
    private final Shared shared;

    KerasOptimizer(String name, LearningRateSchedule learningRate, Shared shared) {
        this.name = name;
        this.learningRate = Objects.requireNonNull(learningRate, "learningRate");
        this.shared = shared;
    }

    /** The same optimizer with other shared options: the subclass copies its own hyperparameters. */
    abstract KerasOptimizer copy(LearningRateSchedule learningRate, Shared shared);

    /** Adds this optimizer's own hyperparameters, by Keras name, in Keras' argument order. */
    abstract void putArguments(Map<String, Object> out);

    /** The state for one run; {@link UpdateState} validates the layout. */
    abstract UpdateState newState(Shared shared, int[] offsets, int[] sizes);

    /** The state for one run over variables of known shapes; only Adafactor uses them. */
    UpdateState newState(Shared shared, int[] offsets, int[] sizes, int[] columns) {
        return newState(shared, offsets, sizes);
    }

    /** Returns {@code value} if in range, else throws naming this optimizer, the argument and the range. */
    final double check(String arg, double value, double lo, boolean loClosed, double hi, boolean hiClosed) {
        return KerasArguments.check(KIND, name, arg, value, lo, loClosed, hi, hiClosed);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final LearningRateSchedule learningRate() {
        return learningRate;
    }

    @Override
    public final KerasOptimizer withLearningRate(LearningRateSchedule lr) {
        return copy(Objects.requireNonNull(lr, "lr"), shared);
    }

    /** This optimizer with the constant learning rate {@code lr >= 0}. */
    public final KerasOptimizer withLearningRate(double lr) {
        check("learning_rate", lr, 0, true, INF, false);
        return copy(LearningRateSchedules.constant(lr), shared);
    }

    /** This optimizer with decoupled weight decay {@code weightDecay >= 0} (0 turns it off). */
    public final KerasOptimizer withWeightDecay(double weightDecay) {
        check("weight_decay", weightDecay, 0, true, INF, false);
        return copy(learningRate, shared.decay(weightDecay));
    }

    /**
     * This optimizer clipping each variable's gradient to L2 norm {@code clipnorm > 0}.
     *
     * @throws IllegalArgumentException when clipvalue or global_clipnorm is already set
     */
    public final KerasOptimizer withClipnorm(double clipnorm) {
        check("clipnorm", clipnorm, 0, false, INF, false);
        onlyClipping("clipnorm", clipnorm, shared.clipvalue == 0 && shared.globalClipnorm == 0);
        return copy(learningRate, shared.clipping(clipnorm, 0, 0));
    }

    /**
     * This optimizer clipping every gradient element to {@code [-clipvalue, clipvalue]}, {@code clipvalue > 0}.
     *
     * @throws IllegalArgumentException when clipnorm or global_clipnorm is already set
     */
    public final KerasOptimizer withClipvalue(double clipvalue) {
        check("clipvalue", clipvalue, 0, false, INF, false);
        onlyClipping("clipvalue", clipvalue, shared.clipnorm == 0 && shared.globalClipnorm == 0);
        return copy(learningRate, shared.clipping(0, clipvalue, 0));
    }

    /**
     * This optimizer scaling all gradients together to joint L2 norm at most {@code globalClipnorm > 0}.
     *
     * @throws IllegalArgumentException when clipnorm or clipvalue is already set
     */
    public final KerasOptimizer withGlobalClipnorm(double globalClipnorm) {
        check("global_clipnorm", globalClipnorm, 0, false, INF, false);
        onlyClipping("global_clipnorm", globalClipnorm, shared.clipnorm == 0 && shared.clipvalue == 0);
        return copy(learningRate, shared.clipping(0, 0, globalClipnorm));
    }

    /**
     * This optimizer updating the weights every {@code steps >= 2} steps only, with the mean of those steps'
     * gradients (Keras' {@code gradient_accumulation_steps}): the steps in between only add up gradients.
     * Clipping and weight decay apply to the mean, at the update; the step count (bias corrections,
     * schedules) still counts every step, as in Keras.
     */
    public final KerasOptimizer withGradientAccumulationSteps(int steps) {
        if (steps < 2) {
            throw new IllegalArgumentException("Invalid value for argument 'gradient_accumulation_steps' of optimizer '"
                    + name + "': " + steps + ". Valid: a whole number >= 2, as in Keras");
        }
        return copy(learningRate, shared.accumulation(steps));
    }

    /**
     * This optimizer keeping an exponential moving average of the weights (Keras' {@code use_ema=True}):
     * after every step {@code average = m * average + (1 - m) * w}, with {@code m = 0} at the first step
     * (the average starts at the weights); at the end of a fit the weights become the average. Validation
     * during the fit sees the weights themselves, as in Keras.
     *
     * @param momentum           Keras' {@code ema_momentum}, in [0, 1]
     * @param overwriteFrequency Keras' {@code ema_overwrite_frequency}: every that many steps the weights
     *                           are also set to the average during the fit; 0 for None (only at the end)
     */
    public final KerasOptimizer withEma(double momentum, int overwriteFrequency) {
        check("ema_momentum", momentum, 0, true, 1, true);
        if (overwriteFrequency < 0) {
            throw new IllegalArgumentException("Invalid value for argument 'ema_overwrite_frequency' of optimizer '"
                    + name + "': " + overwriteFrequency + ". Valid: a whole number >= 1, or None");
        }
        return copy(learningRate, shared.ema(true, momentum, overwriteFrequency));
    }

    /** This optimizer with the moving average of {@link #withEma(double, int)} at Keras' momentum 0.99, overwriting at the end only. */
    public final KerasOptimizer withEma() {
        return withEma(DEFAULT_EMA_MOMENTUM, 0);
    }

    /** Whether the weights' moving average is kept (Keras' {@code use_ema}). */
    public final boolean usesEma() {
        return shared.useEma;
    }

    /** Every how many steps the weights are updated, 0 when every step. */
    public final int gradientAccumulationSteps() {
        return shared.gradientAccumulationSteps;
    }

    /** This optimizer without any gradient clipping. */
    public final KerasOptimizer withoutClipping() {
        return copy(learningRate, shared.clipping(0, 0, 0));
    }

    private void onlyClipping(String arg, double value, boolean othersUnset) {
        if (!othersUnset) {
            throw new IllegalArgumentException("Only one of clipnorm, clipvalue and global_clipnorm can be set, as in "
                    + "Keras; optimizer '" + name + "' already has " + clippingArgument() + ", so " + arg + "="
                    + value + " is refused. Call withoutClipping() first to replace it");
        }
    }

    private String clippingArgument() {
        if (shared.clipnorm != 0) {
            return "clipnorm=" + shared.clipnorm;
        }
        return shared.clipvalue != 0 ? "clipvalue=" + shared.clipvalue : "global_clipnorm=" + shared.globalClipnorm;
    }

    /** The decoupled weight decay, 0 when off. */
    public final double weightDecay() {
        return shared.weightDecay;
    }

    /** The per-variable gradient norm limit, 0 when not set. */
    public final double clipnorm() {
        return shared.clipnorm;
    }

    /** The element-wise gradient limit, 0 when not set. */
    public final double clipvalue() {
        return shared.clipvalue;
    }

    /** The joint gradient norm limit, 0 when not set. */
    public final double globalClipnorm() {
        return shared.globalClipnorm;
    }

    /**
     * The Keras arguments that rebuild this optimizer with {@link Optimizers#create}{@code (name(), arguments())}:
     * {@code learning_rate} (a {@code Double} when constant, else the schedule), the optimizer's own
     * hyperparameters, {@code weight_decay}, and the clipping option if one is set. Unmodifiable.
     */
    public final Map<String, Object> arguments() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("learning_rate", learningRate.isConstant() ? (Object) learningRate.at(0) : learningRate);
        putArguments(out);
        out.put("weight_decay", shared.weightDecay);
        if (shared.clipnorm != 0) {
            out.put("clipnorm", shared.clipnorm);
        }
        if (shared.clipvalue != 0) {
            out.put("clipvalue", shared.clipvalue);
        }
        if (shared.globalClipnorm != 0) {
            out.put("global_clipnorm", shared.globalClipnorm);
        }
        if (shared.gradientAccumulationSteps != 0) {
            out.put("gradient_accumulation_steps", (double) shared.gradientAccumulationSteps);
        }
        if (shared.useEma) {
            out.put("use_ema", true);
            out.put("ema_momentum", shared.emaMomentum);
            if (shared.emaOverwriteFrequency != 0) {
                out.put("ema_overwrite_frequency", (double) shared.emaOverwriteFrequency);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public final OptimizerState start(int[] offsets, int[] sizes) {
        return newState(shared, offsets, sizes);
    }

    @Override
    public final OptimizerState start(int[] offsets, int[] sizes, int[] columns) {
        if (columns.length != sizes.length) {
            throw new IllegalArgumentException("columns and sizes differ in length: " + columns.length + " vs "
                    + sizes.length);
        }
        for (int v = 0; v < columns.length; v++) {
            if (columns[v] < 0 || columns[v] > 0 && sizes[v] % columns[v] != 0) {
                throw new IllegalArgumentException("variable " + v + " of size " + sizes[v] + " cannot have "
                        + columns[v] + " columns");
            }
        }
        return newState(shared, offsets, sizes, columns);
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof KerasOptimizer && name.equals(((KerasOptimizer) o).name)
                && arguments().equals(((KerasOptimizer) o).arguments());
    }

    @Override
    public final int hashCode() {
        return name.hashCode() * 31 + arguments().hashCode();
    }

    /** Keras-like: {@code adam(learning_rate=0.001, beta_1=0.9, ...)}. */
    @Override
    public final String toString() {
        StringBuilder sb = new StringBuilder(name).append('(');
        String sep = "";
        for (Map.Entry<String, Object> e : arguments().entrySet()) {
            sb.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = ", ";
        }
        return sb.append(')').toString();
    }
}
