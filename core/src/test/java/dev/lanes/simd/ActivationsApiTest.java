package dev.lanes.simd;

import dev.lanes.simd.internal.VectorizationProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Names of {@link Activation}, the argument checks of the {@link Activations} facade, and that the facade
 * runs kernels agreeing with the scalar ones.
 */
class ActivationsApiTest {

    @ParameterizedTest
    @EnumSource(Activation.class)
    void kerasNameRoundTrips(Activation f) {
        assertEquals(f, Activation.fromKerasName(f.kerasName()));
        assertEquals(f, Activation.fromKerasName(" " + f.kerasName().toUpperCase(Locale.ROOT) + " "));
        assertEquals(f != Activation.SOFTMAX, f.isElementwise());
    }

    @Test
    void kerasAliases() {
        assertEquals(Activation.SILU, Activation.fromKerasName("swish"));
        assertEquals(Activation.HARD_SILU, Activation.fromKerasName("hard_swish"));
    }

    @Test
    void unknownNameListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activation.fromKerasName("relu7"));
        assertTrue(e.getMessage().contains("relu7"), e.getMessage());
        for (Activation f : Activation.values()) {
            assertTrue(e.getMessage().contains(f.kerasName()), e.getMessage());
        }
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

    @ParameterizedTest
    @EnumSource(Activation.class)
    void facadeRunsTheActiveKernels(Activation f) {
        Random rnd = new Random(42 + f.ordinal());
        float[] x = new float[2 * 21];
        float[] g = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rnd.nextGaussian() * 3);
            g[i] = (float) rnd.nextGaussian();
        }
        float[] y = new float[x.length];
        float[] yScalar = new float[x.length];
        Activations.forward(f, 2, 21, x, 0, y, 0);
        VectorizationProvider.scalar().activations().forward(f, 2, 21, x, 0, yScalar, 0);
        float[] gi = new float[x.length];
        float[] giScalar = new float[x.length];
        Activations.backward(f, 2, 21, x, 0, y, 0, g, 0, gi, 0);
        VectorizationProvider.scalar().activations().backward(f, 2, 21, x, 0, yScalar, 0, g, 0, giScalar, 0);
        for (int i = 0; i < x.length; i++) {
            assertEquals(yScalar[i], y[i], 1e-5f * Math.max(1, Math.abs(yScalar[i])), Simd.describe() + " " + f);
            assertEquals(giScalar[i], gi[i], 1e-5f * Math.max(1, Math.abs(giScalar[i])), Simd.describe() + " " + f + "'");
        }
    }
}
