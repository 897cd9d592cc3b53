package dev.lanes.tune;

import dev.lanes.nn.ActivationCall;
import dev.lanes.nn.Callbacks;
import dev.lanes.nn.Constraints;
import dev.lanes.nn.Initializers;
import dev.lanes.nn.Losses;
import dev.lanes.nn.Normalizations;
import dev.lanes.nn.Optimizers;
import dev.lanes.nn.Sequential;
import dev.lanes.base.KerasCall;
import dev.lanes.base.Names;
import dev.lanes.base.Numbers;
import dev.lanes.base.Suggestions;
import dev.lanes.simd.Activation;
import dev.lanes.simd.ActivationFunction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.function.Function;

/**
 * Every hyperparameter a search can vary: its name, the type of its values, what is valid and its
 * default. Values arrive as {@link String}s (as written in a POM) or as typed Java values and are parsed
 * here into one typed form per hyperparameter:
 *
 * <table>
 *   <caption>Hyperparameters, typed values and defaults</caption>
 *   <tr><th>name</th><th>typed value</th><th>valid</th><th>default</th></tr>
 *   <tr><td>hidden_layers</td><td>{@code List<Integer>}</td><td>widths >= 1 written {@code "64,32"} or
 *       {@code "128-64-32"}; {@code "none"} (or {@code ""}) = no hidden layer</td><td>64</td></tr>
 *   <tr><td>activation</td><td>{@link ActivationFunction}</td><td>a Keras activation name, with arguments if it
 *       takes any: {@code leaky_relu(negative_slope=0.3)} (hidden layers)</td><td>relu</td></tr>
 *   <tr><td>hidden_activations</td><td>{@code List<ActivationFunction>}</td><td>one activation per hidden layer,
 *       {@code [relu, tanh]}, in place of activation; {@code none}</td><td>none (activation for all)</td></tr>
 *   <tr><td>output_activation</td><td>{@link ActivationFunction}</td><td>a Keras activation, as for
 *       activation</td><td>linear</td></tr>
 *   <tr><td>kernel_initializer, bias_initializer</td><td>{@link KerasCall}</td><td>a Keras initializer name,
 *       with arguments if it takes any: {@code variance_scaling(scale=2, mode=fan_out)}</td>
 *       <td>glorot_uniform, zeros</td></tr>
 *   <tr><td>kernel_constraint, bias_constraint</td><td>{@link KerasCall}</td><td>a Keras constraint, with
 *       arguments: {@code max_norm(max_value=3)}, or {@code none}</td><td>none</td></tr>
 *   <tr><td>optimizer</td><td>{@link KerasCall}</td><td>{@link Optimizers#names()}, with arguments:
 *       {@code sgd(momentum=0.9, nesterov=true)}</td><td>adam</td></tr>
 *   <tr><td>learning_rate</td><td>{@code Double}</td><td>&gt; 0</td><td>the optimizer's default</td></tr>
 *   <tr><td>momentum, beta_1, beta_2</td><td>{@code Double}</td><td>[0, 1]</td><td>the optimizer's default</td></tr>
 *   <tr><td>rho</td><td>{@code Double}</td><td>[0, 1)</td><td>the optimizer's default</td></tr>
 *   <tr><td>epsilon, clipnorm, clipvalue</td><td>{@code Double}</td><td>&gt; 0</td><td>the optimizer's default, no clipping</td></tr>
 *   <tr><td>weight_decay</td><td>{@code Double}</td><td>&gt;= 0</td><td>the optimizer's default</td></tr>
 *   <tr><td>nesterov</td><td>{@code Boolean}</td><td>true, false</td><td>false</td></tr>
 *   <tr><td>loss</td><td>{@link KerasCall}</td><td>a Keras loss name, with arguments: {@code huber(delta=2)}</td>
 *       <td>mse</td></tr>
 *   <tr><td>batch_size, epochs</td><td>{@code Integer}</td><td>&gt;= 1</td><td>32, 20</td></tr>
 *   <tr><td>l1, l2</td><td>{@code Double}</td><td>&gt;= 0, on the kernel of every dense layer</td><td>0</td></tr>
 *   <tr><td>activity_l1, activity_l2</td><td>{@code Double}</td><td>&gt;= 0, Keras' activity_regularizer on the
 *       output of every hidden layer</td><td>0</td></tr>
 *   <tr><td>normalization</td><td>{@link KerasCall}</td><td>a Keras normalization layer after each hidden layer,
 *       before its dropout or noise: {@code batch_normalization(momentum=0.9)}, {@code layer_normalization},
 *       or {@code none}</td><td>none</td></tr>
 *   <tr><td>normalize_before_activation</td><td>{@code Boolean}</td><td>true: each hidden layer is Keras'
 *       {@code Dense(units) -> normalization -> Activation(activation)}; false: the normalization follows the
 *       activation. Needs a normalization</td><td>false</td></tr>
 *   <tr><td>dropout</td><td>{@code Double}</td><td>[0, 1), after each hidden layer</td><td>0</td></tr>
 *   <tr><td>gaussian_noise</td><td>{@code Double}</td><td>&gt;= 0, the noise's standard deviation after each
 *       hidden layer in training; not with dropout</td><td>0</td></tr>
 *   <tr><td>early_stopping_patience</td><td>{@code Integer}</td><td>&gt;= 0, needs validation_split &gt; 0</td><td>none</td></tr>
 *   <tr><td>validation_split</td><td>{@code Double}</td><td>[0, 1)</td><td>0</td></tr>
 *   <tr><td>shuffle</td><td>{@code Boolean}</td><td>true, false</td><td>true</td></tr>
 *   <tr><td>callbacks</td><td>{@code List<KerasCall>}</td><td>{@link Callbacks#names()} with arguments, one or a
 *       list: {@code [EarlyStopping(patience=3), ReduceLROnPlateau(factor=0.5)]}; {@code none}</td><td>none</td></tr>
 * </table>
 *
 * <p>Keras gives no default architecture; a single hidden layer of 64 relu units is this library's.
 *
 * <p><b>Optimizer arguments</b> ({@code momentum}, {@code nesterov}, {@code beta_1}, {@code beta_2},
 * {@code epsilon}, {@code rho}) go to the optimizers that take them and are ignored by the others, so
 * one grid can say {@code momentum 0.9} for sgd and adam alike (adam has no momentum). A grid in which no
 * optimizer takes such an argument is refused (see {@link SearchSpace}); the optimizers' own ranges
 * (e.g. adam's {@code beta_1 < 1}) are checked when a candidate is validated ({@link TrainingSetup}).
 * {@code learning_rate}, {@code weight_decay}, {@code clipnorm} and {@code clipvalue} apply to every
 * optimizer.
 */
