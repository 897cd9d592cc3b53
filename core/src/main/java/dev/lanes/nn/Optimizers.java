package dev.lanes.nn;

import dev.lanes.base.Names;
import dev.lanes.base.Suggestions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Keras 3 optimizers with Keras' defaults, by typed factory or by Keras name and arguments.
 *
 * <table>
 *   <caption>Optimizers and their defaults</caption>
 *   <tr><th>name</th><th>defaults</th></tr>
 *   <tr><td>sgd</td><td>learning_rate 0.01, momentum 0, nesterov false</td></tr>
 *   <tr><td>rmsprop</td><td>learning_rate 1e-3, rho 0.9, momentum 0, epsilon 1e-7, centered false</td></tr>
 *   <tr><td>adam</td><td>learning_rate 1e-3, beta_1 0.9, beta_2 0.999, epsilon 1e-7, amsgrad false</td></tr>
 *   <tr><td>adamw</td><td>as adam, plus weight_decay 0.004</td></tr>
 *   <tr><td>adadelta</td><td>learning_rate 1e-3, rho 0.95, epsilon 1e-7</td></tr>
 *   <tr><td>adagrad</td><td>learning_rate 1e-3, initial_accumulator_value 0.1, epsilon 1e-7</td></tr>
 *   <tr><td>adamax, nadam</td><td>learning_rate 1e-3, beta_1 0.9, beta_2 0.999, epsilon 1e-7</td></tr>
 *   <tr><td>lion</td><td>learning_rate 1e-3, beta_1 0.9, beta_2 0.99</td></tr>
 * </table>
 *
 * <p>Every optimizer also takes the shared options {@code weight_decay}, {@code clipnorm},
 * {@code clipvalue} and {@code global_clipnorm} (see {@link KerasOptimizer}). Valid ranges: learning rate
 * and weight decay {@code >= 0}; momentum in {@code [0, 1]}; rho and the Adam-family betas in {@code [0, 1)};
 * lion's {@code beta_1} in {@code (0, 1]} (Keras' check) and {@code beta_2} in {@code [0, 1]}; clipping
 * limits {@code > 0}; epsilon {@code > 0} (Keras accepts 0, which turns the first update of a zero gradient
 * into 0/0). Violations fail naming the argument, the value and the range.
 */
public final class Optimizers {

    private static final double ADAMW_WEIGHT_DECAY = 0.004;
    private static final List<String> NAMES = List.of("adadelta", "adagrad", "adam", "adamax", "adamw", "lion",
            "nadam", "rmsprop", "sgd");
    private static final List<String> SHARED_ARGUMENTS = List.of("weight_decay", "clipnorm", "clipvalue",
            "global_clipnorm");

    private Optimizers() {
    }

    /** The Keras names {@link #create} accepts. */
    public static List<String> names() {
        return NAMES;
    }

    /** {@code SGD()}: learning rate 0.01, no momentum. */
    public static KerasOptimizer sgd() {
        return sgd(0.01, 0, false);
    }

    /** {@code SGD(learning_rate, momentum, nesterov)}. */
    public static KerasOptimizer sgd(double learningRate, double momentum, boolean nesterov) {
        return new SgdOptimizer(lr("sgd", learningRate), KerasOptimizer.Shared.NONE, momentum, nesterov);
    }

    /** {@code RMSprop()} with Keras' defaults. */
    public static KerasOptimizer rmsprop() {
        return rmsprop(1e-3, 0.9, 0, 1e-7, false);
    }

    /** {@code RMSprop(learning_rate, rho, momentum, epsilon, centered)}. */
    public static KerasOptimizer rmsprop(double learningRate, double rho, double momentum, double epsilon,
                                        boolean centered) {
        return new RmspropOptimizer(lr("rmsprop", learningRate), KerasOptimizer.Shared.NONE, rho, momentum,
                epsilon, centered);
    }

    /** {@code Adam()} with Keras' defaults. */
    public static KerasOptimizer adam() {
        return adam(1e-3, 0.9, 0.999, 1e-7, false);
    }

    /** {@code Adam(learning_rate, beta_1, beta_2, epsilon, amsgrad)}. */
    public static KerasOptimizer adam(double learningRate, double beta1, double beta2, double epsilon,
                                     boolean amsgrad) {
        return new AdamOptimizer("adam", lr("adam", learningRate), KerasOptimizer.Shared.NONE, beta1, beta2,
                epsilon, amsgrad);
    }

    /** {@code AdamW()}: Adam's defaults plus weight decay 0.004. */
    public static KerasOptimizer adamw() {
        return adamw(1e-3, ADAMW_WEIGHT_DECAY, 0.9, 0.999, 1e-7, false);
    }

    /** {@code AdamW(learning_rate, weight_decay, beta_1, beta_2, epsilon, amsgrad)}. */
    public static KerasOptimizer adamw(double learningRate, double weightDecay, double beta1, double beta2,
                                      double epsilon, boolean amsgrad) {
        return new AdamOptimizer("adamw", lr("adamw", learningRate), KerasOptimizer.Shared.NONE, beta1, beta2,
                epsilon, amsgrad).withWeightDecay(weightDecay);
    }

    /** {@code Adadelta()} with Keras' defaults. */
    public static KerasOptimizer adadelta() {
        return adadelta(1e-3, 0.95, 1e-7);
    }

    /** {@code Adadelta(learning_rate, rho, epsilon)}. */
    public static KerasOptimizer adadelta(double learningRate, double rho, double epsilon) {
        return new AdadeltaOptimizer(lr("adadelta", learningRate), KerasOptimizer.Shared.NONE, rho, epsilon);
    }

