package dev.lanes.simd.internal;

/** Level-1 kernels in plain loops: the reference twin of the Panama ones and the fallback. */
final class ScalarVectors implements VectorSupport {

    @Override
    public float dot(int n, float[] x, int xOff, float[] y, int yOff) {
        float sum = 0f;
        for (int i = 0; i < n; i++) {
            sum = Math.fma(x[xOff + i], y[yOff + i], sum);
        }
        return sum;
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
        }
    }

    @Override
    public void scale(int n, float alpha, float[] x, int xOff) {
        for (int i = 0; i < n; i++) {
            x[xOff + i] *= alpha;
        }
    }

    @Override
    public void add(int n, float[] x, int xOff, float[] y, int yOff, float[] out, int outOff) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = x[xOff + i] + y[yOff + i];
        }
    }

    @Override
    public void multiply(int n, float[] x, int xOff, float[] y, int yOff, float[] out, int outOff) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = x[xOff + i] * y[yOff + i];
        }
    }

    @Override
    public float sum(int n, float[] x, int xOff) {
        float sum = 0f;
        for (int i = 0; i < n; i++) {
            sum += x[xOff + i];
        }
        return sum;
    }

    @Override
    public float max(int n, float[] x, int xOff) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, x[xOff + i]);
        }
        return max;
    }

    @Override
    public void addBias(int rows, int cols, float[] bias, int biasOff, float[] x, int xOff, int ldx) {
        addBiasTo(rows, cols, bias, biasOff, x, xOff, ldx);
    }

    /** {@link #addBias}, for {@code ScalarGemm.sgemmBias}. */
    static void addBiasTo(int rows, int cols, float[] bias, int biasOff, float[] x, int xOff, int ldx) {
        for (int r = 0; r < rows; r++) {
            int row = xOff + r * ldx;
            for (int j = 0; j < cols; j++) {
                x[row + j] += bias[biasOff + j];
            }
        }
    }

    @Override
    public void columnSums(int rows, int cols, float[] x, int xOff, int ldx, float[] out, int outOff) {
        java.util.Arrays.fill(out, outOff, outOff + cols, 0f);
        for (int r = 0; r < rows; r++) {
            int row = xOff + r * ldx;
            for (int j = 0; j < cols; j++) {
                out[outOff + j] += x[row + j];
            }
        }
    }

    @Override
    public float squaredErrorSum(int n, float[] x, int xOff, float[] y, int yOff) {
        float sum = 0f;
        for (int i = 0; i < n; i++) {
            float d = x[xOff + i] - y[yOff + i];
            sum = Math.fma(d, d, sum);
        }
        return sum;
    }
}