public final class Hyperparameters {

    /** Widths of the hidden layers. */
    public static final String HIDDEN_LAYERS = "hidden_layers";
    /** The value of {@link #HIDDEN_LAYERS} for a network without hidden layers: a linear model. */
    public static final String NO_HIDDEN_LAYER = "none";
    /** Activation of the hidden layers. */
    public static final String ACTIVATION = "activation";
    /** One activation per hidden layer, in place of {@link #ACTIVATION}; empty for none. */
    public static final String HIDDEN_ACTIVATIONS = "hidden_activations";
    /** Activation of the output layer. */
    public static final String OUTPUT_ACTIVATION = "output_activation";
    /** Initializer of every kernel. */
    public static final String KERNEL_INITIALIZER = "kernel_initializer";
    /** Initializer of every bias. */
    public static final String BIAS_INITIALIZER = "bias_initializer";
    /** Constraint on every kernel, applied after every optimizer step. */
    public static final String KERNEL_CONSTRAINT = "kernel_constraint";
    /** Constraint on every bias. */
    public static final String BIAS_CONSTRAINT = "bias_constraint";
    /** The text of no constraint and of no normalization (Keras' None). */
    public static final String NONE = "none";
    /** The optimizer's Keras name. */
    public static final String OPTIMIZER = "optimizer";
    /** The optimizer's constant learning rate. */
    public static final String LEARNING_RATE = "learning_rate";
    /** Momentum of sgd and rmsprop. */
    public static final String MOMENTUM = "momentum";
    /** Nesterov momentum of sgd. */
    public static final String NESTEROV = "nesterov";
    /** First-moment decay of the Adam family and lion. */
    public static final String BETA_1 = "beta_1";
    /** Second-moment decay of the Adam family and lion. */
    public static final String BETA_2 = "beta_2";
    /** Numerical-stability term of the adaptive optimizers. */
    public static final String EPSILON = "epsilon";
    /** Decay of rmsprop and adadelta. */
    public static final String RHO = "rho";
    /** Decoupled weight decay of any optimizer. */
    public static final String WEIGHT_DECAY = "weight_decay";
    /** Per-variable gradient norm limit of any optimizer. */
    public static final String CLIPNORM = "clipnorm";
    /** Element-wise gradient limit of any optimizer. */
    public static final String CLIPVALUE = "clipvalue";
    /** The loss's Keras name. */
    public static final String LOSS = "loss";
    /** Samples per training step. */
    public static final String BATCH_SIZE = "batch_size";
    /** Epochs to train (at most, with early stopping). */
    public static final String EPOCHS = "epochs";
    /** L1 penalty factor on every kernel. */
    public static final String L1 = "l1";
    /** L2 penalty factor on every kernel. */
    public static final String L2 = "l2";
    /** L1 factor of the activity regularizer of every hidden layer. */
    public static final String ACTIVITY_L1 = "activity_l1";
    /** L2 factor of the activity regularizer of every hidden layer. */
    public static final String ACTIVITY_L2 = "activity_l2";
    /** The normalization layer after each hidden layer, or {@link #NONE}. */
    public static final String NORMALIZATION = "normalization";
    /** Whether the normalization comes between each hidden layer's product and its activation. */
    public static final String NORMALIZE_BEFORE_ACTIVATION = "normalize_before_activation";
    /** Dropout rate after each hidden layer. */
    public static final String DROPOUT = "dropout";
    /** Standard deviation of the Gaussian noise added to each hidden layer's output in training. */
    public static final String GAUSSIAN_NOISE = "gaussian_noise";
    /** Epochs without validation improvement before stopping. */
    public static final String EARLY_STOPPING_PATIENCE = "early_stopping_patience";
    /** Fraction of each fit's training rows held out for validation. */
    public static final String VALIDATION_SPLIT = "validation_split";
    /** Whether to shuffle the training rows every epoch. */
    public static final String SHUFFLE = "shuffle";
    /** Keras callbacks of every fit: {@code [EarlyStopping(patience=3), ReduceLROnPlateau(factor=0.5)]}. */
    public static final String CALLBACKS = "callbacks";
    /** The text of no callbacks. */
    public static final String NO_CALLBACKS = "none";