    /** {@code Adagrad()} with Keras' defaults. */
    public static KerasOptimizer adagrad() {
        return adagrad(1e-3, 0.1, 1e-7);
    }

    /** {@code Adagrad(learning_rate, initial_accumulator_value, epsilon)}. */
    public static KerasOptimizer adagrad(double learningRate, double initialAccumulatorValue, double epsilon) {
        return new AdagradOptimizer(lr("adagrad", learningRate), KerasOptimizer.Shared.NONE,
                initialAccumulatorValue, epsilon);
    }

    /** {@code Adamax()} with Keras' defaults. */
    public static KerasOptimizer adamax() {
        return adamax(1e-3, 0.9, 0.999, 1e-7);
    }

    /** {@code Adamax(learning_rate, beta_1, beta_2, epsilon)}. */
    public static KerasOptimizer adamax(double learningRate, double beta1, double beta2, double epsilon) {
        return new AdamaxOptimizer(lr("adamax", learningRate), KerasOptimizer.Shared.NONE, beta1, beta2, epsilon);
    }

    /** {@code Nadam()} with Keras' defaults. */
    public static KerasOptimizer nadam() {
        return nadam(1e-3, 0.9, 0.999, 1e-7);
    }

    /** {@code Nadam(learning_rate, beta_1, beta_2, epsilon)}. */
    public static KerasOptimizer nadam(double learningRate, double beta1, double beta2, double epsilon) {
        return new NadamOptimizer(lr("nadam", learningRate), KerasOptimizer.Shared.NONE, beta1, beta2, epsilon);
    }

    /** {@code Lion()} with Keras' defaults. */
    public static KerasOptimizer lion() {
        return lion(1e-3, 0.9, 0.99);
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
        KerasArguments a = new KerasArguments(KerasOptimizer.KIND, name, args, arguments(name));
        LearningRateSchedule lr = a.learningRate("learning_rate", name.equals("sgd") ? 0.01 : 1e-3);
        KerasOptimizer.Shared none = KerasOptimizer.Shared.NONE;
        KerasOptimizer o;
        switch (name) {
            case "sgd":
                o = new SgdOptimizer(lr, none, a.number("momentum", 0), a.bool("nesterov", false));
                break;
            case "rmsprop":
                o = new RmspropOptimizer(lr, none, a.number("rho", 0.9), a.number("momentum", 0),
                        a.number("epsilon", 1e-7), a.bool("centered", false));
                break;
            case "adam":
            case "adamw":
                o = new AdamOptimizer(name, lr, none, a.number("beta_1", 0.9), a.number("beta_2", 0.999),
                        a.number("epsilon", 1e-7), a.bool("amsgrad", false));
                break;
            case "adadelta":
                o = new AdadeltaOptimizer(lr, none, a.number("rho", 0.95), a.number("epsilon", 1e-7));
                break;
            case "adagrad":
                o = new AdagradOptimizer(lr, none, a.number("initial_accumulator_value", 0.1),
                        a.number("epsilon", 1e-7));
                break;
            case "adamax":
                o = new AdamaxOptimizer(lr, none, a.number("beta_1", 0.9), a.number("beta_2", 0.999),
                        a.number("epsilon", 1e-7));
                break;
            case "nadam":
                o = new NadamOptimizer(lr, none, a.number("beta_1", 0.9), a.number("beta_2", 0.999),
                        a.number("epsilon", 1e-7));
                break;
            case "lion":
                o = new LionOptimizer(lr, none, a.number("beta_1", 0.9), a.number("beta_2", 0.99));
                break;
            default:
                throw new IllegalStateException(name);
        }
        o = o.withWeightDecay(a.number("weight_decay", name.equals("adamw") ? ADAMW_WEIGHT_DECAY : 0));
        if (a.has("clipnorm")) {
            o = o.withClipnorm(a.number("clipnorm", 0));
        }
        if (a.has("clipvalue")) {
            o = o.withClipvalue(a.number("clipvalue", 0));
        }
        if (a.has("global_clipnorm")) {
            o = o.withGlobalClipnorm(a.number("global_clipnorm", 0));
        }
        return o;
    }

    /** Every argument optimizer {@code name} takes, in Keras' constructor order. */
    private static List<String> arguments(String name) {
        List<String> own;
        switch (name) {
            case "sgd":
                own = List.of("learning_rate", "momentum", "nesterov");
                break;
            case "rmsprop":
                own = List.of("learning_rate", "rho", "momentum", "epsilon", "centered");
                break;
            case "adam":
                own = List.of("learning_rate", "beta_1", "beta_2", "epsilon", "amsgrad");
                break;
            case "adamw":
                own = List.of("learning_rate", "weight_decay", "beta_1", "beta_2", "epsilon", "amsgrad");
                break;
            case "adadelta":
                own = List.of("learning_rate", "rho", "epsilon");
                break;
            case "adagrad":
                own = List.of("learning_rate", "initial_accumulator_value", "epsilon");
                break;
            case "adamax":
            case "nadam":
                own = List.of("learning_rate", "beta_1", "beta_2", "epsilon");
                break;
            case "lion":
                own = List.of("learning_rate", "beta_1", "beta_2");
                break;
            default:
                throw new IllegalStateException(name);
        }
        List<String> all = new ArrayList<>(own);
        for (String s : SHARED_ARGUMENTS) {
            if (!all.contains(s)) {
                all.add(s);
            }
        }
        return all;
    }

    private static LearningRateSchedule lr(String owner, double learningRate) {
        return LearningRateSchedules.constant(KerasArguments.check(KerasOptimizer.KIND, owner, "learning_rate",
                learningRate, 0, true, Double.POSITIVE_INFINITY, false));
    }
}
