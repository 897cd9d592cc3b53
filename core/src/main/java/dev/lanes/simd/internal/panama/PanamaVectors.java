package dev.lanes.simd.internal.panama;

import dev.lanes.simd.internal.VectorSupport;

/** Scaffolding: replaced by the real kernels in the following commits. */
final class PanamaVectors implements VectorSupport {
    @Override
    public float dot(int n, float[] x, int xOff, float[] y, int yOff) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void scale(int n, float alpha, float[] x, int xOff) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void add(int n, float[] x, int xOff, float[] y, int yOff, float[] out, int outOff) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void multiply(int n, float[] x, int xOff, float[] y, int yOff, float[] out, int outOff) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public float sum(int n, float[] x, int xOff) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public float max(int n, float[] x, int xOff) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void addBias(int rows, int cols, float[] bias, int biasOff, float[] x, int xOff, int ldx) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void columnSums(int rows, int cols, float[] x, int xOff, int ldx, float[] out, int outOff) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public float squaredErrorSum(int n, float[] x, int xOff, float[] y, int yOff) {
        throw new UnsupportedOperationException("not yet");
    }
}