    /** The optimizer arguments that only some optimizers take; see the class comment. */
    private static final List<String> SELECTIVE_OPTIMIZER_ARGUMENTS = List.of(MOMENTUM, NESTEROV, BETA_1, BETA_2,
            EPSILON, RHO);
    /** Every optimizer argument, in the order they are passed to {@link Optimizers#create}. */
    private static final List<String> OPTIMIZER_ARGUMENTS = List.of(LEARNING_RATE, MOMENTUM, NESTEROV, BETA_1,
            BETA_2, EPSILON, RHO, WEIGHT_DECAY, CLIPNORM, CLIPVALUE);


    /** One hyperparameter: the type of its values, its parser (which says what is valid) and its default. */
    private record Definition(Class<?> type, Function<Object, Object> parser, Optional<Object> defaultValue) {
    }

    private static final Map<String, Definition> DEFINITIONS = definitions();

    private Hyperparameters() {
    }

    private static Map<String, Definition> definitions() {
        Map<String, Definition> m = new TreeMap<>();
        put(m, HIDDEN_LAYERS, List.class, Hyperparameters::widths, List.of(64));
        put(m, ACTIVATION, ActivationFunction.class, v -> activation(ACTIVATION, v), Activation.RELU);
        put(m, HIDDEN_ACTIVATIONS, List.class, Hyperparameters::hiddenActivations, List.of());
        put(m, OUTPUT_ACTIVATION, ActivationFunction.class, v -> activation(OUTPUT_ACTIVATION, v), Activation.LINEAR);
        put(m, KERNEL_INITIALIZER, KerasCall.class, v -> initializer(KERNEL_INITIALIZER, v), KerasCall.of("glorot_uniform"));
        put(m, BIAS_INITIALIZER, KerasCall.class, v -> initializer(BIAS_INITIALIZER, v), KerasCall.of("zeros"));
        put(m, KERNEL_CONSTRAINT, KerasCall.class, v -> constraint(KERNEL_CONSTRAINT, v), KerasCall.of(NONE));
        put(m, BIAS_CONSTRAINT, KerasCall.class, v -> constraint(BIAS_CONSTRAINT, v), KerasCall.of(NONE));
        put(m, OPTIMIZER, KerasCall.class, Hyperparameters::optimizer, KerasCall.of("adam"));
        put(m, LEARNING_RATE, Double.class, v -> real(LEARNING_RATE, v, 0, false, Double.POSITIVE_INFINITY, false), null);
        put(m, MOMENTUM, Double.class, v -> real(MOMENTUM, v, 0, true, 1, true), null);
        put(m, NESTEROV, Boolean.class, v -> bool(NESTEROV, v), null);
        put(m, BETA_1, Double.class, v -> real(BETA_1, v, 0, true, 1, true), null);
        put(m, BETA_2, Double.class, v -> real(BETA_2, v, 0, true, 1, true), null);
        put(m, EPSILON, Double.class, v -> real(EPSILON, v, 0, false, Double.POSITIVE_INFINITY, false), null);
        put(m, RHO, Double.class, v -> real(RHO, v, 0, true, 1, false), null);
        put(m, WEIGHT_DECAY, Double.class, v -> real(WEIGHT_DECAY, v, 0, true, Double.POSITIVE_INFINITY, false), null);
        put(m, CLIPNORM, Double.class, v -> real(CLIPNORM, v, 0, false, Double.POSITIVE_INFINITY, false), null);
        put(m, CLIPVALUE, Double.class, v -> real(CLIPVALUE, v, 0, false, Double.POSITIVE_INFINITY, false), null);
        put(m, LOSS, KerasCall.class, Hyperparameters::loss, KerasCall.of("mse"));
        put(m, BATCH_SIZE, Integer.class, v -> integer(BATCH_SIZE, v, 1), 32);
        put(m, EPOCHS, Integer.class, v -> integer(EPOCHS, v, 1), 20);
        put(m, L1, Double.class, v -> real(L1, v, 0, true, Double.POSITIVE_INFINITY, false), 0.0);
        put(m, L2, Double.class, v -> real(L2, v, 0, true, Double.POSITIVE_INFINITY, false), 0.0);
        put(m, ACTIVITY_L1, Double.class, v -> real(ACTIVITY_L1, v, 0, true, Double.POSITIVE_INFINITY, false), 0.0);
        put(m, ACTIVITY_L2, Double.class, v -> real(ACTIVITY_L2, v, 0, true, Double.POSITIVE_INFINITY, false), 0.0);
        put(m, NORMALIZATION, KerasCall.class, Hyperparameters::normalization, KerasCall.of(NONE));
        put(m, NORMALIZE_BEFORE_ACTIVATION, Boolean.class, v -> bool(NORMALIZE_BEFORE_ACTIVATION, v), false);
        put(m, DROPOUT, Double.class, v -> real(DROPOUT, v, 0, true, 1, false), 0.0);
        put(m, GAUSSIAN_NOISE, Double.class, v -> real(GAUSSIAN_NOISE, v, 0, true, Double.POSITIVE_INFINITY, false), 0.0);
        put(m, EARLY_STOPPING_PATIENCE, Integer.class, v -> integer(EARLY_STOPPING_PATIENCE, v, 0), null);
        put(m, VALIDATION_SPLIT, Double.class, v -> real(VALIDATION_SPLIT, v, 0, true, 1, false), 0.0);
        put(m, SHUFFLE, Boolean.class, v -> bool(SHUFFLE, v), true);
        put(m, CALLBACKS, List.class, Hyperparameters::callbacks, List.of());
        return Collections.unmodifiableMap(m);
    }

