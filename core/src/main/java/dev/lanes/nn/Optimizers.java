package dev.lanes.nn;

import dev.lanes.base.Names;
import dev.lanes.base.Signature;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Keras 3 optimizers with Keras' defaults, by typed factory or by Keras name and arguments. Each
 * optimizer's arguments and defaults are declared once, in {@link #signatures()} (listed in
 * {@code docs/keras-reference.md}): sgd, rmsprop, adam, adamw (adam's, plus weight_decay 0.004),
 * adadelta, adagrad, adamax, nadam, lion, lamb, ftrl and adafactor.
 *
 * <p>Every optimizer also takes the shared options {@code weight_decay}, {@code clipnorm},
 * {@code clipvalue} and {@code global_clipnorm} (see {@link KerasOptimizer}). Valid ranges: learning rate
 * and weight decay {@code >= 0}; momentum in {@code [0, 1]}; rho and the Adam-family betas in {@code [0, 1)};
 * lion's {@code beta_1} in {@code (0, 1]} (Keras' check) and {@code beta_2} in {@code [0, 1]}; clipping
 * limits {@code > 0}; epsilon {@code > 0} (Keras accepts 0, which turns the first update of a zero gradient
 * into 0/0). Violations fail naming the argument, the value and the range.
 */
public final class Optimizers {

    /** Each optimizer's own arguments with Keras' defaults, in Keras' constructor order; names sorted. */
    private static final Map<String, Signature> OWN = own();
    /** The arguments every optimizer takes after its own. */
    private static final Map<String, Object> SHARED = Signature.of("shared", "weight_decay", 0.0, "clipnorm", Signature.NONE,
            "clipvalue", Signature.NONE, "global_clipnorm", Signature.NONE, "gradient_accumulation_steps", Signature.NONE,
            "use_ema", false, "ema_momentum", KerasOptimizer.DEFAULT_EMA_MOMENTUM, "ema_overwrite_frequency", Signature.NONE)
            .arguments();
    private static final List<String> NAMES = List.copyOf(OWN.keySet());

    private static Map<String, Signature> own() {
        Map<String, Signature> m = new TreeMap<>();
        Object[] adam = {"learning_rate", 1e-3, "beta_1", 0.9, "beta_2", 0.999, "epsilon", 1e-7};
        m.put("sgd", Signature.of("sgd", "learning_rate", 0.01, "momentum", 0.0, "nesterov", false));
        m.put("rmsprop", Signature.of("rmsprop", "learning_rate", 1e-3, "rho", 0.9, "momentum", 0.0, "epsilon", 1e-7,
                "centered", false));
        m.put("adam", Signature.of("adam", concat(adam, "amsgrad", false)));
        m.put("adamw", Signature.of("adamw", concat(new Object[] {"learning_rate", 1e-3, "weight_decay", 0.004, "beta_1", 0.9,
            "beta_2", 0.999, "epsilon", 1e-7}, "amsgrad", false)));
        m.put("adadelta", Signature.of("adadelta", "learning_rate", 1e-3, "rho", 0.95, "epsilon", 1e-7));
        m.put("adagrad", Signature.of("adagrad", "learning_rate", 1e-3, "initial_accumulator_value", 0.1, "epsilon", 1e-7));
        m.put("adamax", Signature.of("adamax", adam));
        m.put("nadam", Signature.of("nadam", adam));
        m.put("lion", Signature.of("lion", "learning_rate", 1e-3, "beta_1", 0.9, "beta_2", 0.99));
        m.put("lamb", Signature.of("lamb", adam));
        m.put("adafactor", Signature.of("adafactor", "learning_rate", 1e-3, "beta_2_decay", -0.8, "epsilon_1", 1e-30,
                "epsilon_2", 1e-3, "clip_threshold", 1.0, "relative_step", true));
        m.put("ftrl", Signature.of("ftrl", "learning_rate", 1e-3, "learning_rate_power", -0.5, "initial_accumulator_value", 0.1,
                "l1_regularization_strength", 0.0, "l2_regularization_strength", 0.0, "l2_shrinkage_regularization_strength", 0.0,
                "beta", 0.0));
        return Collections.unmodifiableMap(m);
    }

