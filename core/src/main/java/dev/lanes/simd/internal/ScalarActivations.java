package dev.lanes.simd.internal;

import dev.lanes.simd.Activation;
import dev.lanes.simd.ActivationFunction;

/**
 * Activation kernels in plain loops over {@link ActivationMath}: the reference twin of the Panama
 * kernels and the fallback without the Vector API.
 *
 * <p>Softmax subtracts the row max before exponentiating, so large logits do not overflow; a row
 * holding {@code +inf} (or only {@code -inf}) becomes NaN, like in TensorFlow. The linear backward pass
 * copies gradOut: x does not enter it, so a NaN in x does not reach gradIn.
 */
final class ScalarActivations implements ActivationSupport {

    // One loop per function rather than a switch per element: the scalar fallback should stay cheap.

    @Override
    public void forward(ActivationFunction f, int rows, int cols, float[] x, int xOff, float[] out, int outOff) {
        int n = rows * cols;
        switch (f.kind()) {
            case LINEAR:
                System.arraycopy(x, xOff, out, outOff, n);
                return;
            case SOFTMAX:
                for (int r = 0; r < rows; r++) {
                    softmaxRow(cols, x, xOff + r * cols, out, outOff + r * cols);
                }
                return;
            case LOG_SOFTMAX:
                for (int r = 0; r < rows; r++) {
                    logSoftmaxRow(cols, x, xOff + r * cols, out, outOff + r * cols);
                }
                return;
            case SPARSEMAX:
                for (int r = 0; r < rows; r++) {
                    sparsemaxRow(cols, x, xOff + r * cols, out, outOff + r * cols);
                }
                return;
            case GLU: {
                int half = cols / 2;
                for (int r = 0; r < rows; r++) {
                    for (int j = 0, a = xOff + r * cols, o = outOff + r * half; j < half; j++) {
                        out[o + j] = x[a + j] * ActivationMath.sigmoid(x[a + half + j]);
                    }
                }
                return;
            }
            case THRESHOLD: {
                float t = (float) f.argument(0);
                float v = (float) f.argument(1);
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = ActivationMath.threshold(x[xOff + i], t, v);
                }
                return;
            }
            case RELU: {
                float s = (float) f.argument(0);
                float m = (float) f.argument(1);
                float t = (float) f.argument(2);
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = ActivationMath.relu(x[xOff + i], s, m, t);
                }
                return;
            }
            case LEAKY_RELU: {
                float s = (float) f.argument(0);
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = ActivationMath.leakyRelu(x[xOff + i], s);
                }
                return;
            }
            case RELU6:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = ActivationMath.relu6(x[xOff + i]);
                }
                return;
            case ELU:
            case CELU: {
                float a = (float) f.argument(0);
                float c = f.kind() == Activation.CELU ? a : 1f;
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = ActivationMath.elu(x[xOff + i], a, c);
                }
                return;
            }
            case SELU:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = ActivationMath.selu(x[xOff + i]);
                }
                return;
            case SIGMOID:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = ActivationMath.sigmoid(x[xOff + i]);
                }
                return;
            case TANH:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = ActivationMath.tanh(x[xOff + i]);
                }
                return;
            case SOFTPLUS:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = ActivationMath.softplus(x[xOff + i]);
                }
                return;
            case SOFTSIGN:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = ActivationMath.softsign(x[xOff + i]);
                }
                return;
            case SILU:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = ActivationMath.silu(x[xOff + i]);
                }
                return;
            case GELU:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = ActivationMath.gelu(x[xOff + i]);
                }
                return;
            case GELU_TANH:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = ActivationMath.geluTanh(x[xOff + i]);
                }
                return;
            case MISH:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = ActivationMath.mish(x[xOff + i]);
                }
                return;
            case EXPONENTIAL:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = ActivationMath.exponential(x[xOff + i]);
                }
                return;
            case HARD_SIGMOID:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = ActivationMath.hardSigmoid(x[xOff + i]);
                }
                return;
            case HARD_SILU:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = ActivationMath.hardSilu(x[xOff + i]);
                }
                return;
            case LOG_SIGMOID:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = ActivationMath.logSigmoid(x[xOff + i]);
                }
                return;
            case HARD_TANH:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = ActivationMath.hardTanh(x[xOff + i]);
                }
                return;
            case TANH_SHRINK:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = ActivationMath.tanhShrink(x[xOff + i]);
                }
                return;
            case SQUAREPLUS: {
                float p = (float) f.argument(0);
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = ActivationMath.squareplus(x[xOff + i], p);
                }
                return;
            }
            case SOFT_SHRINK: {
                float p = (float) f.argument(0);
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = ActivationMath.softShrink(x[xOff + i], p);
                }
                return;
            }
            case HARD_SHRINK: {
                float p = (float) f.argument(0);
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = ActivationMath.hardShrink(x[xOff + i], p);
                }
                return;
            }
            case SPARSE_PLUS:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = ActivationMath.sparsePlus(x[xOff + i]);
                }
                return;
            case SPARSE_SIGMOID:
                for (int i = 0; i < n; i++) {
                    out[outOff + i] = ActivationMath.sparseSigmoid(x[xOff + i]);
                }
                return;
            default:
                throw new AssertionError(f);
        }
    }

    @Override
    public void backward(ActivationFunction f, int rows, int cols, float[] x, int xOff, float[] y, int yOff,
                         float[] gradOut, int gradOutOff, float[] gradIn, int gradInOff) {
        int n = rows * cols;
        switch (f.kind()) {
            case LINEAR:
                System.arraycopy(gradOut, gradOutOff, gradIn, gradInOff, n);
                return;
            case SOFTMAX:
                for (int r = 0; r < rows; r++) {
                    softmaxRowBackward(cols, y, yOff + r * cols, gradOut, gradOutOff + r * cols,
                            gradIn, gradInOff + r * cols);
                }
                return;
            case LOG_SOFTMAX:
                for (int r = 0; r < rows; r++) {
                    logSoftmaxRowBackward(cols, y, yOff + r * cols, gradOut, gradOutOff + r * cols,
                            gradIn, gradInOff + r * cols);
                }
                return;
            case SPARSEMAX:
                for (int r = 0; r < rows; r++) {
                    sparsemaxRowBackward(cols, y, yOff + r * cols, gradOut, gradOutOff + r * cols,
                            gradIn, gradInOff + r * cols);
                }
                return;
            case GLU: {
                // d/da = sigmoid(b), d/db = a sigmoid(b) (1 - sigmoid(b))
                int half = cols / 2;
                for (int r = 0; r < rows; r++) {
                    for (int j = 0, a = xOff + r * cols, g = gradOutOff + r * half, gi = gradInOff + r * cols; j < half; j++) {
                        float s = ActivationMath.sigmoid(x[a + half + j]);
                        gradIn[gi + j] = gradOut[g + j] * s;
                        gradIn[gi + half + j] = gradOut[g + j] * x[a + j] * ActivationMath.sigmoidGrad(s);
                    }
                }
                return;
            }
            case THRESHOLD: {
                float t = (float) f.argument(0);
                for (int i = 0; i < n; i++) {
                    gradIn[gradInOff + i] = gradOut[gradOutOff + i] * ActivationMath.thresholdGrad(x[xOff + i], t);
                }
                return;
            }
            case RELU: {
                float s = (float) f.argument(0);
                float m = (float) f.argument(1);
                float t = (float) f.argument(2);
                for (int i = 0; i < n; i++) {
                    gradIn[gradInOff + i] = gradOut[gradOutOff + i] * ActivationMath.reluGrad(x[xOff + i], s, m, t);
                }
                return;
            }
            case LEAKY_RELU: {
                float s = (float) f.argument(0);
                for (int i = 0; i < n; i++) {
                    gradIn[gradInOff + i] = gradOut[gradOutOff + i] * ActivationMath.leakyReluGrad(x[xOff + i], s);
                }
                return;
            }
            case RELU6:
                for (int i = 0; i < n; i++) {
                    gradIn[gradInOff + i] = gradOut[gradOutOff + i] * ActivationMath.relu6Grad(x[xOff + i]);
                }
                return;
            case ELU:
            case CELU: {
                float a = (float) f.argument(0);
                float c = f.kind() == Activation.CELU ? a : 1f;
                for (int i = 0; i < n; i++) {
                    gradIn[gradInOff + i] = gradOut[gradOutOff + i] * ActivationMath.eluGrad(x[xOff + i], a, c);
                }
                return;
            }
            case SELU:
                for (int i = 0; i < n; i++) {
                    gradIn[gradInOff + i] = gradOut[gradOutOff + i] * ActivationMath.seluGrad(x[xOff + i]);
                }
                return;
            case SIGMOID:
                for (int i = 0; i < n; i++) {
                    gradIn[gradInOff + i] = gradOut[gradOutOff + i] * ActivationMath.sigmoidGrad(y[yOff + i]);
                }
                return;
            case TANH:
                for (int i = 0; i < n; i++) {
                    gradIn[gradInOff + i] = gradOut[gradOutOff + i] * ActivationMath.tanhGrad(y[yOff + i]);
                }
                return;
            case SOFTPLUS:
                for (int i = 0; i < n; i++) {
                    gradIn[gradInOff + i] = gradOut[gradOutOff + i] * ActivationMath.softplusGrad(x[xOff + i]);
                }
                return;
            case SOFTSIGN:
                for (int i = 0; i < n; i++) {
                    gradIn[gradInOff + i] = gradOut[gradOutOff + i] * ActivationMath.softsignGrad(x[xOff + i]);
                }
                return;
            case SILU:
                for (int i = 0; i < n; i++) {
                    gradIn[gradInOff + i] = gradOut[gradOutOff + i] * ActivationMath.siluGrad(x[xOff + i]);
                }
                return;
            case GELU:
                for (int i = 0; i < n; i++) {
                    gradIn[gradInOff + i] = gradOut[gradOutOff + i] * ActivationMath.geluGrad(x[xOff + i]);
                }
                return;
            case GELU_TANH:
                for (int i = 0; i < n; i++) {
                    gradIn[gradInOff + i] = gradOut[gradOutOff + i] * ActivationMath.geluTanhGrad(x[xOff + i]);
                }
                return;
            case MISH:
                for (int i = 0; i < n; i++) {
                    gradIn[gradInOff + i] = gradOut[gradOutOff + i] * ActivationMath.mishGrad(x[xOff + i]);
                }
                return;
            case EXPONENTIAL:
                for (int i = 0; i < n; i++) {
                    gradIn[gradInOff + i] = gradOut[gradOutOff + i] * ActivationMath.exponentialGrad(y[yOff + i]);
                }
                return;
            case HARD_SIGMOID:
                for (int i = 0; i < n; i++) {
                    gradIn[gradInOff + i] = gradOut[gradOutOff + i] * ActivationMath.hardSigmoidGrad(x[xOff + i]);
                }
                return;
            case HARD_SILU:
                for (int i = 0; i < n; i++) {
                    gradIn[gradInOff + i] = gradOut[gradOutOff + i] * ActivationMath.hardSiluGrad(x[xOff + i]);
                }
                return;
            case LOG_SIGMOID:
                for (int i = 0; i < n; i++) {
                    gradIn[gradInOff + i] = gradOut[gradOutOff + i] * ActivationMath.logSigmoidGrad(x[xOff + i]);
                }
                return;
            case HARD_TANH:
                for (int i = 0; i < n; i++) {
                    gradIn[gradInOff + i] = gradOut[gradOutOff + i] * ActivationMath.hardTanhGrad(x[xOff + i]);
                }
                return;
            case TANH_SHRINK:
                for (int i = 0; i < n; i++) {
                    gradIn[gradInOff + i] = gradOut[gradOutOff + i] * ActivationMath.tanhShrinkGrad(x[xOff + i]);
                }
                return;
            case SQUAREPLUS: {
                float b = (float) f.argument(0);
                for (int i = 0; i < n; i++) {
                    gradIn[gradInOff + i] = gradOut[gradOutOff + i] * ActivationMath.squareplusGrad(x[xOff + i], b);
                }
                return;
            }
            case SOFT_SHRINK:
            case HARD_SHRINK: {
                float t = (float) f.argument(0);
                for (int i = 0; i < n; i++) {
                    gradIn[gradInOff + i] = gradOut[gradOutOff + i] * ActivationMath.shrinkGrad(x[xOff + i], t);
                }
                return;
            }
            case SPARSE_PLUS:
                for (int i = 0; i < n; i++) {
                    gradIn[gradInOff + i] = gradOut[gradOutOff + i] * ActivationMath.sparsePlusGrad(x[xOff + i]);
                }
                return;
            case SPARSE_SIGMOID:
                for (int i = 0; i < n; i++) {
                    gradIn[gradInOff + i] = gradOut[gradOutOff + i] * ActivationMath.sparseSigmoidGrad(x[xOff + i]);
                }
                return;
            default:
                throw new AssertionError(f);
        }
    }

    /**
     * Stable softmax of one row, with {@code x - max} and the sum in double. In place is fine: x[j] is
     * read before out[j] is written.
     */
    private static void softmaxRow(int n, float[] x, int xOff, float[] out, int outOff) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            max = Math.max(max, x[xOff + j]);
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
            float e = (float) Math.exp((double) x[xOff + j] - max);
            out[outOff + j] = e;
            sum += e;
        }
        double inv = 1.0 / sum;
        for (int j = 0; j < n; j++) {
            out[outOff + j] = (float) (out[outOff + j] * inv);
        }
    }

    /** {@code (x - max) - log(sum e^(x - max))}, the sum in double; in place is fine (x is read first). */
    private static void logSoftmaxRow(int n, float[] x, int xOff, float[] out, int outOff) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            max = Math.max(max, x[xOff + j]);
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
            sum += Math.exp((double) x[xOff + j] - max);
        }
        float logSum = (float) Math.log(sum);
        for (int j = 0; j < n; j++) {
            out[outOff + j] = (x[xOff + j] - max) - logSum;
        }
    }

    /**
     * Sparsemax of one row by Michelot's algorithm, without a sort: tau starts as the mean of all values
     * minus 1/n, then the values at or below it drop out and tau is recomputed from the rest (sums in
     * double) until none drops out; the support only shrinks, so this ends within n rounds. NaN, or +inf
     * (whose tau is +inf and leaves no value above it), make tau NaN. In place is fine: x is read in full
     * before out is written.
     */
    private static void sparsemaxRow(int n, float[] x, int xOff, float[] out, int outOff) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
            sum += x[xOff + j];
        }
        int count = n;
        double tau = (sum - 1) / n;
        while (count > 0) {
            sum = 0;
            int k = 0;
            for (int j = 0; j < n; j++) {
                float v = x[xOff + j];
                if (v > tau) {
                    sum += v;
                    k++;
                }
            }
            if (k >= count) {
                break;
            }
            count = k;
            tau = k == 0 ? Double.NaN : (sum - 1) / k;
        }
        for (int j = 0; j < n; j++) {
            out[outOff + j] = Math.max((float) (x[xOff + j] - tau), 0f);
        }
    }

    /**
     * {@code gradIn_j = g_j - mean of g over the support} where {@code y_j > 0}, else 0: the sparsemax
     * Jacobian (symmetric) times g. A NaN row stays NaN.
     */
    private static void sparsemaxRowBackward(int n, float[] y, int yOff, float[] g, int gOff, float[] gi, int giOff) {
        double sum = 0;
        int count = 0;
        boolean nan = false;
        for (int j = 0; j < n; j++) {
            float v = y[yOff + j];
            if (v > 0) {
                sum += g[gOff + j];
                count++;
            }
            nan |= v != v;
        }
        float mean = nan ? Float.NaN : (float) (sum / count);
        for (int j = 0; j < n; j++) {
            gi[giOff + j] = nan ? Float.NaN : y[yOff + j] > 0 ? g[gOff + j] - mean : 0f;
        }
    }

    /** {@code gradIn_j = g_j - e^(y_j) sum_k g_k}: the log_softmax Jacobian (transposed) times g. */
    private static void logSoftmaxRowBackward(int n, float[] y, int yOff, float[] g, int gOff, float[] gi, int giOff) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
            sum += g[gOff + j];
        }
        float s = (float) sum;
        for (int j = 0; j < n; j++) {
            gi[giOff + j] = g[gOff + j] - (float) Math.exp(y[yOff + j]) * s;
        }
    }

    /** {@code gradIn_j = y_j (g_j - sum_k y_k g_k)}: the softmax Jacobian (symmetric) times g. */
    private static void softmaxRowBackward(int n, float[] y, int yOff, float[] g, int gOff, float[] gi, int giOff) {
        double dot = 0;
        for (int j = 0; j < n; j++) {
            dot += (double) y[yOff + j] * g[gOff + j];
        }
        float d = (float) dot;
        for (int j = 0; j < n; j++) {
            gi[giOff + j] = y[yOff + j] * (g[gOff + j] - d);
        }
    }
}