    private static void put(Map<String, Definition> m, String name, Class<?> type, Function<Object, Object> parser,
                            Object defaultValue) {
        m.put(name, new Definition(type, parser, Optional.ofNullable(defaultValue)));
    }

    /** Every hyperparameter name, sorted. */
    public static List<String> names() {
        return List.copyOf(DEFINITIONS.keySet());
    }

    /**
     * Returns {@code name} when it is a hyperparameter.
     *
     * @throws IllegalArgumentException {@code Unknown hyperparameter 'learnig_rate'. Did you mean
     *                                  'learning_rate'? Valid names: ...}
     */
    public static String checkName(String name) {
        Objects.requireNonNull(name, "hyperparameter name");
        if (!DEFINITIONS.containsKey(name)) {
            throw new IllegalArgumentException(Suggestions.unknownName("hyperparameter", name, DEFINITIONS.keySet()));
        }
        return name;
    }

    /**
     * The typed value of hyperparameter {@code name} (see the class comment for the types) from a
     * {@code String} or a typed Java value.
     *
     * @throws IllegalArgumentException for an unknown name, or a value that is not valid: the message
     *                                  names the hyperparameter, the value and what is valid
     */
    public static Object parse(String name, Object value) {
        Definition d = DEFINITIONS.get(checkName(name));
        if (value == null) {
            throw new IllegalArgumentException(name + " has no value (null)");
        }
        return d.parser.apply(value);
    }