    private static Object[] concat(Object[] a, Object... b) {
        Object[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private Optimizers() {
    }

    /** The Keras names {@link #create} accepts. */
    public static List<String> names() {
        return NAMES;
    }

    /** Every optimizer's signature: its own arguments, then the shared ones, with Keras' defaults; names sorted. */
    public static List<Signature> signatures() {
        return NAMES.stream().map(Optimizers::signature).toList();
    }

    private static Signature signature(String name) {
        return OWN.get(name).with(SHARED);
    }

    /** {@code SGD()}: learning rate 0.01, no momentum. */
    public static KerasOptimizer sgd() {
        return create("sgd", Map.of());
    }

    /** {@code SGD(learning_rate, momentum, nesterov)}. */
    public static KerasOptimizer sgd(double learningRate, double momentum, boolean nesterov) {
        return new SgdOptimizer(lr("sgd", learningRate), KerasOptimizer.Shared.NONE, momentum, nesterov);
    }

    /** {@code RMSprop()} with Keras' defaults. */
    public static KerasOptimizer rmsprop() {
        return create("rmsprop", Map.of());
    }

    /** {@code RMSprop(learning_rate, rho, momentum, epsilon, centered)}. */
    public static KerasOptimizer rmsprop(double learningRate, double rho, double momentum, double epsilon,
                                        boolean centered) {
        return new RmspropOptimizer(lr("rmsprop", learningRate), KerasOptimizer.Shared.NONE, rho, momentum,
                epsilon, centered);
    }

    /** {@code Adam()} with Keras' defaults. */
    public static KerasOptimizer adam() {
        return create("adam", Map.of());
    }

    /** {@code Adam(learning_rate, beta_1, beta_2, epsilon, amsgrad)}. */
    public static KerasOptimizer adam(double learningRate, double beta1, double beta2, double epsilon,
                                     boolean amsgrad) {
        return new AdamOptimizer("adam", lr("adam", learningRate), KerasOptimizer.Shared.NONE, beta1, beta2,
                epsilon, amsgrad);
    }

    /** {@code AdamW()}: Adam's defaults plus weight decay 0.004. */
    public static KerasOptimizer adamw() {
        return create("adamw", Map.of());
    }

    /** {@code AdamW(learning_rate, weight_decay, beta_1, beta_2, epsilon, amsgrad)}. */
    public static KerasOptimizer adamw(double learningRate, double weightDecay, double beta1, double beta2,
                                      double epsilon, boolean amsgrad) {
        return new AdamOptimizer("adamw", lr("adamw", learningRate), KerasOptimizer.Shared.NONE, beta1, beta2,
                epsilon, amsgrad).withWeightDecay(weightDecay);
    }

    /** {@code Adadelta()} with Keras' defaults. */
    public static KerasOptimizer adadelta() {
        return create("adadelta", Map.of());
    }

    /** {@code Adadelta(learning_rate, rho, epsilon)}. */
    public static KerasOptimizer adadelta(double learningRate, double rho, double epsilon) {
        return new AdadeltaOptimizer(lr("adadelta", learningRate), KerasOptimizer.Shared.NONE, rho, epsilon);
    }

    /** {@code Adagrad()} with Keras' defaults. */
    public static KerasOptimizer adagrad() {
        return create("adagrad", Map.of());
    }

    /** {@code Adagrad(learning_rate, initial_accumulator_value, epsilon)}. */
    public static KerasOptimizer adagrad(double learningRate, double initialAccumulatorValue, double epsilon) {
        return new AdagradOptimizer(lr("adagrad", learningRate), KerasOptimizer.Shared.NONE,
                initialAccumulatorValue, epsilon);
    }

    /** {@code Adamax()} with Keras' defaults. */
    public static KerasOptimizer adamax() {
        return create("adamax", Map.of());
    }

    /** {@code Adamax(learning_rate, beta_1, beta_2, epsilon)}. */
    public static KerasOptimizer adamax(double learningRate, double beta1, double beta2, double epsilon) {
        return new AdamaxOptimizer(lr("adamax", learningRate), KerasOptimizer.Shared.NONE, beta1, beta2, epsilon);
    }

    /** {@code Nadam()} with Keras' defaults. */
    public static KerasOptimizer nadam() {
        return create("nadam", Map.of());
    }

    /** {@code Nadam(learning_rate, beta_1, beta_2, epsilon)}. */
    public static KerasOptimizer nadam(double learningRate, double beta1, double beta2, double epsilon) {
        return new NadamOptimizer(lr("nadam", learningRate), KerasOptimizer.Shared.NONE, beta1, beta2, epsilon);
    }

    /** {@code Ftrl()} with Keras' defaults: learning_rate_power -0.5, initial accumulator 0.1, no regularization. */
    public static KerasOptimizer ftrl() {
        return create("ftrl", Map.of());
    }

    /** {@code Lamb()} with Keras' defaults. */
    public static KerasOptimizer lamb() {
        return create("lamb", Map.of());
    }

    /** {@code Lamb(learning_rate, beta_1, beta_2, epsilon)}: Adam's step scaled per variable by ||w|| / ||step||. */
    public static KerasOptimizer lamb(double learningRate, double beta1, double beta2, double epsilon) {
        return new LambOptimizer(lr("lamb", learningRate), KerasOptimizer.Shared.NONE, beta1, beta2, epsilon);
    }

    /** {@code Adafactor()} with Keras' defaults: learning_rate 0.001, beta_2_decay -0.8, epsilon_1 1e-30, epsilon_2 1e-3, clip_threshold 1. */
    public static KerasOptimizer adafactor() {
        return create("adafactor", Map.of());
    }

    /** {@code Lion()} with Keras' defaults. */
    public static KerasOptimizer lion() {
        return create("lion", Map.of());
    }

    /** {@code Lion(learning_rate, beta_1, beta_2)}. */
    public static KerasOptimizer lion(double learningRate, double beta1, double beta2) {
        return new LionOptimizer(lr("lion", learningRate), KerasOptimizer.Shared.NONE, beta1, beta2);
    }

    /**
     * An optimizer by Keras name (case-insensitive, so Keras class names such as {@code RMSprop} work too)
     * and Keras argument names, e.g. {@code ("sgd", {learning_rate: 0.01, momentum: 0.9})}. Numbers may be
     * any {@link Number}; {@code learning_rate} may also be a {@link LearningRateSchedule}; flags are
     * {@link Boolean}s; a {@code null} value or a missing argument takes the Keras default.
     *
     * @throws IllegalArgumentException for an unknown name (with the closest valid name and all valid
     *                                  names), an argument the optimizer does not take (with those it takes),
     *                                  a value of the wrong type, an invalid value (with the valid range), or
     *                                  more than one clipping option
     */
    public static KerasOptimizer create(String kerasName, Map<String, ?> args) {
        String name = Names.canonical(KerasOptimizer.KIND, kerasName, NAMES);
        KerasArguments a = new KerasArguments(KerasOptimizer.KIND, signature(name), args);
        LearningRateSchedule lr = a.learningRate("learning_rate");
        KerasOptimizer.Shared none = KerasOptimizer.Shared.NONE;
        KerasOptimizer o = switch (name) {
            case "sgd" -> new SgdOptimizer(lr, none, a.number("momentum"), a.bool("nesterov"));
            case "rmsprop" -> new RmspropOptimizer(lr, none, a.number("rho"), a.number("momentum"), a.number("epsilon"),
                    a.bool("centered"));
            case "adam", "adamw" -> new AdamOptimizer(name, lr, none, a.number("beta_1"), a.number("beta_2"),
                    a.number("epsilon"), a.bool("amsgrad"));
            case "adadelta" -> new AdadeltaOptimizer(lr, none, a.number("rho"), a.number("epsilon"));
            case "adagrad" -> new AdagradOptimizer(lr, none, a.number("initial_accumulator_value"), a.number("epsilon"));
            case "adamax" -> new AdamaxOptimizer(lr, none, a.number("beta_1"), a.number("beta_2"), a.number("epsilon"));
            case "nadam" -> new NadamOptimizer(lr, none, a.number("beta_1"), a.number("beta_2"), a.number("epsilon"));
            case "lion" -> new LionOptimizer(lr, none, a.number("beta_1"), a.number("beta_2"));
            case "ftrl" -> new FtrlOptimizer(lr, none, a.number("learning_rate_power"), a.number("initial_accumulator_value"),
                    a.number("l1_regularization_strength"), a.number("l2_regularization_strength"),
                    a.number("l2_shrinkage_regularization_strength"), a.number("beta"));
            case "lamb" -> new LambOptimizer(lr, none, a.number("beta_1"), a.number("beta_2"), a.number("epsilon"));
            case "adafactor" -> new AdafactorOptimizer(lr, none, a.number("beta_2_decay"), a.number("epsilon_1"),
                    a.number("epsilon_2"), a.number("clip_threshold"), a.bool("relative_step"));
            default -> throw new IllegalStateException(name);
        };
        o = o.withWeightDecay(a.number("weight_decay"));
        if (a.has("clipnorm")) {
            o = o.withClipnorm(a.number("clipnorm"));
        }
        if (a.has("clipvalue")) {
            o = o.withClipvalue(a.number("clipvalue"));
        }
        if (a.has("global_clipnorm")) {
            o = o.withGlobalClipnorm(a.number("global_clipnorm"));
        }
        if (a.has("gradient_accumulation_steps")) {
            o = o.withGradientAccumulationSteps(a.integer("gradient_accumulation_steps", 2));
        }
        if (a.bool("use_ema")) {
            o = o.withEma(a.number("ema_momentum"), a.integer("ema_overwrite_frequency", 1));
        }
        return o;
    }

    private static LearningRateSchedule lr(String owner, double learningRate) {
        return LearningRateSchedules.constant(KerasArguments.check(KerasOptimizer.KIND, owner, "learning_rate",
                learningRate, 0, true, Double.POSITIVE_INFINITY, false));
    }
}
