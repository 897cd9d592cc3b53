package dev.lanes.tune;

import dev.lanes.nn.Dense;
import dev.lanes.nn.Dropout;
import dev.lanes.nn.EarlyStopping;
import dev.lanes.nn.FitOptions;
import dev.lanes.nn.Initializers;
import dev.lanes.nn.Losses;
import dev.lanes.nn.Optimizers;
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