    /** The Java type of the parsed values of {@code name}: {@code Integer}, {@code Double}, {@code List}, ... */
    public static Class<?> type(String name) {
        return DEFINITIONS.get(checkName(name)).type;
    }

    /**
     * The default of {@code name}, typed; empty when the default depends on another hyperparameter (the
     * optimizer arguments take the optimizer's own default) or means "off" (early_stopping_patience).
     */
    public static Optional<Object> defaultValue(String name) {
        return DEFINITIONS.get(checkName(name)).defaultValue;
    }

    /** The canonical text of a typed value of {@code name}: {@code "64,32"}, {@code "relu"}, {@code "0.001"}. */
    @SuppressWarnings("unchecked")
    public static String format(String name, Object typed) {
        Object v = parse(name, typed);
        if (name.equals(CALLBACKS)) {
            return ((List<KerasCall>) v).isEmpty() ? NO_CALLBACKS : KerasCall.toString((List<KerasCall>) v);
        }
        if (name.equals(HIDDEN_ACTIVATIONS)) {
            List<ActivationFunction> list = (List<ActivationFunction>) v;
            return list.isEmpty() ? NONE : list.stream().map(ActivationFunction::kerasForm)
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (v instanceof List && ((List<?>) v).isEmpty()) {
            return NO_HIDDEN_LAYER;
        }
        if (v instanceof List) {
            StringBuilder s = new StringBuilder();
            for (Object width : (List<?>) v) {
                s.append(s.length() == 0 ? "" : ",").append(width);
            }
            return s.toString();
        }
        if (v instanceof ActivationFunction f) {
            return f.kerasForm();
        }
        if (v instanceof Double) {
            return Numbers.plain((Double) v);
        }
        return v.toString();
    }

    /** Whether {@code name} is an argument of the optimizer (it then goes to {@link Optimizers#create}). */
    public static boolean isOptimizerArgument(String name) {
        return OPTIMIZER_ARGUMENTS.contains(checkName(name));
    }

    /** The optimizer arguments, in the order they are passed to the optimizer. */
    static List<String> optimizerArguments() {
        return OPTIMIZER_ARGUMENTS;
    }

    /**
     * Whether optimizer {@code optimizer} (a valid Keras name) takes argument {@code argument}. Read from
     * the optimizer itself: its {@code arguments()} list its own hyperparameters, and every optimizer takes
     * learning_rate, weight_decay and the clipping options.
     */
    public static boolean optimizerTakes(String optimizer, String argument) {
        if (!SELECTIVE_OPTIMIZER_ARGUMENTS.contains(argument)) {
            return isOptimizerArgument(argument);
        }
        return Optimizers.create(optimizer, Map.of()).arguments().containsKey(argument);
    }

    /** The optimizers that take {@code argument}, in {@link Optimizers#names()} order. */
    static List<String> optimizersTaking(String argument) {
        List<String> out = new ArrayList<>();
        for (String o : Optimizers.names()) {
            if (optimizerTakes(o, argument)) {
                out.add(o);
            }
        }
        return out;
    }

    // Parsers. Each returns the typed value or throws naming the hyperparameter, the value and what is valid.

    private static Object widths(Object value) {
        String valid = "hidden_layers must be layer widths (integers >= 1) separated by ',' or '-', e.g. '64,32' or "
                + "'128-64-32', or 'none' for no hidden layer (a linear model), got '";
        List<Integer> out = new ArrayList<>();
        if (value instanceof String) {
            String s = ((String) value).strip();
            if (s.isEmpty() || s.equalsIgnoreCase(NO_HIDDEN_LAYER)) {
                return List.of();
            }
            for (String part : s.split("[,-]", -1)) {
                try {
                    out.add(Integer.parseInt(part.strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(valid + value + "'");
                }
            }
        } else if (value instanceof int[]) {
            for (int w : (int[]) value) {
                out.add(w);
            }
        } else if (value instanceof Collection) {
            for (Object w : (Collection<?>) value) {
                if (!(w instanceof Integer || w instanceof Long || w instanceof Short || w instanceof Byte)) {
                    throw new IllegalArgumentException(valid + value + "'");
                }
                long width = ((Number) w).longValue();
                if (width < 1 || width > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(valid + value + "'");
                }
                out.add((int) width);
            }
        } else if (value instanceof Integer) {
            out.add((Integer) value);
        } else {
            throw new IllegalArgumentException(valid + value + "'");
        }
        for (int w : out) {
            if (w < 1) {
                throw new IllegalArgumentException(valid + value + "'");
            }
            if (w > Sequential.MAX_WIDTH) {
                throw new IllegalArgumentException("hidden_layers widths must be at most " + Sequential.MAX_WIDTH
                        + ", got " + w + " in '" + value + "'");
            }
        }
        if (out.size() >= Sequential.MAX_LAYERS) {
            throw new IllegalArgumentException("hidden_layers may have at most " + (Sequential.MAX_LAYERS - 1)
                    + " layers (the output layer is one more), got " + out.size());
        }
        return List.copyOf(out);
    }

    private static Object activation(String name, Object value) {
        if (value instanceof ActivationFunction) {
            return value;
        }
        String s = text(name, value, "an activation name");
        try {
            return ActivationCall.parse(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " '" + s.strip() + "': " + e.getMessage());
        }
    }

    /** A list of activations, {@code [relu, leaky_relu(negative_slope=0.3)]}, or {@code none}. */
    private static Object hiddenActivations(Object value) {
        if (value instanceof List<?> list && list.stream().allMatch(ActivationFunction.class::isInstance)) {
            return List.copyOf(list);
        }
        String s = text(HIDDEN_ACTIVATIONS, value, "activations, [relu, tanh]");
        if (s.strip().equalsIgnoreCase(NONE)) {
            return List.of();
        }
        return eachCall(HIDDEN_ACTIVATIONS, KerasCall.parseList(s, HIDDEN_ACTIVATIONS),
                c -> ActivationCall.create(c.name(), c.args()));
    }

    private static Object initializer(String name, Object value) {
        KerasCall call = call(name, value, "an initializer name");
        try {
            Initializers.create(call.name(), call.args());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " '" + call + "': " + e.getMessage());
        }
        return call;
    }

    /** A constraint call, or {@code none} (also {@code None}) for none. */
    private static Object constraint(String name, Object value) {
        return optionalCall(name, value, "a constraint name", c -> Constraints.create(c.name(), c.args()));
    }

    /** A normalization layer's call, or {@code none} (also {@code None}) for none. */
    private static Object normalization(Object value) {
        return optionalCall(NORMALIZATION, value, "a normalization layer", c -> Normalizations.create(c.name(), c.args()));
    }

    /** A call that {@code check} accepts, or {@link #NONE} (also {@code None}). */
    private static Object optionalCall(String name, Object value, String what, Consumer<KerasCall> check) {
        KerasCall call = call(name, value, what + ", none");
        if (call.args().isEmpty() && call.name().equalsIgnoreCase(NONE)) {
            return KerasCall.of(NONE);
        }
        try {
            check.accept(call);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " '" + call + "': " + e.getMessage() + " (or none)");
        }
        return call;
    }

    private static Object optimizer(Object value) {
        KerasCall call = call(OPTIMIZER, value, "an optimizer name");
        String key;
        try {
            key = Names.canonical(OPTIMIZER, call.name(), Optimizers.names());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(OPTIMIZER + " '" + call.name() + "' is not a known optimizer."
                    + Suggestions.didYouMean(call.name(), Optimizers.names()) + " Valid names: "
                    + String.join(", ", Optimizers.names()));
        }
        try {
            Optimizers.create(key, call.args());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(OPTIMIZER + " '" + call + "': " + e.getMessage());
        }
        return new KerasCall(key, call.args());
    }

    private static Object loss(Object value) {
        KerasCall call = call(LOSS, value, "a loss name");
        try {
            Losses.create(call.name(), call.args());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(LOSS + " '" + call + "': " + e.getMessage());
        }
        return call;
    }

    private static Object callbacks(Object value) {
        List<KerasCall> calls;
        if (value instanceof List<?> list && list.stream().allMatch(KerasCall.class::isInstance)) {
            calls = list.stream().map(KerasCall.class::cast).toList();
        } else if (value instanceof KerasCall call) {
            calls = List.of(call);
        } else {
            String s = text(CALLBACKS, value, "callbacks, [name(argument=value, ...), ...]");
            calls = s.strip().equalsIgnoreCase(NO_CALLBACKS) ? List.of() : KerasCall.parseList(s, CALLBACKS);
        }
        return eachCall(CALLBACKS, calls, c -> {
            Callbacks.create(c.name(), c.args());
            return c;
        });
    }

    /** {@code create} applied to each call, a refused one named in the message after {@code name}. */
    private static <T> List<T> eachCall(String name, List<KerasCall> calls, Function<KerasCall, T> create) {
        List<T> out = new ArrayList<>();
        for (KerasCall c : calls) {
            try {
                out.add(create.apply(c));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + " '" + c + "': " + e.getMessage());
            }
        }
        return List.copyOf(out);
    }

