package dev.lanes.simd;

import dev.lanes.simd.internal.VectorizationProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The constants of {@link Activation} and their arguments, the argument checks of the {@link Activations} facade, and that the facade
 * runs kernels agreeing with the scalar ones.
 */
class ActivationsApiTest {

    @ParameterizedTest
    @EnumSource(Activation.class)
    void eachConstantIsItsFunctionAtKerasDefaults(Activation f) {
        assertEquals(f != Activation.SOFTMAX && f != Activation.LOG_SOFTMAX && f != Activation.SPARSEMAX
                && f != Activation.GLU, f.isElementwise());
        // Keras' name alone, except where Keras requires arguments: their values then follow it
        boolean required = f.arguments().stream().anyMatch(a -> a.kind() == Argument.Kind.REQUIRED);
        assertEquals(required ? f.kerasName() + "(" : f.kerasName(), required ? f.kerasForm().substring(0,
                f.kerasName().length() + 1) : f.kerasForm());
        assertSame(f, f.kind());
        double[] defaults = new double[f.arguments().size()];
        for (int i = 0; i < defaults.length; i++) {
            defaults[i] = f.arguments().get(i).defaultValue();
            assertEquals(defaults[i], f.argument(i));
        }
        assertSame(f, f.with(defaults));
    }

    @Test
    void withGivesTheFunctionKerasComputes() {
        double none = Double.POSITIVE_INFINITY;
        assertSame(Activation.GELU_TANH, Activation.GELU.with(1));
        assertSame(Activation.RELU6, Activation.relu(0, 6, 0));
        assertSame(Activation.RELU, Activation.relu(-0.0, none, -0.0));
        assertSame(Activation.RELU, Activation.leakyRelu(0));
        assertSame(Activation.LEAKY_RELU, Activation.relu(0.2, none, 0));
        assertEquals(Activation.leakyRelu(0.3), Activation.relu(0.3, none, 0));
        ActivationFunction clipped = Activation.relu(0, 6, 1);
        assertEquals(Activation.RELU, clipped.kind());
        assertEquals("relu(max_value=6.0, threshold=1.0)", clipped.kerasForm());
        assertEquals(clipped, Activation.RELU.with(0, 6, 1));
        assertEquals(clipped.hashCode(), Activation.RELU.with(0, 6, 1).hashCode());
        assertNotEquals(clipped, Activation.relu(0, 6, 2));
        assertEquals(Activation.elu(-0.5), Activation.ELU.with(-0.5));
        assertEquals("elu(alpha=-0.5)", Activation.elu(-0.5).toString());
        assertEquals("leaky_relu(negative_slope=0.3)", Activation.leakyRelu(0.3).kerasForm());
        assertEquals(0.3, Activation.leakyRelu(0.3).argument(0));
    }

