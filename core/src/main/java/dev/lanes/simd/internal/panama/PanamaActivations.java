package dev.lanes.simd.internal.panama;

import dev.lanes.simd.internal.ActivationSupport;

import dev.lanes.simd.Activation;

/** Scaffolding: replaced by the real kernels in the following commits. */
final class PanamaActivations implements ActivationSupport {
    @Override
    public void forward(Activation f, int rows, int cols, float[] x, int xOff, float[] out, int outOff) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void backward(Activation f, int rows, int cols, float[] x, int xOff, float[] y, int yOff,
                         float[] gradOut, int gradOutOff, float[] gradIn, int gradInOff) {
        throw new UnsupportedOperationException("not yet");
    }
}