    /** A name with arguments, {@code sgd(momentum=0.9)}, from its text or as given. */
    private static KerasCall call(String name, Object value, String what) {
        if (value instanceof KerasCall) {
            return (KerasCall) value;
        }
        return KerasCall.parse(text(name, value, what + " or name(argument=value, ...)"), name);
    }

    private static String text(String name, Object value, String what) {
        if (!(value instanceof String)) {
            throw new IllegalArgumentException(name + " must be " + what + ", got " + value.getClass().getSimpleName()
                    + " '" + value + "'");
        }
        return (String) value;
    }

    private static Object real(String name, Object value, double lo, boolean loClosed, double hi, boolean hiClosed) {
        String valid = name + " must be a number " + range(lo, loClosed, hi, hiClosed) + ", got '" + value + "'";
        double v;
        if (value instanceof Number) {
            v = ((Number) value).doubleValue();
        } else if (value instanceof String) {
            try {
                v = Double.parseDouble(((String) value).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(valid);
            }
        } else {
            throw new IllegalArgumentException(valid);
        }
        boolean aboveLo = loClosed ? v >= lo : v > lo;
        boolean belowHi = hiClosed ? v <= hi : v < hi;
        if (!aboveLo || !belowHi || Double.isInfinite(v)) {
            throw new IllegalArgumentException(valid);
        }
        return v;
    }

    private static String range(double lo, boolean loClosed, double hi, boolean hiClosed) {
        if (Double.isInfinite(hi)) {
            return (loClosed ? ">= " : "> ") + Numbers.plain(lo);
        }
        return "in " + (loClosed ? "[" : "(") + Numbers.plain(lo) + ", " + Numbers.plain(hi) + (hiClosed ? "]" : ")");
    }

    private static Object integer(String name, Object value, int min) {
        String valid = name + " must be an integer >= " + min + ", got '" + value + "'";
        long v;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            v = ((Number) value).longValue();
        } else if (value instanceof String) {
            try {
                v = Long.parseLong(((String) value).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(valid);
            }
        } else {
            throw new IllegalArgumentException(valid);
        }
        if (v < min || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(valid);
        }
        return (int) v;
    }

    private static Object bool(String name, Object value) {
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof String) {
            String s = ((String) value).strip().toLowerCase(Locale.ROOT);
            if (s.equals("true") || s.equals("false")) {
                return Boolean.valueOf(s);
            }
        }
        throw new IllegalArgumentException(name + " must be true or false, got '" + value + "'");
    }
}
