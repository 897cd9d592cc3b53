package dev.lanes.tune;

import dev.lanes.base.KerasCall;
import dev.lanes.nn.Optimizers;
import dev.lanes.simd.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HyperparametersTest {

    @Test
    void unknownNameSuggestsTheClosestAndListsAll() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Hyperparameters.parse("learnig_rate", "0.01"));
        assertEquals("Unknown hyperparameter 'learnig_rate'. Did you mean 'learning_rate'? Valid names: "
                + String.join(", ", Hyperparameters.names()), e.getMessage());
        assertTrue(e.getMessage().contains("activation, activity_l1, activity_l2, batch_size, beta_1, beta_2, bias_constraint"));
        assertEquals("Unknown hyperparameter 'colour'. Valid names: " + String.join(", ", Hyperparameters.names()),
                assertThrows(IllegalArgumentException.class, () -> Hyperparameters.checkName("colour")).getMessage());
    }

    @Test
    void namesAreSortedAndComplete() {
        assertEquals(List.of("activation", "activity_l1", "activity_l2", "batch_size", "beta_1", "beta_2", "bias_constraint", "bias_initializer", "callbacks", "clipnorm", "clipvalue",
                "dropout", "early_stopping_patience", "epochs", "epsilon", "gaussian_noise", "hidden_activations", "hidden_layers", "kernel_constraint", "kernel_initializer", "l1",
                "l2", "learning_rate", "loss", "momentum", "nesterov", "normalization", "normalize_before_activation", "optimizer", "output_activation", "rho",
                "shuffle", "validation_split", "weight_decay"), Hyperparameters.names());
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of("activation", "rellu", "activation 'rellu': Unknown activation 'rellu'. Did you mean 'relu'? Valid names: celu, elu, exponential, gelu,"),
                Arguments.of("output_activation", "lineer", "output_activation 'lineer': Unknown activation 'lineer'. Did you mean 'linear'?"),
                Arguments.of("activation", 5, "activation must be an activation name, got Integer '5'"),
                Arguments.of("kernel_initializer", "glorot_unifrom", "kernel_initializer 'glorot_unifrom': Unknown initializer 'glorot_unifrom'. Did you mean 'glorot_uniform'? Valid names:"),
                Arguments.of("bias_initializer", "zeroes", "bias_initializer 'zeroes': Unknown initializer 'zeroes'. Did you mean 'zeros'?"),
                Arguments.of("optimizer", "adma", "optimizer 'adma' is not a known optimizer. Did you mean 'adam'? Valid names: adadelta, adafactor, adagrad, adam, adamax, adamw, ftrl, lamb, lion, nadam, rmsprop, sgd"),
                Arguments.of("loss", "mse2", "loss 'mse2': Unknown loss 'mse2'. Did you mean 'mse'?"),
                Arguments.of("batch_size", "0", "batch_size must be an integer >= 1, got '0'"),
                Arguments.of("batch_size", "3.5", "batch_size must be an integer >= 1, got '3.5'"),
                Arguments.of("batch_size", 32.0, "batch_size must be an integer >= 1, got '32.0'"),
                Arguments.of("batch_size", "lots", "batch_size must be an integer >= 1, got 'lots'"),
                Arguments.of("epochs", "-3", "epochs must be an integer >= 1, got '-3'"),
                Arguments.of("epochs", "99999999999", "epochs must be an integer >= 1, got '99999999999'"),
                Arguments.of("early_stopping_patience", "-1", "early_stopping_patience must be an integer >= 0, got '-1'"),
                Arguments.of("learning_rate", "0", "learning_rate must be a number > 0, got '0'"),
                Arguments.of("learning_rate", "fast", "learning_rate must be a number > 0, got 'fast'"),
                Arguments.of("learning_rate", "NaN", "learning_rate must be a number > 0, got 'NaN'"),
                Arguments.of("learning_rate", Double.POSITIVE_INFINITY, "learning_rate must be a number > 0, got 'Infinity'"),
                Arguments.of("momentum", "1.5", "momentum must be a number in [0, 1], got '1.5'"),
                Arguments.of("beta_1", -0.1, "beta_1 must be a number in [0, 1], got '-0.1'"),
                Arguments.of("beta_2", "2", "beta_2 must be a number in [0, 1], got '2'"),
                Arguments.of("rho", "1", "rho must be a number in [0, 1), got '1'"),
                Arguments.of("epsilon", "0", "epsilon must be a number > 0, got '0'"),
                Arguments.of("weight_decay", "-0.01", "weight_decay must be a number >= 0, got '-0.01'"),
                Arguments.of("clipnorm", "0", "clipnorm must be a number > 0, got '0'"),
                Arguments.of("clipvalue", "-1", "clipvalue must be a number > 0, got '-1'"),
                Arguments.of("l1", "-1", "l1 must be a number >= 0, got '-1'"),
                Arguments.of("l2", "1e999", "l2 must be a number >= 0, got '1e999'"),
                Arguments.of("dropout", "1", "dropout must be a number in [0, 1), got '1'"),
                Arguments.of("validation_split", "-0.1", "validation_split must be a number in [0, 1), got '-0.1'"),
                Arguments.of("nesterov", "yes", "nesterov must be true or false, got 'yes'"),
                Arguments.of("shuffle", 1, "shuffle must be true or false, got '1'"),
                Arguments.of("hidden_layers", "64,,32", "hidden_layers must be layer widths (integers >= 1) separated by ',' or '-', e.g. '64,32' or '128-64-32', or 'none' for no hidden layer (a linear model), got '64,,32'"),
                Arguments.of("hidden_layers", "64-0", "hidden_layers must be layer widths (integers >= 1) separated by ',' or '-'"),
                Arguments.of("hidden_layers", "64;32", "got '64;32'"),
                Arguments.of("hidden_layers", List.of(64, "32"), "got '[64, 32]'"),
                Arguments.of("hidden_layers", "64,1048577", "hidden_layers widths must be at most 1048576, got 1048577 in '64,1048577'"),
                Arguments.of("hidden_layers", List.of(64L, 1L << 33), "hidden_layers must be layer widths (integers >= 1)"),
                Arguments.of("hidden_layers", "1,".repeat(9999) + "1", "hidden_layers may have at most 9999 layers (the output layer is one more), got 10000"),
                Arguments.of("learning_rate", null, "learning_rate has no value (null)"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidValues")
    void invalidValuesNameTheHyperparameterTheValueAndWhatIsValid(String name, Object value, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Hyperparameters.parse(name, value));
        assertTrue(e.getMessage().startsWith(expected) || e.getMessage().contains(expected),
                "expected '" + expected + "' in: " + e.getMessage());
    }

    static Stream<Arguments> validValues() {
        return Stream.of(
                Arguments.of("hidden_layers", "64,32", List.of(64, 32), "64,32"),
                Arguments.of("hidden_layers", "128-64-32", List.of(128, 64, 32), "128,64,32"),
                Arguments.of("hidden_layers", " 64 , 32 ", List.of(64, 32), "64,32"),
                Arguments.of("hidden_layers", "", List.of(), "none"),
                Arguments.of("hidden_layers", "None", List.of(), "none"),
                Arguments.of("hidden_layers", List.of(8, 4), List.of(8, 4), "8,4"),
                Arguments.of("hidden_layers", new int[] {16}, List.of(16), "16"),
                Arguments.of("hidden_layers", 7, List.of(7), "7"),
                Arguments.of("activation", "RELU", Activation.RELU, "relu"),
                Arguments.of("activation", "swish", Activation.SILU, "silu"),
                Arguments.of("output_activation", Activation.SOFTPLUS, Activation.SOFTPLUS, "softplus"),
                Arguments.of("optimizer", "Adam", KerasCall.of("adam"), "adam"),
                Arguments.of("optimizer", "RMSprop", KerasCall.of("rmsprop"), "rmsprop"),
                Arguments.of("optimizer", "SGD( momentum = 0.90, nesterov=True )",
                        new KerasCall("sgd", Map.of("momentum", 0.9, "nesterov", true)), "sgd(momentum=0.9, nesterov=true)"),
                Arguments.of("kernel_initializer", "he_normal", KerasCall.of("he_normal"), "he_normal"),
                Arguments.of("kernel_initializer", "variance_scaling(scale=2,mode='fan_out')",
                        new KerasCall("variance_scaling", Map.of("scale", 2.0, "mode", "fan_out")), "variance_scaling(scale=2, mode=fan_out)"),
                Arguments.of("loss", "huber", KerasCall.of("huber"), "huber"),
                Arguments.of("loss", "huber(delta=0.5)", new KerasCall("huber", Map.of("delta", 0.5)), "huber(delta=0.5)"),
                Arguments.of("learning_rate", "1e-3", 0.001, "0.001"),
                Arguments.of("learning_rate", 1e-4, 1e-4, "0.0001"),
                Arguments.of("momentum", 1, 1.0, "1"),
                Arguments.of("l2", "0", 0.0, "0"),
                Arguments.of("batch_size", "128", 128, "128"),
                Arguments.of("batch_size", 64L, 64, "64"),
                Arguments.of("epochs", " 20 ", 20, "20"),
                Arguments.of("shuffle", "FALSE", false, "false"),
                Arguments.of("nesterov", true, true, "true"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("validValues")
    void validValuesParseToOneTypedFormAndFormatCanonically(String name, Object value, Object typed, String text) {
        assertEquals(typed, Hyperparameters.parse(name, value));
        assertTrue(Hyperparameters.type(name).isInstance(typed), Hyperparameters.type(name) + " " + typed);
        assertEquals(text, Hyperparameters.format(name, value));
    }

    @Test
    void defaults() {
        assertEquals(Optional.of(List.of(64)), Hyperparameters.defaultValue("hidden_layers"));
        assertEquals(Optional.of(Activation.RELU), Hyperparameters.defaultValue("activation"));
        assertEquals(Optional.of(Activation.LINEAR), Hyperparameters.defaultValue("output_activation"));
        assertEquals(Optional.of(KerasCall.of("glorot_uniform")), Hyperparameters.defaultValue("kernel_initializer"));
        assertEquals(Optional.of(KerasCall.of("zeros")), Hyperparameters.defaultValue("bias_initializer"));
        assertEquals(Optional.of(KerasCall.of("adam")), Hyperparameters.defaultValue("optimizer"));
        assertEquals(Optional.of(KerasCall.of("mse")), Hyperparameters.defaultValue("loss"));
        assertEquals(Optional.of(32), Hyperparameters.defaultValue("batch_size"));
        assertEquals(Optional.of(20), Hyperparameters.defaultValue("epochs"));
        assertEquals(Optional.of(0.0), Hyperparameters.defaultValue("l2"));
        assertEquals(Optional.of(0.0), Hyperparameters.defaultValue("dropout"));
        assertEquals(Optional.of(0.0), Hyperparameters.defaultValue("validation_split"));
        assertEquals(Optional.of(true), Hyperparameters.defaultValue("shuffle"));
        for (String optional : List.of("learning_rate", "momentum", "nesterov", "beta_1", "beta_2", "epsilon", "rho",
                "weight_decay", "clipnorm", "clipvalue", "early_stopping_patience")) {
            assertEquals(Optional.empty(), Hyperparameters.defaultValue(optional), optional);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"momentum", "nesterov", "beta_1", "beta_2", "epsilon", "rho", "learning_rate", "weight_decay",
            "clipnorm", "clipvalue"})
    void optimizerTakesAgreesWithTheOptimizersThemselves(String argument) {
        Object value = argument.equals("nesterov") ? (Object) true : (Object) 0.5;
        for (String optimizer : Optimizers.names()) {
            boolean takes = Hyperparameters.optimizerTakes(optimizer, argument);
            boolean accepted;
            try {
                Optimizers.create(optimizer, Map.of(argument, value));
                accepted = true;
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage().contains("does not take argument"), e.getMessage());
                accepted = false;
            }
            assertEquals(accepted, takes, optimizer + " " + argument);
        }
        assertEquals(List.of("rmsprop", "sgd"), Hyperparameters.optimizersTaking("momentum"));
    }
}
