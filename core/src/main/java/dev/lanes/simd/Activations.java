package dev.lanes.simd;

import dev.lanes.simd.internal.ActivationSupport;
import dev.lanes.simd.internal.VectorizationProvider;

import java.util.Objects;

/**
 * Forward and backward kernels for every {@link ActivationFunction} on a row-major, contiguous
 * {@code rows x cols} block (one row per sample, one column per unit). Element-wise functions see
 * {@code rows * cols} values; softmax normalizes each row; glu gives {@code rows x cols/2} values
 * ({@link Activation#outputWidth}), so its output and its gradient of the output are half as large.
 */
public final class Activations {

    private static final ActivationSupport IMPL = VectorizationProvider.get().activations();

    private Activations() {
    }

    /** {@code out = f(x)}; out may be x at the same offset (in place). */
    public static void forward(ActivationFunction f, int rows, int cols, float[] x, int xOff, float[] out, int outOff) {
        Objects.requireNonNull(f, "f");
        int n = size(rows, cols);
        Checks.range("x", x, xOff, n);
        Checks.range("out", out, outOff, rows * f.kind().outputWidth(cols));
        IMPL.forward(f, rows, cols, x, xOff, out, outOff);
    }

    /**
     * {@code gradIn = gradOut * f'(x)}, the gradient with respect to the activation's input, given the
     * input {@code x} and output {@code y} of the forward pass. For softmax it is the product of each
     * row's Jacobian with gradOut. gradIn may be gradOut at the same offset, except for glu, whose
     * gradIn is twice as wide as its gradOut and must not overlap it.
     */
    public static void backward(ActivationFunction f, int rows, int cols, float[] x, int xOff, float[] y, int yOff,
                                float[] gradOut, int gradOutOff, float[] gradIn, int gradInOff) {
        Objects.requireNonNull(f, "f");
        int n = size(rows, cols);
        int outputs = rows * f.kind().outputWidth(cols);
        Checks.range("x", x, xOff, n);
        Checks.range("y", y, yOff, outputs);
        Checks.range("gradOut", gradOut, gradOutOff, outputs);
        Checks.range("gradIn", gradIn, gradInOff, n);
        if (outputs != n && gradIn == gradOut && gradInOff < gradOutOff + outputs && gradOutOff < gradInOff + n) {
            throw new IllegalArgumentException("glu's gradIn [" + gradInOff + ", " + (gradInOff + n) + ") overlaps its"
                    + " gradOut [" + gradOutOff + ", " + (gradOutOff + outputs) + ")");
        }
        IMPL.backward(f, rows, cols, x, xOff, y, yOff, gradOut, gradOutOff, gradIn, gradInOff);
    }

    private static int size(int rows, int cols) {
        Checks.nonNegative("rows", rows);
        Checks.nonNegative("cols", cols);
        long n = (long) rows * cols;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(rows + " x " + cols + " elements do not fit an array");
        }
        return (int) n;
    }
}
