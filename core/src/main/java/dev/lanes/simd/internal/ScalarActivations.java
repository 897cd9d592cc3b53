package dev.lanes.simd.internal;

import dev.lanes.simd.Activation;

/** Scaffolding: replaced by the real kernels in the following commits. */
final class ScalarActivations implements ActivationSupport {
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