    @Test
    void withRefusesValuesOutOfRange() {
        assertEquals("Invalid value for argument 'alpha' of activation 'celu': 0.0. Valid: a number > 0",
                assertThrows(IllegalArgumentException.class, () -> Activation.celu(0)).getMessage());
        assertEquals("Invalid value for argument 'negative_slope' of activation 'leaky_relu': -0.1. Valid: a number >= 0",
                assertThrows(IllegalArgumentException.class, () -> Activation.leakyRelu(-0.1)).getMessage());
        assertEquals("Invalid value for argument 'max_value' of activation 'relu': -1.0. Valid: None or a number >= 0",
                assertThrows(IllegalArgumentException.class, () -> Activation.relu(0, -1, 0)).getMessage());
        assertEquals("Invalid value for argument 'approximate' of activation 'gelu': 0.5. Valid: True or False",
                assertThrows(IllegalArgumentException.class, () -> Activation.GELU.with(0.5)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Activation.elu(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Activation.squareplus(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Activation.relu(0, Double.NaN, 0));
        assertEquals("Activation 'tanh' takes 0 arguments [] but was given 1",
                assertThrows(IllegalArgumentException.class, () -> Activation.TANH.with(1)).getMessage());
    }

    /** glu halves the width: odd columns are refused, and its gradIn (twice gradOut's size) may not overlap gradOut. */
    @Test
    void gluNeedsEvenColumnsAndSeparateGradients() {
        float[] a = new float[12];
        assertEquals("glu splits the units into two halves: it needs an even number of units, not 3",
                assertThrows(IllegalArgumentException.class, () -> Activations.forward(Activation.GLU, 2, 3, a, 0, a, 0))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Activations.backward(Activation.GLU, 2, 4, a, 0,
                a, 0, a, 0, a, 0)).getMessage().contains("overlaps"));
        float[] x = {1, 2, 0, 0};
        float[] y = new float[2];
        Activations.forward(Activation.GLU, 1, 4, x, 0, y, 0);
        assertArrayEquals(new float[] {0.5f, 1f}, y);
        assertEquals(3, Activation.GLU.outputWidth(6));
        assertEquals(6, Activation.TANH.outputWidth(6));
    }

    @Test
    void facadeRejectsBadSizes() {
        float[] a = new float[8];
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> Activations.forward(Activation.RELU, -1, 2, a, 0, a, 0));
        assertTrue(rows.getMessage().contains("rows"), rows.getMessage());
        IllegalArgumentException cols = assertThrows(IllegalArgumentException.class,
                () -> Activations.backward(Activation.RELU, 2, -3, a, 0, a, 0, a, 0, a, 0));
        assertTrue(cols.getMessage().contains("cols"), cols.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Activations.forward(Activation.RELU, 1 << 16, 1 << 16, a, 0, a, 0));
        assertThrows(NullPointerException.class, () -> Activations.forward(null, 1, 1, a, 0, a, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "out"})
    void forwardNamesTheShortArray(String which) {
        float[] ok = new float[6];
        float[] shortArray = new float[5];
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> Activations.forward(
                Activation.SIGMOID, 2, 3, which.equals("x") ? shortArray : ok, 0, which.equals("out") ? shortArray : ok, 0));
        assertTrue(e.getMessage().startsWith(which + ":"), e.getMessage());
        IndexOutOfBoundsException off = assertThrows(IndexOutOfBoundsException.class, () -> Activations.forward(
                Activation.SIGMOID, 2, 3, ok, which.equals("x") ? 1 : 0, ok, which.equals("out") ? -1 : 0));
        assertTrue(off.getMessage().startsWith(which + ":"), off.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "y", "gradOut", "gradIn"})
    void backwardNamesTheShortArray(String which) {
        float[] ok = new float[6];
        float[] s = new float[5];
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> Activations.backward(
                Activation.TANH, 3, 2, which.equals("x") ? s : ok, 0, which.equals("y") ? s : ok, 0,
                which.equals("gradOut") ? s : ok, 0, which.equals("gradIn") ? s : ok, 0));
        assertTrue(e.getMessage().startsWith(which + ":"), e.getMessage());
    }

    static Stream<ActivationFunction> functions() {
        return Stream.concat(Arrays.stream(Activation.values()), ActivationKernelsTest.WITH_ARGUMENTS.stream());
    }

    @ParameterizedTest
    @MethodSource("functions")
    void facadeRunsTheActiveKernels(ActivationFunction f) {
        Random rnd = new Random(42 + ActivationKernelsTest.seed(f));
        int cols = f.kind() == Activation.GLU ? 22 : 21;
        float[] x = new float[2 * cols];
        float[] g = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rnd.nextGaussian() * 3);
            g[i] = (float) rnd.nextGaussian();
        }
        float[] y = new float[x.length];
        float[] yScalar = new float[x.length];
        Activations.forward(f, 2, cols, x, 0, y, 0);
        VectorizationProvider.scalar().activations().forward(f, 2, cols, x, 0, yScalar, 0);
        float[] gi = new float[x.length];
        float[] giScalar = new float[x.length];
        Activations.backward(f, 2, cols, x, 0, y, 0, g, 0, gi, 0);
        VectorizationProvider.scalar().activations().backward(f, 2, cols, x, 0, yScalar, 0, g, 0, giScalar, 0);
        for (int i = 0; i < x.length; i++) {
            assertEquals(yScalar[i], y[i], 1e-5f * Math.max(1, Math.abs(yScalar[i])), Simd.describe() + " " + f);
            assertEquals(giScalar[i], gi[i], 1e-5f * Math.max(1, Math.abs(giScalar[i])), Simd.describe() + " " + f + "'");
        }
    }
}
