package dev.lanes.simd;

import dev.lanes.simd.internal.VectorSupport;
import dev.lanes.simd.internal.VectorizationProvider;

/**
 * Level-1 kernels and reductions on float arrays with offsets: dot, axpy, scale, add, multiply, sum,
 * max, bias add, column sums and squared-error sum. Arguments are checked once here, then the active
 * implementation (SIMD or scalar, see {@link Simd}) runs.
 */
public final class Vectors {

    private static final VectorSupport IMPL = VectorizationProvider.get().vectors();

    private Vectors() {
    }

    /** Returns {@code sum(x[xOff + i] * y[yOff + i])} for i in [0, n). */
    public static float dot(int n, float[] x, int xOff, float[] y, int yOff) {
        Checks.nonNegative("n", n);
        Checks.range("x", x, xOff, n);
        Checks.range("y", y, yOff, n);
        return IMPL.dot(n, x, xOff, y, yOff);
    }

    /** {@code y[yOff + i] += alpha * x[xOff + i]} for i in [0, n). */
    public static void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        Checks.nonNegative("n", n);
        Checks.range("x", x, xOff, n);
        Checks.range("y", y, yOff, n);
        IMPL.axpy(n, alpha, x, xOff, y, yOff);
    }

    /** {@code x[xOff + i] *= alpha} for i in [0, n). */
    public static void scale(int n, float alpha, float[] x, int xOff) {
        Checks.nonNegative("n", n);
        Checks.range("x", x, xOff, n);
        IMPL.scale(n, alpha, x, xOff);
    }

    /** {@code out[outOff + i] = x[xOff + i] + y[yOff + i]}; out may be x or y at the same offset. */
    public static void add(int n, float[] x, int xOff, float[] y, int yOff, float[] out, int outOff) {
        Checks.nonNegative("n", n);
        Checks.range("x", x, xOff, n);
        Checks.range("y", y, yOff, n);
        Checks.range("out", out, outOff, n);
        IMPL.add(n, x, xOff, y, yOff, out, outOff);
    }

    /** {@code out[outOff + i] = x[xOff + i] * y[yOff + i]}; out may be x or y at the same offset. */
    public static void multiply(int n, float[] x, int xOff, float[] y, int yOff, float[] out, int outOff) {
        Checks.nonNegative("n", n);
        Checks.range("x", x, xOff, n);
        Checks.range("y", y, yOff, n);
        Checks.range("out", out, outOff, n);
        IMPL.multiply(n, x, xOff, y, yOff, out, outOff);
    }

    /** Returns the sum of n elements, 0 when n is 0. */
    public static float sum(int n, float[] x, int xOff) {
        Checks.nonNegative("n", n);
        Checks.range("x", x, xOff, n);
        return IMPL.sum(n, x, xOff);
    }

    /** Returns the largest of n elements, NaN if any is NaN, negative infinity when n is 0. */
    public static float max(int n, float[] x, int xOff) {
        Checks.nonNegative("n", n);
        Checks.range("x", x, xOff, n);
        return IMPL.max(n, x, xOff);
    }

    /** Adds the row vector {@code bias[biasOff .. biasOff + cols)} to every row of a rows x cols matrix. */
    public static void addBias(int rows, int cols, float[] bias, int biasOff, float[] x, int xOff, int ldx) {
        Checks.nonNegative("rows", rows);
        Checks.nonNegative("cols", cols);
        Checks.range("bias", bias, biasOff, cols);
        Checks.matrix("X", x, xOff, rows, cols, ldx);
        IMPL.addBias(rows, cols, bias, biasOff, x, xOff, ldx);
    }

    /** {@code out[outOff + j] = sum over rows i of x[i][j]}: the bias gradient of a layer. */
    public static void columnSums(int rows, int cols, float[] x, int xOff, int ldx, float[] out, int outOff) {
        Checks.nonNegative("rows", rows);
        Checks.nonNegative("cols", cols);
        Checks.matrix("X", x, xOff, rows, cols, ldx);
        Checks.range("out", out, outOff, cols);
        IMPL.columnSums(rows, cols, x, xOff, ldx, out, outOff);
    }

    /** Returns {@code sum((x[xOff + i] - y[yOff + i])^2)} for i in [0, n). */
    public static float squaredErrorSum(int n, float[] x, int xOff, float[] y, int yOff) {
        Checks.nonNegative("n", n);
        Checks.range("x", x, xOff, n);
        Checks.range("y", y, yOff, n);
        return IMPL.squaredErrorSum(n, x, xOff, y, yOff);
    }
}
