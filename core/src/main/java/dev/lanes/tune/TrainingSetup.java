package dev.lanes.tune;

import dev.lanes.base.KerasCall;
import dev.lanes.nn.Callback;
import dev.lanes.nn.Callbacks;
import dev.lanes.nn.Constraint;
import dev.lanes.nn.Constraints;
import dev.lanes.nn.Dense;
import dev.lanes.nn.EarlyStopping;
import dev.lanes.nn.FitOptions;
import dev.lanes.nn.Initializer;
import dev.lanes.nn.Initializers;
import dev.lanes.nn.KerasOptimizer;
import dev.lanes.nn.Loss;
import dev.lanes.nn.ModelCheckpoint;
import dev.lanes.nn.Normalizations;
import dev.lanes.nn.Losses;
import dev.lanes.nn.Optimizers;
import dev.lanes.nn.ReduceLROnPlateau;
import dev.lanes.nn.Sequential;
import dev.lanes.simd.Activation;
import dev.lanes.simd.ActivationFunction;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A complete, validated set of hyperparameters, defaults filled in, that builds what one fit needs: the
 * network ({@link #network}) and the fit options ({@link #fitOptions}). Immutable.
 *
 * <p>The network is {@code hidden_layers} dense layers of {@code activation} (or each of its own, from
 * {@code hidden_activations}), each followed by the
 * {@code normalization} layer unless it is none (with {@code normalize_before_activation}, the dense
 * layers are linear and an activation layer of {@code activation} follows the normalization), and by
 * dropout when {@code dropout > 0} (or Gaussian noise), then one linear-by-default output unit; every dense layer gets the kernel
 * and bias initializers and the {@code l1}/{@code l2} kernel penalties. The optimizer gets
 * {@code learning_rate} and the other optimizer arguments it takes; the arguments it does not take are
 * ignored (see {@link Hyperparameters}). {@code early_stopping_patience} adds Keras' EarlyStopping on the
 * validation loss (so it needs {@code validation_split > 0}).
 */
public final class TrainingSetup {

    private final SortedMap<String, Object> values;
    private final KerasOptimizer optimizer;
    /** In a file callback's path, replaced by the candidate's index in the search. */
    public static final String CANDIDATE = "{candidate}";
    /** In a file callback's path, replaced by the split's index, or {@code refit} for the refit on all rows. */
    public static final String SPLIT = "{split}";

    /** Early stopping if set, then the {@code callbacks} hyperparameter's, built once. */
    private final List<Callback> callbacks;

    private TrainingSetup(SortedMap<String, Object> values, KerasOptimizer optimizer, List<Callback> callbacks) {
        this.values = values;
        this.optimizer = optimizer;
        this.callbacks = callbacks;
    }

    /**
     * The setup for {@code params} (hyperparameter name to a {@code String} or typed value), each parsed
     * and validated, with the defaults of the others.
     *
     * @throws IllegalArgumentException for an unknown name, an invalid value, or values that do not go
     *                                  together (early stopping without a validation split, an optimizer
     *                                  argument outside that optimizer's range, both clipnorm and clipvalue)
     */
    public static TrainingSetup of(Map<String, ?> params) {
        Objects.requireNonNull(params, "params");
        SortedMap<String, Object> values = new TreeMap<>();
        for (String name : Hyperparameters.names()) {
            Hyperparameters.defaultValue(name).ifPresent(v -> values.put(name, v));
        }
        for (Map.Entry<String, ?> e : params.entrySet()) {
            values.put(e.getKey(), Hyperparameters.parse(e.getKey(), e.getValue()));
        }
        if (values.containsKey(Hyperparameters.EARLY_STOPPING_PATIENCE)
                && (Double) values.get(Hyperparameters.VALIDATION_SPLIT) == 0) {
            throw new IllegalArgumentException("early_stopping_patience needs validation_split > 0: early stopping "
                    + "watches the loss on the held-out validation rows, and validation_split is 0");
        }
        List<Callback> callbacks = callbacks(values);
        checkMonitors(callbacks, (Double) values.get(Hyperparameters.VALIDATION_SPLIT) > 0);
        if (values.containsKey(Hyperparameters.EARLY_STOPPING_PATIENCE)) {
            callbacks = new ArrayList<>(callbacks);
            callbacks.add(0, EarlyStopping.defaults().patience((Integer) values.get(Hyperparameters.EARLY_STOPPING_PATIENCE)));
        }
        int activations = ((List<?>) values.get(Hyperparameters.HIDDEN_ACTIVATIONS)).size();
        int layers = ((List<?>) values.get(Hyperparameters.HIDDEN_LAYERS)).size();
        if (activations > 0 && activations != layers) {
            throw new IllegalArgumentException("hidden_activations names " + activations + " activations but hidden_layers"
                    + " has " + layers + " layers: give one per hidden layer (or set activation for all)");
        }
        if ((Boolean) values.get(Hyperparameters.NORMALIZE_BEFORE_ACTIVATION)
                && ((KerasCall) values.get(Hyperparameters.NORMALIZATION)).name().equals(Hyperparameters.NONE)) {
            throw new IllegalArgumentException("normalize_before_activation is true but normalization is none: set a"
                    + " normalization (batch_normalization, layer_normalization) or leave normalize_before_activation out");
        }
        if ((Double) values.get(Hyperparameters.DROPOUT) > 0 && (Double) values.get(Hyperparameters.GAUSSIAN_NOISE) > 0) {
            throw new IllegalArgumentException("dropout and gaussian_noise are both set: a hidden layer is followed by "
                    + "one of them at most; set the other to 0");
        }
        KerasCall optimizerCall = (KerasCall) values.get(Hyperparameters.OPTIMIZER);
        String optimizerName = optimizerCall.name();
        Map<String, Object> arguments = new LinkedHashMap<>(optimizerCall.args());
        for (String argument : Hyperparameters.optimizerArguments()) {
            if (values.containsKey(argument) && Hyperparameters.optimizerTakes(optimizerName, argument)) {
                if (arguments.containsKey(argument) && params.containsKey(argument)) {
                    throw new IllegalArgumentException(argument + " is given twice: as a hyperparameter (" + params.get(argument)
                            + ") and in optimizer " + optimizerCall + "; give it once");
                }
                arguments.putIfAbsent(argument, values.get(argument));
            }
        }
        TrainingSetup setup;
        try {
            KerasOptimizer optimizer = Optimizers.create(optimizerName, arguments);
            Callbacks.checkLearningRate(optimizer, callbacks);
            setup = new TrainingSetup(Collections.unmodifiableSortedMap(values), optimizer, List.copyOf(callbacks));
            // the layers' own rules (glu's even units) before any fit; the input width does not change them
            setup.network(1);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Hyperparameters " + params + ": " + e.getMessage(), e);
        }
        return setup;
    }

    /** Every hyperparameter's typed value, defaults included (those without a default only when set). */
    public SortedMap<String, Object> values() {
        return values;
    }

    /** The optimizer, with the arguments it takes. */
    public KerasOptimizer optimizer() {
        return optimizer;
    }

    /** Widths of the hidden layers. */
    @SuppressWarnings("unchecked")
    public List<Integer> hiddenLayers() {
        return (List<Integer>) values.get(Hyperparameters.HIDDEN_LAYERS);
    }

    /** One activation per hidden layer, empty when {@code activation} applies to all. */
    @SuppressWarnings("unchecked")
    public List<ActivationFunction> hiddenActivations() {
        return (List<ActivationFunction>) values.get(Hyperparameters.HIDDEN_ACTIVATIONS);
    }

    /** Maximum number of epochs. */
    public int epochs() {
        return (Integer) values.get(Hyperparameters.EPOCHS);
    }

    /** Rows per training step. */
    public int batchSize() {
        return (Integer) values.get(Hyperparameters.BATCH_SIZE);
    }

    /** Epochs without improvement before early stopping, empty when it is off. */
    public Optional<Integer> earlyStoppingPatience() {
        return Optional.ofNullable((Integer) values.get(Hyperparameters.EARLY_STOPPING_PATIENCE));
    }

    /** The network for {@code inputs} features and one output. */
    public Sequential network(int inputs) {
        ActivationFunction hidden = (ActivationFunction) values.get(Hyperparameters.ACTIVATION);
        double dropout = (Double) values.get(Hyperparameters.DROPOUT);
        double noise = (Double) values.get(Hyperparameters.GAUSSIAN_NOISE);
        Sequential s = Sequential.input(inputs);
        double activityL1 = (Double) values.get(Hyperparameters.ACTIVITY_L1);
        double activityL2 = (Double) values.get(Hyperparameters.ACTIVITY_L2);
        KerasCall normalization = (KerasCall) values.get(Hyperparameters.NORMALIZATION);
        boolean normalized = !normalization.name().equals(Hyperparameters.NONE);
        boolean before = normalized && (Boolean) values.get(Hyperparameters.NORMALIZE_BEFORE_ACTIVATION);
        List<ActivationFunction> perLayer = hiddenActivations();
        for (int i = 0; i < hiddenLayers().size(); i++) {
            int width = hiddenLayers().get(i);
            ActivationFunction f = perLayer.isEmpty() ? hidden : perLayer.get(i);
            Dense d = dense(width, before ? Activation.LINEAR : f);
            s = s.add(activityL1 == 0 && activityL2 == 0 ? d : d.activityRegularizer(activityL1, activityL2));
            if (normalized) {
                s = s.add(Normalizations.create(normalization.name(), normalization.args()));
            }
            if (before) {
                s = s.activation(f);
            }
            if (dropout > 0) {
                s = s.dropout(dropout);
            } else if (noise > 0) {
                s = s.gaussianNoise(noise);
            }
        }
        return s.add(dense(1, (ActivationFunction) values.get(Hyperparameters.OUTPUT_ACTIVATION)));
    }

    private Dense dense(int units, ActivationFunction activation) {
        Dense d = Dense.of(units, activation)
                .kernelInitializer(initializer(Hyperparameters.KERNEL_INITIALIZER))
                .biasInitializer(initializer(Hyperparameters.BIAS_INITIALIZER))
                .l1((Double) values.get(Hyperparameters.L1))
                .l2((Double) values.get(Hyperparameters.L2));
        return constrained(constrained(d, Hyperparameters.KERNEL_CONSTRAINT), Hyperparameters.BIAS_CONSTRAINT);
    }

    /** {@code d} with the constraint of hyperparameter {@code name}, unless it is none. */
    private Dense constrained(Dense d, String name) {
        KerasCall call = (KerasCall) values.get(name);
        if (call.name().equals(Hyperparameters.NONE)) {
            return d;
        }
        Constraint c = Constraints.create(call.name(), call.args());
        return name.equals(Hyperparameters.KERNEL_CONSTRAINT) ? d.kernelConstraint(c) : d.biasConstraint(c);
    }

    /**
     * The fit options: optimizer, loss, epochs, batch size, shuffling seeded with {@code seed},
     * validation split, early stopping if set, then {@code extra} callbacks.
     */
    public FitOptions fitOptions(long seed, Callback... extra) {
        List<Callback> callbacks = new ArrayList<>(this.callbacks);
        callbacks.addAll(List.of(extra));
        return FitOptions.defaults()
                .optimizer(optimizer)
                .loss(loss())
                .epochs(epochs())
                .batchSize(batchSize())
                .shuffle((Boolean) values.get(Hyperparameters.SHUFFLE))
                .seed(seed)
                .validationSplit((Double) values.get(Hyperparameters.VALIDATION_SPLIT))
                .callbacks(callbacks.toArray(new Callback[0]));
    }

    /**
     * {@code options} with the files its callbacks write placed for one fit: {@link #CANDIDATE} and
     * {@link #SPLIT} in their paths replaced by {@code candidate} and {@code split}.
     */
    public static FitOptions placeFiles(FitOptions options, int candidate, String split) {
        return options.callbacks(options.callbacks().stream().map(c -> c.relocated(file -> Path.of(file.toString()
                .replace(CANDIDATE, Integer.toString(candidate)).replace(SPLIT, split)))).toArray(Callback[]::new));
    }

    /** The callbacks of the {@code callbacks} hyperparameter. */
    @SuppressWarnings("unchecked")
    private static List<Callback> callbacks(Map<String, Object> values) {
        return ((List<KerasCall>) values.get(Hyperparameters.CALLBACKS)).stream()
                .map(c -> Callbacks.create(c.name(), c.args())).toList();
    }

    /**
     * Refuses a callback that monitors what a search's fit does not log: a fit logs {@code loss}, and
     * {@code val_loss} when it holds out a validation split.
     */
    private static void checkMonitors(List<Callback> callbacks, boolean validation) {
        for (Callback c : callbacks) {
            for (Path file : c.files()) {
                String text = file.toString();
                if (!text.contains(CANDIDATE) || !text.contains(SPLIT)) {
                    throw new IllegalArgumentException("callbacks: " + c.kerasName() + " writes " + text
                            + ", but a search's fits run side by side and would all write that one file: put " + CANDIDATE
                            + " and " + SPLIT + " in the name, e.g. logs/" + CANDIDATE + "-" + SPLIT + ".csv");
                }
            }
            String monitor = c instanceof EarlyStopping e ? e.monitor() : c instanceof ReduceLROnPlateau r ? r.monitor()
                    : c instanceof ModelCheckpoint m && m.saveBestOnly() ? m.monitor() : null;
            if (monitor == null) {
                continue;
            }
            if (monitor.equals("val_loss") && !validation) {
                throw new IllegalArgumentException("callbacks: " + c.kerasName() + " monitors val_loss, "
                        + "which needs validation_split > 0 (or monitor=loss)");
            }
            if (!monitor.equals("loss") && !monitor.equals("val_loss")) {
                throw new IllegalArgumentException("callbacks: " + c.kerasName() + " monitors '" + monitor
                        + "', which a search's fit does not log: monitor loss or val_loss");
            }
        }
    }

    private Initializer initializer(String name) {
        KerasCall call = (KerasCall) values.get(name);
        return Initializers.create(call.name(), call.args());
    }

    private Loss loss() {
        KerasCall call = (KerasCall) values.get(Hyperparameters.LOSS);
        return Losses.create(call.name(), call.args());
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
