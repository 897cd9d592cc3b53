package dev.lanes.tune;

import dev.lanes.nn.BatchNormalization;
import dev.lanes.nn.Dense;
import dev.lanes.nn.Dropout;
import dev.lanes.nn.EarlyStopping;
import dev.lanes.nn.FitOptions;
import dev.lanes.nn.Initializers;
import dev.lanes.nn.MonitorMode;
import dev.lanes.nn.ReduceLROnPlateau;
import dev.lanes.nn.LearningRateSchedules;
import dev.lanes.nn.Losses;
import dev.lanes.nn.Optimizers;
import dev.lanes.nn.Constraint;
import dev.lanes.nn.Constraints;
import dev.lanes.nn.Sequential;
import dev.lanes.simd.Activation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingSetupTest {

    @Test
    void defaultsBuildOneHiddenReluLayerAndAdam() {
        TrainingSetup s = TrainingSetup.of(Map.of());
        assertEquals(Sequential.input(7).dense(64, Activation.RELU).dense(1), s.network(7));
        assertEquals(Optimizers.adam(), s.optimizer());
        FitOptions o = s.fitOptions(5);
        assertEquals(20, o.epochs());
        assertEquals(32, o.batchSize());
        assertTrue(o.shuffle());
        assertEquals(5, o.seed());
        assertEquals(0, o.validationSplit());
        assertEquals(Losses.meanSquaredError(), o.loss());
        assertEquals(List.of(), o.callbacks());
        assertEquals(Optional.empty(), s.earlyStoppingPatience());
    }

    @Test
    void buildsTheNetworkTheHyperparametersDescribe() {
        TrainingSetup s = TrainingSetup.of(Map.of("hidden_layers", "8-4", "activation", "tanh", "dropout", "0.25",
                "kernel_initializer", "he_normal", "bias_initializer", "ones", "l1", 0.001, "l2", "0.01",
                "output_activation", "softplus"));
        Dense hidden8 = Dense.of(8, Activation.TANH).kernelInitializer(Initializers.heNormal())
                .biasInitializer(Initializers.ones()).l1(0.001).l2(0.01);
        Dense hidden4 = Dense.of(4, Activation.TANH).kernelInitializer(Initializers.heNormal())
                .biasInitializer(Initializers.ones()).l1(0.001).l2(0.01);
        Dense out = Dense.of(1, Activation.SOFTPLUS).kernelInitializer(Initializers.heNormal())
                .biasInitializer(Initializers.ones()).l1(0.001).l2(0.01);
        assertEquals(List.of(hidden8, new Dropout(0.25), hidden4, new Dropout(0.25), out), s.network(3).layers());
        assertEquals(List.of(Dense.of(1, Activation.LINEAR)),
                TrainingSetup.of(Map.of("hidden_layers", "")).network(2).layers());
    }

    @Test
    void optimizerArgumentsReachOnlyTheOptimizersThatTakeThem() {
        Map<String, Object> shared = Map.of("momentum", "0.9", "learning_rate", "0.005", "beta_1", "0.8");
        TrainingSetup sgd = TrainingSetup.of(with(shared, "optimizer", "sgd"));
        assertEquals(Optimizers.sgd(0.005, 0.9, false), sgd.optimizer());
        TrainingSetup adam = TrainingSetup.of(with(shared, "optimizer", "adam"));
        assertEquals(Optimizers.adam(0.005, 0.8, 0.999, 1e-7, false), adam.optimizer());
        assertEquals(Optimizers.sgd(), TrainingSetup.of(Map.of("optimizer", "sgd")).optimizer(),
                "learning_rate defaults to the optimizer's own");
        assertEquals(Optimizers.adamw(), TrainingSetup.of(Map.of("optimizer", "adamw")).optimizer());
        assertEquals(0.5, TrainingSetup.of(Map.of("optimizer", "sgd", "clipnorm", 0.5)).optimizer().clipnorm());
    }

    @Test
    void argumentsWrittenInTheValueReachTheOptimizerInitializerAndLoss() {
        TrainingSetup s = TrainingSetup.of(Map.of("optimizer", "sgd(momentum=0.9, nesterov=True)", "learning_rate", "0.005",
                "kernel_initializer", "variance_scaling(scale=2, mode=fan_out, distribution='uniform')",
                "bias_initializer", "constant(value=0.1)", "loss", "huber(delta=2.5)", "hidden_layers", "none"));
        assertEquals(Optimizers.sgd(0.005, 0.9, true), s.optimizer());
        assertEquals(List.of(Dense.of(1, Activation.LINEAR).kernelInitializer(Initializers.varianceScaling(2, "fan_out", "uniform"))
                .biasInitializer(Initializers.constant(0.1))), s.network(3).layers());
        assertEquals(Losses.huber(2.5), s.fitOptions(1).loss());
        assertEquals(Optimizers.adam(0.01, 0.9, 0.999, 1e-7, true),
                TrainingSetup.of(Map.of("optimizer", "Adam(learning_rate=0.01, amsgrad=true)")).optimizer());
        assertEquals(Optimizers.adam(), TrainingSetup.of(Map.of("optimizer", "adam(amsgrad=None)")).optimizer(),
                "None is Keras' not given");
    }

    @Test
    void aLearningRateScheduleIsWrittenAsACallInsideTheOptimizers() {
        TrainingSetup s = TrainingSetup.of(Map.of("optimizer",
                "SGD(learning_rate=CosineDecay(initial_learning_rate=0.1, decay_steps=1000, alpha=0.01), momentum=0.9)"));
        assertEquals(Optimizers.create("sgd", Map.of("learning_rate", LearningRateSchedules.cosineDecay(0.1, 1000, 0.01),
                "momentum", 0.9)), s.optimizer());
        assertEquals(s.optimizer(), TrainingSetup.of(Map.of("optimizer",
                "sgd(learning_rate=cosine_decay(initial_learning_rate=0.1, decay_steps=1000, alpha=0.01), momentum=0.9)"))
                .optimizer(), "one name rule: the Keras class and function spellings are one name");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> TrainingSetup.of(Map.of(
                "optimizer", "adam(learning_rate=exponential_decay(initial_learning_rate=0.1, decay_steps=100))")));
        assertTrue(missing.getMessage().contains("Schedule 'ExponentialDecay' needs argument 'decay_rate'"),
                missing.getMessage());
    }

    @Test
    void callbacksAreBuiltFromTheirKerasArguments() {
        TrainingSetup s = TrainingSetup.of(Map.of("validation_split", "0.25", "callbacks",
                "[EarlyStopping(patience=3, restore_best_weights=True, mode=min, baseline=0.5), "
                        + "ReduceLROnPlateau(factor=0.5, patience=2, min_lr=1e-5)]"));
        assertEquals(List.of(EarlyStopping.defaults().patience(3).restoreBestWeights(true).mode(MonitorMode.MIN).baseline(0.5),
                ReduceLROnPlateau.defaults().factor(0.5).patience(2).minLr(1e-5)), s.fitOptions(1).callbacks());
        assertEquals(List.of(EarlyStopping.defaults().monitor("loss")),
                TrainingSetup.of(Map.of("callbacks", "early_stopping(monitor=loss)")).fitOptions(1).callbacks());
        assertEquals(List.of(), TrainingSetup.of(Map.of("callbacks", "none")).fitOptions(1).callbacks());
    }

    @Test
    void aCallbackThatCannotWorkInAFitIsRefusedBeforeIt() {
        assertEquals("callbacks: EarlyStopping monitors val_loss, which needs validation_split > 0 (or monitor=loss)",
                assertThrows(IllegalArgumentException.class, () -> TrainingSetup.of(Map.of("callbacks", "EarlyStopping")))
                        .getMessage());
        assertEquals("callbacks: ReduceLROnPlateau monitors 'val_r2', which a search's fit does not log: monitor loss or val_loss",
                assertThrows(IllegalArgumentException.class, () -> TrainingSetup.of(Map.of("validation_split", "0.2",
                        "callbacks", "ReduceLROnPlateau(monitor=val_r2)"))).getMessage());
        String typo = assertThrows(IllegalArgumentException.class, () -> TrainingSetup.of(Map.of("callbacks",
                "EarlyStopping(patiense=3)"))).getMessage();
        assertTrue(typo.startsWith("callbacks 'EarlyStopping(patiense=3)': Callback 'EarlyStopping' does not take argument "
                + "'patiense'. Did you mean 'patience'?"), typo);
        String fraction = assertThrows(IllegalArgumentException.class, () -> TrainingSetup.of(Map.of("callbacks",
                "EarlyStopping(patience=2.5, monitor=loss)"))).getMessage();
        assertTrue(fraction.contains("Invalid value for argument 'patience' of callback 'EarlyStopping': 2.5. Valid: a whole "
                + "number >= 0"), fraction);
        String mode = assertThrows(IllegalArgumentException.class, () -> TrainingSetup.of(Map.of("callbacks",
                "EarlyStopping(mode=maximum, monitor=loss)"))).getMessage();
        assertTrue(mode.contains("Unknown mode of EarlyStopping 'maximum'."), mode);
        String unknown = assertThrows(IllegalArgumentException.class, () -> TrainingSetup.of(Map.of("callbacks",
                "[EarlyStoping]"))).getMessage();
        assertTrue(unknown.contains("Unknown callback 'EarlyStoping'. Did you mean 'EarlyStopping'?"), unknown);
    }

    @Test
    void activityRegularizersGoOnTheHiddenLayers() {
        assertEquals(Sequential.input(3).add(Dense.of(8, Activation.RELU).activityRegularizer(0.01, 0))
                .add(Dense.of(4, Activation.RELU).activityRegularizer(0.01, 0)).dense(1),
                TrainingSetup.of(Map.of("hidden_layers", "8,4", "activity_l1", "0.01")).network(3));
        assertThrows(IllegalArgumentException.class, () -> Hyperparameters.parse("activity_l2", "-1"));
    }

    @Test
    void constraintsGoOnEveryKernelAndBias() {
        Constraint maxNorm = Constraints.maxNorm(3, 0);
        assertEquals(Sequential.input(3).add(Dense.of(8, Activation.RELU).kernelConstraint(maxNorm).biasConstraint(Constraints.nonNeg()))
                .add(Dense.of(1, Activation.LINEAR).kernelConstraint(maxNorm).biasConstraint(Constraints.nonNeg())),
                TrainingSetup.of(Map.of("hidden_layers", "8", "kernel_constraint", "MaxNorm(max_value=3)",
                        "bias_constraint", "non_neg")).network(3));
        assertEquals(Sequential.input(3).dense(8, Activation.RELU).dense(1),
                TrainingSetup.of(Map.of("hidden_layers", "8", "kernel_constraint", "None")).network(3));
        assertEquals("none", Hyperparameters.format("bias_constraint", "None"));
        String range = assertThrows(IllegalArgumentException.class,
                () -> Hyperparameters.parse("kernel_constraint", "max_norm(max_value=-1)")).getMessage();
        assertEquals("kernel_constraint 'max_norm(max_value=-1)': Invalid value for argument 'max_value' of constraint "
                + "'max_norm': -1.0. Valid range: [0, inf) (or none)", range);
        String typo = assertThrows(IllegalArgumentException.class,
                () -> Hyperparameters.parse("kernel_constraint", "unit_nrom")).getMessage();
        assertTrue(typo.contains("Unknown constraint 'unit_nrom'. Did you mean 'unit_norm'?"), typo);
    }

    @Test
    void activationsTakeKerasArguments() {
        assertEquals(Activation.GELU_TANH, Hyperparameters.parse("activation", "gelu(approximate=True)"));
        assertEquals(Activation.GELU, Hyperparameters.parse("activation", "gelu(approximate=False)"));
        assertEquals(Activation.RELU6, Hyperparameters.parse("activation", "relu(max_value=6)"));
        assertEquals(Activation.RELU, Hyperparameters.parse("activation", "ReLU(negative_slope=0, max_value=None)"));
        assertEquals(Activation.LEAKY_RELU, Hyperparameters.parse("activation", "LeakyReLU(negative_slope=0.2)"));
        assertEquals(Activation.ELU, Hyperparameters.parse("output_activation", "elu(alpha=1)"));
        assertEquals(Activation.leakyRelu(0.3), Hyperparameters.parse("activation", "leaky_relu(negative_slope=0.3)"));
        assertEquals(Activation.relu(0, 5, 0), Hyperparameters.parse("activation", "relu(max_value=5)"));
        assertEquals("leaky_relu(negative_slope=0.3)",
                Hyperparameters.format("activation", "leaky_relu( negative_slope = 0.3 )"));
        assertEquals(Sequential.input(3).dense(8, Activation.elu(0.5)).dense(1, Activation.softShrink(1)),
                TrainingSetup.of(Map.of("hidden_layers", "8", "activation", "elu(alpha=0.5)",
                        "output_activation", "soft_shrink(threshold=1)")).network(3));
        String range = assertThrows(IllegalArgumentException.class,
                () -> Hyperparameters.parse("activation", "celu(alpha=0)")).getMessage();
        assertEquals("activation 'celu(alpha=0)': Invalid value for argument 'alpha' of activation 'celu': 0.0. "
                + "Valid: a number > 0", range);
        String none = assertThrows(IllegalArgumentException.class,
                () -> Hyperparameters.parse("activation", "tanh(alpha=1)")).getMessage();
        assertEquals("activation 'tanh(alpha=1)': Activation 'tanh' does not take argument 'alpha'. It takes none.", none);
        String typo = assertThrows(IllegalArgumentException.class,
                () -> Hyperparameters.parse("activation", "elu(alhpa=1)")).getMessage();
        assertEquals("activation 'elu(alhpa=1)': Activation 'elu' does not take argument 'alhpa'. Did you mean 'alpha'? "
                + "It takes: alpha", typo);
        String type = assertThrows(IllegalArgumentException.class,
                () -> Hyperparameters.parse("activation", "gelu(approximate=1)")).getMessage();
        assertTrue(type.contains("Argument 'approximate' of activation 'gelu' must be a boolean"), type);
    }

    @Test
    void gaussianNoiseFollowsEachHiddenLayerButNotWithDropout() {
        assertEquals(Sequential.input(3).dense(8, Activation.RELU).gaussianNoise(0.1).dense(4, Activation.RELU)
                .gaussianNoise(0.1).dense(1), TrainingSetup.of(Map.of("hidden_layers", "8,4", "gaussian_noise", "0.1")).network(3));
        assertEquals("dropout and gaussian_noise are both set: a hidden layer is followed by one of them at most; set the "
                + "other to 0", assertThrows(IllegalArgumentException.class, () -> TrainingSetup.of(Map.of("dropout", "0.1",
                        "gaussian_noise", "0.1"))).getMessage());
    }

    /** ReduceLROnPlateau cannot change a scheduled rate: the grid is refused before any fit, not each fit failed. */
    @Test
    void aCallbackThatSetsTheRateIsRefusedWithAScheduledOptimizer() {
        String message = assertThrows(IllegalArgumentException.class, () -> TrainingSetup.of(Map.of(
                "optimizer", "adam(learning_rate=ExponentialDecay(initial_learning_rate=0.01, decay_steps=10, decay_rate=0.9))",
                "callbacks", "ReduceLROnPlateau(monitor=loss)"))).getMessage();
        assertTrue(message.contains("ReduceLROnPlateau sets the learning rate, but the optimizer's learning rate follows a"
                + " schedule"), message);
        TrainingSetup.of(Map.of("optimizer", "adam(learning_rate=0.01)", "callbacks", "ReduceLROnPlateau(monitor=loss)"));
    }

    /** Each hidden layer may have its own activation, with arguments; their number must be the layers'. */
    @Test
    void hiddenActivationsGiveEachLayerItsOwn() {
        assertEquals(Sequential.input(3).dense(8, Activation.RELU).dense(4, Activation.leakyRelu(0.3)).dense(1),
                TrainingSetup.of(Map.of("hidden_layers", "8,4", "hidden_activations",
                        "[relu, leaky_relu(negative_slope=0.3)]", "activation", "tanh")).network(3));
        assertEquals("[relu, leaky_relu(negative_slope=0.3)]", Hyperparameters.format("hidden_activations",
                "[ReLU, LeakyReLU(negative_slope=0.3)]"));
        assertEquals("none", Hyperparameters.format("hidden_activations", "none"));
        assertEquals("hidden_activations names 1 activations but hidden_layers has 2 layers: give one per hidden layer"
                + " (or set activation for all)", assertThrows(IllegalArgumentException.class, () -> TrainingSetup.of(
                        Map.of("hidden_layers", "8,4", "hidden_activations", "[relu]"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Hyperparameters.parse("hidden_activations",
                "[relu, tahn]")).getMessage().startsWith("hidden_activations 'tahn': Unknown activation 'tahn'. Did you mean"));
    }

    /** glu halves a layer's width, so it needs even units: an odd layer is refused before any fit. */
    /** A search's fits run side by side: a file callback's name must tell them apart. */
    @Test
    void fileCallbacksNameEachFitsFiles() {
        String shared = assertThrows(IllegalArgumentException.class, () -> TrainingSetup.of(Map.of("callbacks",
                "CSVLogger(filename='log.csv')"))).getMessage();
        assertEquals("callbacks: CSVLogger writes log.csv, but a search's fits run side by side and would all write that"
                + " one file: put {candidate} and {split} in the name, e.g. logs/{candidate}-{split}.csv", shared);
        TrainingSetup ok = TrainingSetup.of(Map.of("validation_split", "0.2", "callbacks", "[CSVLogger(filename="
                + "'logs/{candidate}-{split}.csv', separator=';'), ModelCheckpoint(filepath='m/{candidate}-{split}.lanes',"
                + " save_best_only=True)]"));
        FitOptions placed = TrainingSetup.placeFiles(ok.fitOptions(1), 3, "refit");
        assertEquals(List.of(java.nio.file.Path.of("logs/3-refit.csv"), java.nio.file.Path.of("m/3-refit.lanes")),
                placed.callbacks().stream().flatMap(c -> c.files().stream()).toList());
        String missing = assertThrows(IllegalArgumentException.class, () -> TrainingSetup.of(Map.of("callbacks",
                "ModelCheckpoint(monitor=loss)"))).getMessage();
        assertTrue(missing.contains("Callback 'ModelCheckpoint' needs argument 'filepath'"), missing);
        String validation = assertThrows(IllegalArgumentException.class, () -> TrainingSetup.of(Map.of("callbacks",
                "ModelCheckpoint(filepath='{candidate}-{split}.lanes', save_best_only=True)"))).getMessage();
        assertTrue(validation.contains("ModelCheckpoint monitors val_loss, which needs validation_split > 0"), validation);
    }

    @Test
    void gluNeedsEvenLayers() {
        assertEquals(Sequential.input(3).dense(8, Activation.GLU).dense(1), TrainingSetup.of(Map.of("hidden_layers", "8",
                "activation", "glu")).network(3));
        String odd = assertThrows(IllegalArgumentException.class, () -> TrainingSetup.of(Map.of("hidden_layers", "8,7",
                "activation", "glu"))).getMessage();
        assertTrue(odd.endsWith("glu splits the units into two halves: it needs an even number of units, not 7"), odd);
        String output = assertThrows(IllegalArgumentException.class, () -> TrainingSetup.of(Map.of(
                "output_activation", "glu"))).getMessage();
        assertTrue(output.endsWith("not 1"), output);
    }

    @Test
    void normalizationFollowsEachHiddenLayerBeforeItsDropout() {
        assertEquals(Sequential.input(3).dense(8, Activation.RELU).add(BatchNormalization.defaults().momentum(0.9))
                .dropout(0.2).dense(4, Activation.RELU).add(BatchNormalization.defaults().momentum(0.9)).dropout(0.2)
                .dense(1), TrainingSetup.of(Map.of("hidden_layers", "8,4", "dropout", "0.2",
                "normalization", "BatchNormalization(momentum=0.9)")).network(3));
        assertEquals(Sequential.input(3).dense(8, Activation.RELU).layerNormalization().dense(1),
                TrainingSetup.of(Map.of("hidden_layers", "8", "normalization", "layer_normalization")).network(3));
        assertEquals(Sequential.input(3).dense(8, Activation.RELU).dense(1),
                TrainingSetup.of(Map.of("hidden_layers", "8", "normalization", "None")).network(3));
        assertEquals(Sequential.input(3).dense(8).batchNormalization().activation(Activation.ELU).dropout(0.1).dense(1),
                TrainingSetup.of(Map.of("hidden_layers", "8", "normalization", "batch_normalization", "activation", "elu",
                        "normalize_before_activation", "true", "dropout", "0.1")).network(3));
        assertEquals("normalize_before_activation is true but normalization is none: set a normalization"
                + " (batch_normalization, layer_normalization) or leave normalize_before_activation out",
                assertThrows(IllegalArgumentException.class, () -> TrainingSetup.of(Map.of(
                        "normalize_before_activation", "true"))).getMessage());
        assertEquals("normalization 'batch_normalization(momentum=2)': Invalid value for argument 'momentum' of normalization"
                + " layer 'batch_normalization': 2.0. Valid range: [0, 1] (or none)", assertThrows(IllegalArgumentException.class,
                () -> Hyperparameters.parse("normalization", "batch_normalization(momentum=2)")).getMessage());
        assertEquals("normalization 'layer_norm': Unknown normalization layer 'layer_norm'. Valid names: batch_normalization,"
                + " layer_normalization (or none)", assertThrows(IllegalArgumentException.class,
                () -> Hyperparameters.parse("normalization", "layer_norm")).getMessage());
    }

    @Test
    void namesFollowOneRuleWhateverTheirKind() {
        TrainingSetup s = TrainingSetup.of(Map.of("optimizer", "RMSprop", "kernel_initializer", "HeNormal",
                "bias_initializer", "Zeros", "loss", "MeanSquaredError", "activation", "LeakyReLU", "hidden_layers", "2"));
        assertEquals(Optimizers.rmsprop(), s.optimizer());
        assertEquals(Losses.meanSquaredError(), s.fitOptions(1).loss());
        assertEquals(Dense.of(2, Activation.LEAKY_RELU).kernelInitializer(Initializers.heNormal()), s.network(1).layers().get(0));
    }

    @Test
    void anArgumentGivenTwiceOrUnknownOrOutOfRangeIsRefusedByName() {
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> TrainingSetup.of(Map.of("optimizer", "sgd(momentum=0.5)", "momentum", "0.9")));
        assertEquals("momentum is given twice: as a hyperparameter (0.9) and in optimizer sgd(momentum=0.5); give it once",
                twice.getMessage());
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> TrainingSetup.of(Map.of("optimizer", "sgd(momentm=0.9)")));
        assertTrue(typo.getMessage().startsWith("optimizer 'sgd(momentm=0.9)': Optimizer 'sgd' does not take argument "
                + "'momentm'. Did you mean 'momentum'?"), typo.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> TrainingSetup.of(Map.of("optimizer", "adam(beta_1=1.5)")));
        assertTrue(range.getMessage().contains("Invalid value for argument 'beta_1' of optimizer 'adam': 1.5. Valid range: "),
                range.getMessage());
        IllegalArgumentException seed = assertThrows(IllegalArgumentException.class,
                () -> TrainingSetup.of(Map.of("kernel_initializer", "he_normal(seed=1)")));
        assertTrue(seed.getMessage().startsWith("kernel_initializer 'he_normal(seed=1)': Initializer 'he_normal' does not "
                + "take argument 'seed'."), seed.getMessage());
        IllegalArgumentException delta = assertThrows(IllegalArgumentException.class,
                () -> TrainingSetup.of(Map.of("loss", "mse(delta=2)")));
        assertTrue(delta.getMessage().equals("loss 'mse(delta=2)': Loss 'mean_squared_error' does not take argument 'delta'. It takes none."),
                delta.getMessage());
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class,
                () -> TrainingSetup.of(Map.of("kernel_initializer", "variance_scaling(mode=fan_ot)")));
        assertTrue(mode.getMessage().startsWith("kernel_initializer 'variance_scaling(mode=fan_ot)': "), mode.getMessage());
    }

    @Test
    void earlyStoppingWatchesTheValidationSplit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingSetup.of(Map.of("early_stopping_patience", "2")));
        assertEquals("early_stopping_patience needs validation_split > 0: early stopping watches the loss on the "
                + "held-out validation rows, and validation_split is 0", e.getMessage());
        FitOptions o = TrainingSetup.of(Map.of("early_stopping_patience", 2, "validation_split", 0.2)).fitOptions(1);
        assertEquals(List.of(EarlyStopping.defaults().patience(2)), o.callbacks());
        assertEquals(0.2, o.validationSplit());
    }

    @Test
    void anOptimizersOwnRangeAndClippingRulesAreCheckedUpFront() {
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> TrainingSetup.of(Map.of("optimizer", "adam", "beta_1", "1")));
        assertTrue(range.getMessage().contains("Invalid value for argument 'beta_1' of optimizer 'adam': 1.0. Valid range: [0, 1)"),
                range.getMessage());
        IllegalArgumentException clipping = assertThrows(IllegalArgumentException.class,
                () -> TrainingSetup.of(Map.of("clipnorm", "1", "clipvalue", "1")));
        assertTrue(clipping.getMessage().contains("Only one of clipnorm, clipvalue and global_clipnorm can be set"),
                clipping.getMessage());
    }

    private static Map<String, Object> with(Map<String, Object> base, String name, Object value) {
        Map<String, Object> m = new java.util.HashMap<>(base);
        m.put(name, value);
        return m;
    }
}
