package dev.lanes.nn;

import dev.lanes.base.Signature;
import dev.lanes.simd.Activation;
import dev.lanes.simd.ActivationFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Activations by their Keras names and arguments, as the grid and the model file write them. */
class ActivationCallTest {

    @ParameterizedTest
    @EnumSource(Activation.class)
    void everyNameInEveryFormOfTheNameRule(Activation f) {
        assertSame(f, ActivationCall.fromKerasName(f.kerasName()));
        assertSame(f, ActivationCall.fromKerasName(" " + f.kerasName().toUpperCase(Locale.ROOT) + " "));
        assertSame(f, ActivationCall.fromKerasName(f.kerasName().replace("_", "")));
        assertSame(f, ActivationCall.parse(f.kerasForm()));
    }

    @Test
    void kerasAliases() {
        assertSame(Activation.SILU, ActivationCall.fromKerasName("swish"));
        assertSame(Activation.HARD_SILU, ActivationCall.fromKerasName("HardSwish"));
    }

    @Test
    void unknownNameSuggestsAndListsTheValidOnes() {
        String m = assertThrows(IllegalArgumentException.class, () -> ActivationCall.fromKerasName("relu7")).getMessage();
        assertTrue(m.startsWith("Unknown activation 'relu7'. Did you mean 'relu'"), m);
        for (Activation f : Activation.values()) {
            assertTrue(m.contains(f.kerasName()), m);
        }
    }

    @Test
    void argumentsAreReadAgainstTheDeclaration() {
        assertEquals(Activation.elu(0.5), ActivationCall.create("elu", Map.of("alpha", 0.5)));
        assertEquals(Activation.relu(0.1, 4, 1), ActivationCall.parse("relu(threshold=1, negative_slope=0.1, max_value=4)"));
        assertSame(Activation.GELU_TANH, ActivationCall.parse("gelu(approximate=True)"));
        Map<String, Object> none = new HashMap<>();
        none.put("max_value", null);
        assertSame(Activation.RELU, ActivationCall.create("relu", none));
        assertSame(Activation.RELU, ActivationCall.parse("relu(max_value=None)"));
        assertEquals("Invalid value for argument 'b' of activation 'squareplus': -1.0. Valid: a number > 0",
                assertThrows(IllegalArgumentException.class, () -> ActivationCall.parse("squareplus(b=-1)")).getMessage());
        assertEquals("Argument 'alpha' of activation 'elu' must be a number, got String big",
                assertThrows(IllegalArgumentException.class, () -> ActivationCall.parse("elu(alpha=big)")).getMessage());
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void theSignatureIsTheDeclaration(Activation f) {
        Signature s = ActivationCall.signature(f);
        assertEquals(f.kerasName(), s.name());
        assertEquals(f.arguments().stream().map(a -> a.name()).toList(), s.names());
        for (int i = 0; i < f.arguments().size(); i++) {
            Object d = s.arguments().get(f.arguments().get(i).name());
            Object expected = switch (f.arguments().get(i).kind()) {
                case FLAG -> f.argument(i) == 1;
                case OPTIONAL -> Signature.NONE;
                case NUMBER -> f.argument(i);
                case REQUIRED -> Signature.REQUIRED;
            };
            assertEquals(expected, d);
        }
    }

    /** Keras' threshold has no defaults: a call gives both, and the bare constant writes its values. */
    @Test
    void thresholdNeedsItsArguments() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> ActivationCall.parse("threshold(threshold=0.5)")).getMessage();
        assertTrue(message.contains("default_value"), message);
        assertEquals("threshold(threshold=0.5, default_value=-1.0)", Activation.threshold(0.5, -1).kerasForm());
        assertEquals("threshold(threshold=0.0, default_value=0.0)", Activation.THRESHOLD.kerasForm());
        assertEquals(Activation.THRESHOLD, ActivationCall.parse("threshold(threshold=0, default_value=0)"));
    }

    @Test
    void kerasFormReadsBackEqual() {
        for (ActivationFunction f : new ActivationFunction[] {Activation.leakyRelu(0.3), Activation.relu(0.1, 4, 1),
            Activation.relu(0, 3, -0.25), Activation.celu(2.5), Activation.hardShrink(0), Activation.elu(-1e-3),
            Activation.THRESHOLD, Activation.threshold(0.5, -1)}) {
            assertEquals(f, ActivationCall.parse(f.kerasForm()), f.kerasForm());
        }
    }
}
