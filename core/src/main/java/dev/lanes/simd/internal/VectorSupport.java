package dev.lanes.simd.internal;

/**
 * One implementation of the level-1 kernels and reductions. Arguments have been checked by
 * {@link dev.lanes.simd.Vectors}; every length is at least 0 and every index in bounds.
 */
public interface VectorSupport {

    /** Returns {@code sum(x[i] * y[i])}. */
    float dot(int n, float[] x, int xOff, float[] y, int yOff);

    /** {@code y[i] += alpha * x[i]}. */
    void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff);

    /** {@code x[i] *= alpha}. */
    void scale(int n, float alpha, float[] x, int xOff);

    /** {@code out[i] = x[i] + y[i]}; out may be x or y at the same offset. */
    void add(int n, float[] x, int xOff, float[] y, int yOff, float[] out, int outOff);

    /** {@code out[i] = x[i] * y[i]}; out may be x or y at the same offset. */
    void multiply(int n, float[] x, int xOff, float[] y, int yOff, float[] out, int outOff);

    /** Returns {@code sum(x[i])}, 0 when n is 0. */
    float sum(int n, float[] x, int xOff);

    /** Returns the largest {@code x[i]}, NaN if any element is NaN, -infinity when n is 0. */
    float max(int n, float[] x, int xOff);

    /** Adds the row vector {@code bias[0..cols)} to each of {@code rows} rows of x (row stride ldx). */
    void addBias(int rows, int cols, float[] bias, int biasOff, float[] x, int xOff, int ldx);

    /** {@code out[j] = sum over i of x[i][j]} for a rows x cols matrix with row stride ldx. */
    void columnSums(int rows, int cols, float[] x, int xOff, int ldx, float[] out, int outOff);

    /** Returns {@code sum((x[i] - y[i])^2)}. */
    float squaredErrorSum(int n, float[] x, int xOff, float[] y, int yOff);
}
