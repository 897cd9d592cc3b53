package dev.lanes.simd.internal;

import dev.lanes.simd.ActivationFunction;

/**
 * One implementation of the activation kernels, dispatching on {@link ActivationFunction#kind()} and
 * reading its arguments once per call. Arguments have been checked by
 * {@link dev.lanes.simd.Activations}. Matrices are row-major and contiguous (row stride = cols);
 * element-wise functions treat them as {@code rows * cols} values, softmax works row by row.
 */
public interface ActivationSupport {

    /** {@code out = f(x)}; out may be x at the same offset. */
    void forward(ActivationFunction f, int rows, int cols, float[] x, int xOff, float[] out, int outOff);

    /**
     * {@code gradIn = gradOut * f'(x)} (for softmax: the Jacobian-vector product of each row), given
     * the input x and the output {@code y = f(x)} of the forward pass. gradIn may be gradOut at the same
     * offset.
     */
    void backward(ActivationFunction f, int rows, int cols, float[] x, int xOff, float[] y, int yOff,
                  float[] gradOut, int gradOutOff, float[] gradIn, int gradInOff);
}
