package dev.lanes.simd.internal.panama;

import dev.lanes.simd.Activation;
import dev.lanes.simd.ActivationFunction;
import dev.lanes.simd.internal.ActivationMath;
import dev.lanes.simd.internal.ActivationSupport;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * Activation kernels on {@link FloatVector#SPECIES_PREFERRED} lanes, computed in float with
 * {@link LaneMath}'s exp, expm1, log1p and tanh (polynomials on lanes, many times faster than
 * {@code Math}, and giving the same bits before and after the JIT compiles them).
 *
 * <p>Each function has its own small kernel (a vector loop to {@code loopBound}, then a scalar tail on
 * {@link ActivationMath}) so C2 inlines the whole loop body and no vector is boxed; the public methods
 * only dispatch. GELU computes in double lanes ({@link GeluLanes}). Special values behave as in
 * {@link ActivationMath}: NaN propagates (piecewise
 * derivatives start from {@code x} so unmatched NaN lanes keep it; vector MIN/MAX propagate NaN like
 * {@code Math.min/max}), and {@code x * s(x)} products use {@code max(x, -Float.MAX_VALUE)} so that
 * {@code -inf} gives the limit 0 rather than NaN. Softmax and sparsemax: a row holding {@code +inf} (or
 * only {@code -inf}) becomes NaN. The linear backward pass copies gradOut, so a NaN in x does not reach it.
 */
final class PanamaActivations implements ActivationSupport {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private static final float SELU_ALPHA = (float) ActivationMath.SELU_ALPHA;
    private static final float SELU_SCALE = (float) ActivationMath.SELU_SCALE;
    private static final float SELU_SCALE_ALPHA = (float) (ActivationMath.SELU_SCALE * ActivationMath.SELU_ALPHA);
    private static final float GT_2C = (float) (2 * ActivationMath.GELU_TANH_C);
    private static final float GT_2CK = (float) (2 * ActivationMath.GELU_TANH_C * ActivationMath.GELU_TANH_K);
    private static final float GT_6CK = (float) (6 * ActivationMath.GELU_TANH_C * ActivationMath.GELU_TANH_K);
    /**
     * Beyond |x| = 30, sigmoid(2u) is exactly 0 or 1 in float and the derivative's correction term 0;
     * the derivative clamps x there so that u^3 stays finite.
     */
    private static final float GELU_TANH_CLAMP = 30f;

    @Override
    public void forward(ActivationFunction f, int rows, int cols, float[] x, int xOff, float[] out, int outOff) {
        int n = rows * cols;
        switch (f.kind()) {
            case LINEAR:
                System.arraycopy(x, xOff, out, outOff, n);
                return;
            case RELU:
                if (f == Activation.RELU) {
                    relu(n, x, xOff, out, outOff);
                } else {
                    relu(n, x, xOff, out, outOff, arg(f, 0), arg(f, 1), arg(f, 2));
                }
                return;
            case LEAKY_RELU: leakyRelu(n, x, xOff, out, outOff, arg(f, 0)); return;
            case RELU6: relu6(n, x, xOff, out, outOff); return;
            case ELU: elu(n, x, xOff, out, outOff, arg(f, 0), 1f); return;
            case CELU: elu(n, x, xOff, out, outOff, arg(f, 0), arg(f, 0)); return;
            case SELU: selu(n, x, xOff, out, outOff); return;
            case SIGMOID: sigmoid(n, x, xOff, out, outOff); return;
            case TANH: tanh(n, x, xOff, out, outOff); return;
            case SOFTPLUS: softplus(n, x, xOff, out, outOff); return;
            case SOFTSIGN: softsign(n, x, xOff, out, outOff); return;
            case SILU: silu(n, x, xOff, out, outOff); return;
            case GELU: GeluLanes.forward(n, x, xOff, out, outOff); return;
            case GELU_TANH: geluTanh(n, x, xOff, out, outOff); return;
            case MISH: mish(n, x, xOff, out, outOff); return;
            case EXPONENTIAL: exponential(n, x, xOff, out, outOff); return;
            case HARD_SIGMOID: hardSigmoid(n, x, xOff, out, outOff); return;
            case HARD_SILU: hardSilu(n, x, xOff, out, outOff); return;
            case LOG_SIGMOID: logSigmoid(n, x, xOff, out, outOff); return;
            case HARD_TANH: hardTanh(n, x, xOff, out, outOff); return;
            case TANH_SHRINK: tanhShrink(n, x, xOff, out, outOff); return;
            case SQUAREPLUS: squareplus(n, x, xOff, out, outOff, arg(f, 0)); return;
            case SOFT_SHRINK: softShrink(n, x, xOff, out, outOff, arg(f, 0)); return;
            case HARD_SHRINK: hardShrink(n, x, xOff, out, outOff, arg(f, 0)); return;
            case THRESHOLD: threshold(n, x, xOff, out, outOff, arg(f, 0), arg(f, 1)); return;
            case SPARSE_PLUS: sparsePlus(n, x, xOff, out, outOff); return;
            case SPARSE_SIGMOID: sparseSigmoid(n, x, xOff, out, outOff); return;
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
            case GLU:
                for (int r = 0; r < rows; r++) {
                    gluRow(cols / 2, x, xOff + r * cols, out, outOff + r * (cols / 2));
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
            case RELU:
                if (f == Activation.RELU) {
                    reluGrad(n, x, xOff, gradOut, gradOutOff, gradIn, gradInOff);
                } else {
                    reluGrad(n, x, xOff, gradOut, gradOutOff, gradIn, gradInOff, arg(f, 0), arg(f, 1), arg(f, 2));
                }
                return;
            case LEAKY_RELU: leakyReluGrad(n, x, xOff, gradOut, gradOutOff, gradIn, gradInOff, arg(f, 0)); return;
            case RELU6: relu6Grad(n, x, xOff, gradOut, gradOutOff, gradIn, gradInOff); return;
            case ELU: eluGrad(n, x, xOff, gradOut, gradOutOff, gradIn, gradInOff, arg(f, 0), 1f); return;
            case CELU: eluGrad(n, x, xOff, gradOut, gradOutOff, gradIn, gradInOff, arg(f, 0), arg(f, 0)); return;
            case SELU: seluGrad(n, x, xOff, gradOut, gradOutOff, gradIn, gradInOff); return;
            case SIGMOID: sigmoidGrad(n, y, yOff, gradOut, gradOutOff, gradIn, gradInOff); return;
            case TANH: tanhGrad(n, y, yOff, gradOut, gradOutOff, gradIn, gradInOff); return;
            case SOFTPLUS: softplusGrad(n, x, xOff, gradOut, gradOutOff, gradIn, gradInOff); return;
            case SOFTSIGN: softsignGrad(n, x, xOff, gradOut, gradOutOff, gradIn, gradInOff); return;
            case SILU: siluGrad(n, x, xOff, gradOut, gradOutOff, gradIn, gradInOff); return;
            case GELU: GeluLanes.backward(n, x, xOff, gradOut, gradOutOff, gradIn, gradInOff); return;
            case GELU_TANH: geluTanhGrad(n, x, xOff, gradOut, gradOutOff, gradIn, gradInOff); return;
            case MISH: mishGrad(n, x, xOff, gradOut, gradOutOff, gradIn, gradInOff); return;
            case EXPONENTIAL: exponentialGrad(n, y, yOff, gradOut, gradOutOff, gradIn, gradInOff); return;
            case HARD_SIGMOID: hardSigmoidGrad(n, x, xOff, gradOut, gradOutOff, gradIn, gradInOff); return;
            case HARD_SILU: hardSiluGrad(n, x, xOff, gradOut, gradOutOff, gradIn, gradInOff); return;
            case LOG_SIGMOID: logSigmoidGrad(n, x, xOff, gradOut, gradOutOff, gradIn, gradInOff); return;
            case HARD_TANH: hardTanhGrad(n, x, xOff, gradOut, gradOutOff, gradIn, gradInOff); return;
            case TANH_SHRINK: tanhShrinkGrad(n, x, xOff, gradOut, gradOutOff, gradIn, gradInOff); return;
            case SQUAREPLUS: squareplusGrad(n, x, xOff, gradOut, gradOutOff, gradIn, gradInOff, arg(f, 0)); return;
            case SOFT_SHRINK:
            case HARD_SHRINK: shrinkGrad(n, x, xOff, gradOut, gradOutOff, gradIn, gradInOff, arg(f, 0)); return;
            case THRESHOLD: thresholdGrad(n, x, xOff, gradOut, gradOutOff, gradIn, gradInOff, arg(f, 0)); return;
            case SPARSE_PLUS: sparsePlusGrad(n, x, xOff, gradOut, gradOutOff, gradIn, gradInOff); return;
            case SPARSE_SIGMOID: sparseSigmoidGrad(n, x, xOff, gradOut, gradOutOff, gradIn, gradInOff); return;
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
            case GLU:
                for (int r = 0; r < rows; r++) {
                    gluRowBackward(cols / 2, x, xOff + r * cols, gradOut, gradOutOff + r * (cols / 2),
                            gradIn, gradInOff + r * cols);
                }
                return;
            default:
                throw new AssertionError(f);
        }
    }

    private static float arg(ActivationFunction f, int i) {
        return (float) f.argument(i);
    }

    // ---- shared lane-wise pieces (tiny, so C2 inlines them into every loop) ----

    private static FloatVector one() {
        return FloatVector.broadcast(S, 1f);
    }

    /** {@code max(v, -Float.MAX_VALUE)}: the outer factor of {@code x * s(x)}, see the class comment. */
    private static FloatVector noNegInf(FloatVector v) {
        return v.max(-Float.MAX_VALUE);
    }

    /** {@code 1 / (1 + e^-v)}; e^-v overflowing to inf gives 0, never NaN. */
    private static FloatVector sigmoidOf(FloatVector v) {
        return one().div(LaneMath.exp(v.neg()).add(1f));
    }

    /** {@code relu6(v + 3) / 6}, the Keras 3 hard sigmoid. */
    private static FloatVector hardSigmoidOf(FloatVector v) {
        return v.add(3f).max(0f).min(6f).mul(1f / 6f);
    }

    /** {@code (b/2) / (sqrt(x^2 + b) + |x|)}: squareplus at -|x|, see {@code ActivationMath.squareplus}. */
    private static FloatVector squareplusQ(FloatVector v, float b) {
        return FloatVector.broadcast(S, b / 2f).div(v.mul(v).add(b).sqrt().add(v.abs()));
    }

    /** 0 for {@code x <= -1}, {@code (x + 1) / 2} between, 1 for {@code x >= 1}; NaN stays NaN. */
    private static FloatVector sparseSigmoidOf(FloatVector v) {
        return v.add(1f).mul(0.5f).blend(0f, v.compare(VectorOperators.LE, -1f)).blend(1f, v.compare(VectorOperators.GE, 1f));
    }

    /** {@code inside} for {@code -1 < x < 1}, 0 outside; NaN stays NaN (hard_tanh' and sparse_sigmoid'). */
    private static FloatVector insideUnitInterval(FloatVector v, float inside) {
        return v.blend(inside, v.compare(VectorOperators.GT, -1f).and(v.compare(VectorOperators.LT, 1f)))
                .blend(0f, v.compare(VectorOperators.LE, -1f).or(v.compare(VectorOperators.GE, 1f)));
    }

    // ---- forward kernels ----

    private static void relu(int n, float[] x, int xo, float[] out, int oo) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector.fromArray(S, x, xo + i).max(0f).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = ActivationMath.relu(x[xo + i]);
        }
    }

    /** Keras' relu with arguments, as {@link ActivationMath#relu(float, float, float, float)}. */
    private static void relu(int n, float[] x, int xo, float[] out, int oo, float s, float m, float t) {
        boolean clip = m != Float.POSITIVE_INFINITY;
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            FloatVector g = v.blend(0f, v.compare(VectorOperators.LE, t)); // NaN fails LE and stays
            if (clip) {
                g = g.max(0f).min(m);
            }
            if (s != 0) {
                g = g.sub(v.neg().add(t).max(0f).mul(s));
            }
            g.intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = ActivationMath.relu(x[xo + i], s, m, t);
        }
    }

    private static void leakyRelu(int n, float[] x, int xo, float[] out, int oo, float s) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            // for s <= 1, max(x, s x) is x for x > 0 and s x otherwise (min for s > 1), and keeps NaN
            // (a compare + blend would not)
            FloatVector sv = v.mul(s);
            (s <= 1 ? v.max(sv) : v.min(sv)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = ActivationMath.leakyRelu(x[xo + i], s);
        }
    }

    private static void relu6(int n, float[] x, int xo, float[] out, int oo) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector.fromArray(S, x, xo + i).max(0f).min(6f).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = ActivationMath.relu6(x[xo + i]);
        }
    }

    /** {@code x > 0 ? x : a (e^(x / c) - 1)}, as {@link ActivationMath#elu(float, float, float)}. */
    private static void elu(int n, float[] x, int xo, float[] out, int oo, float a, float c) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            LaneMath.expm1(v.div(c)).mul(a).blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = ActivationMath.elu(x[xo + i], a, c);
        }
    }

    private static void selu(int n, float[] x, int xo, float[] out, int oo) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            LaneMath.expm1(v).mul(SELU_ALPHA).blend(v, v.compare(VectorOperators.GT, 0f))
                    .mul(SELU_SCALE).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = ActivationMath.selu(x[xo + i]);
        }
    }

    private static void sigmoid(int n, float[] x, int xo, float[] out, int oo) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            LaneMath.sigmoid(FloatVector.fromArray(S, x, xo + i)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = ActivationMath.sigmoid(x[xo + i]);
        }
    }

    private static void tanh(int n, float[] x, int xo, float[] out, int oo) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            LaneMath.tanh(FloatVector.fromArray(S, x, xo + i)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = ActivationMath.tanh(x[xo + i]);
        }
    }

    private static void softplus(int n, float[] x, int xo, float[] out, int oo) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            FloatVector tail = LaneMath.log1pUnit(LaneMath.exp(v.abs().neg()));
            v.max(0f).add(tail).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = ActivationMath.softplus(x[xo + i]);
        }
    }

    private static void softsign(int n, float[] x, int xo, float[] out, int oo) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            // clamped to finite so that +-inf give +-MAX / MAX = +-1 instead of inf / inf
            FloatVector c = FloatVector.fromArray(S, x, xo + i).max(-Float.MAX_VALUE).min(Float.MAX_VALUE);
            c.div(c.abs().add(1f)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = ActivationMath.softsign(x[xo + i]);
        }
    }

    private static void silu(int n, float[] x, int xo, float[] out, int oo) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            noNegInf(v).mul(sigmoidOf(v)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = ActivationMath.silu(x[xo + i]);
        }
    }

    private static void geluTanh(int n, float[] x, int xo, float[] out, int oo) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            // 0.5 x (1 + tanh u) = x sigmoid(2u): 1 + tanh u would cancel for negative x
            FloatVector twoU = v.mul(v).fma(GT_2CK, GT_2C).mul(v);
            noNegInf(v).mul(sigmoidOf(twoU)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = ActivationMath.geluTanh(x[xo + i]);
        }
    }

    private static void mish(int n, float[] x, int xo, float[] out, int oo) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            // tanh(softplus x) = n / (n + 2), n = e (e + 2), e = e^x (see ActivationMath.mish)
            FloatVector e = LaneMath.exp(v.min(ActivationMath.MISH_CLAMP));
            FloatVector num = e.add(2f).mul(e);
            noNegInf(v).mul(num.div(num.add(2f))).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = ActivationMath.mish(x[xo + i]);
        }
    }

    private static void exponential(int n, float[] x, int xo, float[] out, int oo) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            LaneMath.exp(FloatVector.fromArray(S, x, xo + i)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = ActivationMath.exponential(x[xo + i]);
        }
    }

    private static void hardSigmoid(int n, float[] x, int xo, float[] out, int oo) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            hardSigmoidOf(FloatVector.fromArray(S, x, xo + i)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = ActivationMath.hardSigmoid(x[xo + i]);
        }
    }

    private static void hardSilu(int n, float[] x, int xo, float[] out, int oo) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            noNegInf(v).mul(hardSigmoidOf(v)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = ActivationMath.hardSilu(x[xo + i]);
        }
    }

    private static void softmaxRow(int n, float[] x, int xo, float[] out, int oo) {
        float max = rowMax(n, x, xo);
        float sum = expShiftedSum(n, max, x, xo, out, oo);
        scaleRow(n, 1f / sum, out, oo);
    }

    /** {@code (x - max) - log(sum e^(x - max))}; x is read in full before out is written (in place). */
    private static void logSoftmaxRow(int n, float[] x, int xo, float[] out, int oo) {
        float max = rowMax(n, x, xo);
        int i = 0;
        FloatVector acc = FloatVector.zero(S);
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            acc = acc.add(LaneMath.exp(FloatVector.fromArray(S, x, xo + i).sub(max)));
        }
        float sum = LaneSums.sum(acc);
        for (; i < n; i++) {
            sum += (float) Math.exp(x[xo + i] - max);
        }
        float logSum = (float) Math.log(sum);
        i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector.fromArray(S, x, xo + i).sub(max).sub(logSum).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = (x[xo + i] - max) - logSum;
        }
    }

    private static float rowMax(int n, float[] x, int xo) {
        int i = 0;
        float max = Float.NEGATIVE_INFINITY;
        int bound = S.loopBound(n);
        if (bound > 0) {
            FloatVector acc = FloatVector.fromArray(S, x, xo);
            for (i = S.length(); i < bound; i += S.length()) {
                acc = acc.max(FloatVector.fromArray(S, x, xo + i));
            }
            max = acc.reduceLanes(VectorOperators.MAX);
        }
        for (; i < n; i++) {
            max = Math.max(max, x[xo + i]);
        }
        return max;
    }

    /** {@code out = e^(x - max)}, returning the sum; x[j] is read before out[j] is written (in place). */
    private static float expShiftedSum(int n, float max, float[] x, int xo, float[] out, int oo) {
        int i = 0;
        FloatVector acc = FloatVector.zero(S);
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector e = LaneMath.exp(FloatVector.fromArray(S, x, xo + i).sub(max));
            e.intoArray(out, oo + i);
            acc = acc.add(e);
        }
        float sum = LaneSums.sum(acc);
        for (; i < n; i++) {
            float e = (float) Math.exp(x[xo + i] - max);
            out[oo + i] = e;
            sum += e;
        }
        return sum;
    }

    private static void scaleRow(int n, float scale, float[] out, int oo) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector.fromArray(S, out, oo + i).mul(scale).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] *= scale;
        }
    }

    private static void logSigmoid(int n, float[] x, int xo, float[] out, int oo) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            v.min(0f).sub(LaneMath.log1pUnit(LaneMath.exp(v.abs().neg()))).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = ActivationMath.logSigmoid(x[xo + i]);
        }
    }

    private static void hardTanh(int n, float[] x, int xo, float[] out, int oo) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            v.max(-1f).min(1f).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = ActivationMath.hardTanh(x[xo + i]);
        }
    }

    private static void tanhShrink(int n, float[] x, int xo, float[] out, int oo) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            // cancels near 0, to within tanh's error (a few ulps of x)
            v.sub(LaneMath.tanh(v)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = ActivationMath.tanhShrink(x[xo + i]);
        }
    }

    private static void squareplus(int n, float[] x, int xo, float[] out, int oo, float b) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            v.max(0f).add(squareplusQ(v, b)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = ActivationMath.squareplus(x[xo + i], b);
        }
    }

    private static void softShrink(int n, float[] x, int xo, float[] out, int oo, float t) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            FloatVector a = v.abs();
            v.blend(v.sub(t), v.compare(VectorOperators.GT, t)).blend(v.add(t), v.compare(VectorOperators.LT, -t))
                    .blend(0f, a.compare(VectorOperators.LE, t)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = ActivationMath.softShrink(x[xo + i], t);
        }
    }

    private static void hardShrink(int n, float[] x, int xo, float[] out, int oo, float t) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            v.blend(0f, v.abs().compare(VectorOperators.LE, t)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = ActivationMath.hardShrink(x[xo + i], t);
        }
    }

    private static void threshold(int n, float[] x, int xo, float[] out, int oo, float t, float value) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            v.blend(value, v.compare(VectorOperators.LE, t)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = ActivationMath.threshold(x[xo + i], t, value);
        }
    }

    private static void sparsePlus(int n, float[] x, int xo, float[] out, int oo) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            FloatVector w = v.add(1f);
            w.mul(w).mul(0.25f).blend(0f, v.compare(VectorOperators.LE, -1f)).blend(v, v.compare(VectorOperators.GE, 1f)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = ActivationMath.sparsePlus(x[xo + i]);
        }
    }

    private static void sparseSigmoid(int n, float[] x, int xo, float[] out, int oo) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            sparseSigmoidOf(v).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = ActivationMath.sparseSigmoid(x[xo + i]);
        }
    }

    // ---- backward kernels: gradIn = gradOut * f'(x); gradIn may be gradOut (same offset) ----

    private static void reluGrad(int n, float[] x, int xo, float[] g, int go, float[] gi, int gio) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            FloatVector d = v.blend(1f, v.compare(VectorOperators.GT, 0f)).blend(0f, v.compare(VectorOperators.LE, 0f));
            FloatVector.fromArray(S, g, go + i).mul(d).intoArray(gi, gio + i);
        }
        for (; i < n; i++) {
            gi[gio + i] = g[go + i] * ActivationMath.reluGrad(x[xo + i]);
        }
    }

    /** The derivative of Keras' relu with arguments, as {@link ActivationMath#reluGrad(float, float, float, float)}. */
    private static void reluGrad(int n, float[] x, int xo, float[] g, int go, float[] gi, int gio,
                                 float s, float m, float t) {
        boolean clip = m != Float.POSITIVE_INFINITY;
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            VectorMask<Float> passes = v.compare(VectorOperators.GT, t);
            if (clip) {
                passes = passes.and(v.compare(VectorOperators.GT, 0f)).and(v.compare(VectorOperators.LT, m));
            }
            FloatVector d = FloatVector.zero(S).blend(1f, passes).blend(s, v.compare(VectorOperators.LT, t))
                    .blend(v, v.test(VectorOperators.IS_NAN));
            FloatVector.fromArray(S, g, go + i).mul(d).intoArray(gi, gio + i);
        }
        for (; i < n; i++) {
            gi[gio + i] = g[go + i] * ActivationMath.reluGrad(x[xo + i], s, m, t);
        }
    }

    private static void leakyReluGrad(int n, float[] x, int xo, float[] g, int go, float[] gi, int gio, float s) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            FloatVector d = v.blend(1f, v.compare(VectorOperators.GT, 0f)).blend(s, v.compare(VectorOperators.LE, 0f));
            FloatVector.fromArray(S, g, go + i).mul(d).intoArray(gi, gio + i);
        }
        for (; i < n; i++) {
            gi[gio + i] = g[go + i] * ActivationMath.leakyReluGrad(x[xo + i], s);
        }
    }

    private static void relu6Grad(int n, float[] x, int xo, float[] g, int go, float[] gi, int gio) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            // x * 0 + 1 is 1, or NaN for NaN and +-inf; the blend then zeroes x <= 0 and x >= 6 (incl. +-inf)
            VectorMask<Float> flat = v.compare(VectorOperators.LE, 0f).or(v.compare(VectorOperators.GE, 6f));
            FloatVector d = v.fma(0f, 1f).blend(0f, flat);
            FloatVector.fromArray(S, g, go + i).mul(d).intoArray(gi, gio + i);
        }
        for (; i < n; i++) {
            gi[gio + i] = g[go + i] * ActivationMath.relu6Grad(x[xo + i]);
        }
    }

    private static void eluGrad(int n, float[] x, int xo, float[] g, int go, float[] gi, int gio, float a, float c) {
        float ratio = a / c;
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            FloatVector d = LaneMath.exp(v.div(c)).mul(ratio).blend(1f, v.compare(VectorOperators.GT, 0f));
            FloatVector.fromArray(S, g, go + i).mul(d).intoArray(gi, gio + i);
        }
        for (; i < n; i++) {
            gi[gio + i] = g[go + i] * ActivationMath.eluGrad(x[xo + i], a, c);
        }
    }

    private static void seluGrad(int n, float[] x, int xo, float[] g, int go, float[] gi, int gio) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            FloatVector d = LaneMath.exp(v).mul(SELU_SCALE_ALPHA)
                    .blend(SELU_SCALE, v.compare(VectorOperators.GT, 0f));
            FloatVector.fromArray(S, g, go + i).mul(d).intoArray(gi, gio + i);
        }
        for (; i < n; i++) {
            gi[gio + i] = g[go + i] * ActivationMath.seluGrad(x[xo + i]);
        }
    }

    private static void sigmoidGrad(int n, float[] y, int yo, float[] g, int go, float[] gi, int gio) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector s = FloatVector.fromArray(S, y, yo + i);
            FloatVector d = s.neg().add(1f).mul(s);
            FloatVector.fromArray(S, g, go + i).mul(d).intoArray(gi, gio + i);
        }
        for (; i < n; i++) {
            gi[gio + i] = g[go + i] * ActivationMath.sigmoidGrad(y[yo + i]);
        }
    }

    private static void tanhGrad(int n, float[] y, int yo, float[] g, int go, float[] gi, int gio) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector t = FloatVector.fromArray(S, y, yo + i);
            FloatVector d = t.neg().add(1f).mul(t.add(1f));
            FloatVector.fromArray(S, g, go + i).mul(d).intoArray(gi, gio + i);
        }
        for (; i < n; i++) {
            gi[gio + i] = g[go + i] * ActivationMath.tanhGrad(y[yo + i]);
        }
    }

    private static void softplusGrad(int n, float[] x, int xo, float[] g, int go, float[] gi, int gio) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector d = sigmoidOf(FloatVector.fromArray(S, x, xo + i));
            FloatVector.fromArray(S, g, go + i).mul(d).intoArray(gi, gio + i);
        }
        for (; i < n; i++) {
            gi[gio + i] = g[go + i] * ActivationMath.softplusGrad(x[xo + i]);
        }
    }

    private static void softsignGrad(int n, float[] x, int xo, float[] g, int go, float[] gi, int gio) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector r = one().div(FloatVector.fromArray(S, x, xo + i).abs().add(1f));
            FloatVector.fromArray(S, g, go + i).mul(r.mul(r)).intoArray(gi, gio + i);
        }
        for (; i < n; i++) {
            gi[gio + i] = g[go + i] * ActivationMath.softsignGrad(x[xo + i]);
        }
    }

    private static void siluGrad(int n, float[] x, int xo, float[] g, int go, float[] gi, int gio) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            // s + x s (1 - s) with s(1 - s) = p q, p = 1/(1+e), q = e p, e = e^-|x| (see ActivationMath.siluGrad)
            FloatVector e = LaneMath.exp(v.abs().neg());
            FloatVector p = one().div(e.add(1f));
            FloatVector q = e.mul(p);
            FloatVector s = q.blend(p, v.compare(VectorOperators.GE, 0f));
            FloatVector c = v.max(-Float.MAX_VALUE).min(Float.MAX_VALUE);
            FloatVector d = c.mul(p).fma(q, s);
            FloatVector.fromArray(S, g, go + i).mul(d).intoArray(gi, gio + i);
        }
        for (; i < n; i++) {
            gi[gio + i] = g[go + i] * ActivationMath.siluGrad(x[xo + i]);
        }
    }

    private static void geluTanhGrad(int n, float[] x, int xo, float[] g, int go, float[] gi, int gio) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            FloatVector c = v.max(-GELU_TANH_CLAMP).min(GELU_TANH_CLAMP);
            FloatVector c2 = c.mul(c);
            FloatVector e = LaneMath.exp(c2.fma(GT_2CK, GT_2C).mul(c).abs().neg());
            FloatVector p = one().div(e.add(1f));
            FloatVector q = e.mul(p);
            FloatVector s = q.blend(p, v.compare(VectorOperators.GE, 0f));
            FloatVector d = c.mul(p).mul(q).mul(c2.fma(GT_6CK, GT_2C)).add(s);
            FloatVector.fromArray(S, g, go + i).mul(d).intoArray(gi, gio + i);
        }
        for (; i < n; i++) {
            gi[gio + i] = g[go + i] * ActivationMath.geluTanhGrad(x[xo + i]);
        }
    }

    private static void mishGrad(int n, float[] x, int xo, float[] g, int go, float[] gi, int gio) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            // t + x 4 e (1 + e) / m^2 with t = num / m (see ActivationMath.mishGrad); / m twice avoids m^2 overflow
            FloatVector c = FloatVector.fromArray(S, x, xo + i).min(ActivationMath.MISH_CLAMP);
            FloatVector e = LaneMath.exp(c);
            FloatVector num = e.add(2f).mul(e);
            FloatVector m = num.add(2f);
            FloatVector w = e.add(1f).mul(e).mul(4f).div(m).div(m);
            FloatVector d = noNegInf(c).fma(w, num.div(m));
            FloatVector.fromArray(S, g, go + i).mul(d).intoArray(gi, gio + i);
        }
        for (; i < n; i++) {
            gi[gio + i] = g[go + i] * ActivationMath.mishGrad(x[xo + i]);
        }
    }

    private static void exponentialGrad(int n, float[] y, int yo, float[] g, int go, float[] gi, int gio) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector.fromArray(S, g, go + i).mul(FloatVector.fromArray(S, y, yo + i)).intoArray(gi, gio + i);
        }
        for (; i < n; i++) {
            gi[gio + i] = g[go + i] * y[yo + i];
        }
    }

    private static void hardSigmoidGrad(int n, float[] x, int xo, float[] g, int go, float[] gi, int gio) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            // as in relu6Grad: x * 0 + 1/6 keeps NaN, the blend zeroes |x| >= 3 (incl. +-inf)
            VectorMask<Float> flat = v.compare(VectorOperators.LE, -3f).or(v.compare(VectorOperators.GE, 3f));
            FloatVector d = v.fma(0f, 1f / 6f).blend(0f, flat);
            FloatVector.fromArray(S, g, go + i).mul(d).intoArray(gi, gio + i);
        }
        for (; i < n; i++) {
            gi[gio + i] = g[go + i] * ActivationMath.hardSigmoidGrad(x[xo + i]);
        }
    }

    private static void hardSiluGrad(int n, float[] x, int xo, float[] g, int go, float[] gi, int gio) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            // (x + 1.5) / 3 = x/3 + 1/2 without cancellation near its zero at -1.5
            FloatVector d = v.add(1.5f).mul(1f / 3f)
                    .blend(0f, v.compare(VectorOperators.LE, -3f)).blend(1f, v.compare(VectorOperators.GE, 3f));
            FloatVector.fromArray(S, g, go + i).mul(d).intoArray(gi, gio + i);
        }
        for (; i < n; i++) {
            gi[gio + i] = g[go + i] * ActivationMath.hardSiluGrad(x[xo + i]);
        }
    }

    private static void logSigmoidGrad(int n, float[] x, int xo, float[] g, int go, float[] gi, int gio) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            FloatVector d = LaneMath.sigmoid(v.neg());
            FloatVector.fromArray(S, g, go + i).mul(d).intoArray(gi, gio + i);
        }
        for (; i < n; i++) {
            gi[gio + i] = g[go + i] * ActivationMath.logSigmoidGrad(x[xo + i]);
        }
    }

    private static void hardTanhGrad(int n, float[] x, int xo, float[] g, int go, float[] gi, int gio) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            FloatVector d = insideUnitInterval(v, 1f);
            FloatVector.fromArray(S, g, go + i).mul(d).intoArray(gi, gio + i);
        }
        for (; i < n; i++) {
            gi[gio + i] = g[go + i] * ActivationMath.hardTanhGrad(x[xo + i]);
        }
    }

    private static void tanhShrinkGrad(int n, float[] x, int xo, float[] g, int go, float[] gi, int gio) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            FloatVector t = LaneMath.tanh(v);
            FloatVector d = t.mul(t);
            FloatVector.fromArray(S, g, go + i).mul(d).intoArray(gi, gio + i);
        }
        for (; i < n; i++) {
            gi[gio + i] = g[go + i] * ActivationMath.tanhShrinkGrad(x[xo + i]);
        }
    }

    private static void squareplusGrad(int n, float[] x, int xo, float[] g, int go, float[] gi, int gio, float b) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            // q / s for x < 0 and 1 - q / s otherwise: (1 + x / s) / 2 without cancellation
            FloatVector u = squareplusQ(v, b).div(v.mul(v).add(b).sqrt());
            FloatVector d = v.blend(u, v.compare(VectorOperators.LT, 0f)).blend(one().sub(u), v.compare(VectorOperators.GE, 0f));
            FloatVector.fromArray(S, g, go + i).mul(d).intoArray(gi, gio + i);
        }
        for (; i < n; i++) {
            gi[gio + i] = g[go + i] * ActivationMath.squareplusGrad(x[xo + i], b);
        }
    }

    private static void thresholdGrad(int n, float[] x, int xo, float[] g, int go, float[] gi, int gio, float t) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector xv = FloatVector.fromArray(S, x, xo + i);
            FloatVector slope = FloatVector.broadcast(S, 1f).blend(0f, xv.compare(VectorOperators.LE, t))
                    .blend(xv, xv.test(VectorOperators.IS_NAN));
            FloatVector.fromArray(S, g, go + i).mul(slope).intoArray(gi, gio + i);
        }
        for (; i < n; i++) {
            gi[gio + i] = g[go + i] * ActivationMath.thresholdGrad(x[xo + i], t);
        }
    }

    private static void shrinkGrad(int n, float[] x, int xo, float[] g, int go, float[] gi, int gio, float t) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            FloatVector a = v.abs();
            FloatVector d = v.blend(1f, a.compare(VectorOperators.GT, t)).blend(0f, a.compare(VectorOperators.LE, t));
            FloatVector.fromArray(S, g, go + i).mul(d).intoArray(gi, gio + i);
        }
        for (; i < n; i++) {
            gi[gio + i] = g[go + i] * ActivationMath.shrinkGrad(x[xo + i], t);
        }
    }

    private static void sparsePlusGrad(int n, float[] x, int xo, float[] g, int go, float[] gi, int gio) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            FloatVector d = sparseSigmoidOf(v);
            FloatVector.fromArray(S, g, go + i).mul(d).intoArray(gi, gio + i);
        }
        for (; i < n; i++) {
            gi[gio + i] = g[go + i] * ActivationMath.sparsePlusGrad(x[xo + i]);
        }
    }

    private static void sparseSigmoidGrad(int n, float[] x, int xo, float[] g, int go, float[] gi, int gio) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            FloatVector d = insideUnitInterval(v, 0.5f);
            FloatVector.fromArray(S, g, go + i).mul(d).intoArray(gi, gio + i);
        }
        for (; i < n; i++) {
            gi[gio + i] = g[go + i] * ActivationMath.sparseSigmoidGrad(x[xo + i]);
        }
    }

    private static void softmaxRowBackward(int n, float[] y, int yo, float[] g, int go, float[] gi, int gio) {
        float dot = rowDot(n, y, yo, g, go);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector gv = FloatVector.fromArray(S, g, go + i);
            gv.sub(dot).mul(FloatVector.fromArray(S, y, yo + i)).intoArray(gi, gio + i);
        }
        for (; i < n; i++) {
            gi[gio + i] = y[yo + i] * (g[go + i] - dot);
        }
    }

    /** {@code a * sigmoid(b)} of one row's halves a and b; in place works (out at x's offset). */
    private static void gluRow(int half, float[] x, int xo, float[] out, int oo) {
        int j = 0;
        for (int bound = S.loopBound(half); j < bound; j += S.length()) {
            FloatVector a = FloatVector.fromArray(S, x, xo + j);
            a.mul(LaneMath.sigmoid(FloatVector.fromArray(S, x, xo + half + j))).intoArray(out, oo + j);
        }
        for (; j < half; j++) {
            out[oo + j] = x[xo + j] * ActivationMath.sigmoid(x[xo + half + j]);
        }
    }

    /** d/da = sigmoid(b), d/db = a sigmoid(b) (1 - sigmoid(b)), each times the output's gradient. */
    private static void gluRowBackward(int half, float[] x, int xo, float[] g, int go, float[] gi, int gio) {
        int j = 0;
        for (int bound = S.loopBound(half); j < bound; j += S.length()) {
            FloatVector gv = FloatVector.fromArray(S, g, go + j);
            FloatVector s = LaneMath.sigmoid(FloatVector.fromArray(S, x, xo + half + j));
            gv.mul(s).intoArray(gi, gio + j);
            gv.mul(FloatVector.fromArray(S, x, xo + j)).mul(s.mul(one().sub(s))).intoArray(gi, gio + half + j);
        }
        for (; j < half; j++) {
            float s = ActivationMath.sigmoid(x[xo + half + j]);
            gi[gio + j] = g[go + j] * s;
            gi[gio + half + j] = g[go + j] * x[xo + j] * ActivationMath.sigmoidGrad(s);
        }
    }

    /**
     * Sparsemax by Michelot's algorithm, as the scalar twin does: tau from all values, then from those
     * above the last tau until none drops out; the sums in float lanes.
     */
    private static void sparsemaxRow(int n, float[] x, int xo, float[] out, int oo) {
        int count = n;
        float tau = (sumAbove(n, x, xo, Float.NaN) - 1) / n;
        while (count > 0) {
            int k = countAbove(n, x, xo, tau);
            if (k >= count) {
                break;
            }
            float sum = sumAbove(n, x, xo, tau);
            count = k;
            tau = k == 0 ? Float.NaN : (sum - 1) / k;
        }
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector.fromArray(S, x, xo + i).sub(tau).max(0f).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            out[oo + i] = Math.max(x[xo + i] - tau, 0f);
        }
    }

    /** The sum of the values above {@code tau}, of all values when tau is NaN. */
    private static float sumAbove(int n, float[] x, int xo, float tau) {
        boolean all = tau != tau;
        int i = 0;
        FloatVector acc = FloatVector.zero(S);
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            acc = acc.add(all ? v : v.blend(0f, v.compare(VectorOperators.GT, tau).not()));
        }
        float sum = LaneSums.sum(acc);
        for (; i < n; i++) {
            float v = x[xo + i];
            sum += all || v > tau ? v : 0f;
        }
        return sum;
    }

    private static int countAbove(int n, float[] x, int xo, float tau) {
        int i = 0;
        int count = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            count += FloatVector.fromArray(S, x, xo + i).compare(VectorOperators.GT, tau).trueCount();
        }
        for (; i < n; i++) {
            count += x[xo + i] > tau ? 1 : 0;
        }
        return count;
    }

    /** {@code gradIn_j = g_j - mean of g over the support} where {@code y_j > 0}, else 0; a NaN row stays NaN. */
    private static void sparsemaxRowBackward(int n, float[] y, int yo, float[] g, int go, float[] gi, int gio) {
        int i = 0;
        FloatVector acc = FloatVector.zero(S);
        int count = 0;
        boolean nan = false;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector yv = FloatVector.fromArray(S, y, yo + i);
            VectorMask<Float> support = yv.compare(VectorOperators.GT, 0f);
            acc = acc.add(FloatVector.fromArray(S, g, go + i).blend(0f, support.not()));
            count += support.trueCount();
            nan |= yv.test(VectorOperators.IS_NAN).anyTrue();
        }
        float sum = LaneSums.sum(acc);
        for (; i < n; i++) {
            float v = y[yo + i];
            if (v > 0) {
                sum += g[go + i];
                count++;
            }
            nan |= v != v;
        }
        if (nan) {
            Arrays.fill(gi, gio, gio + n, Float.NaN);
            return;
        }
        float mean = sum / count;
        i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector support = FloatVector.fromArray(S, y, yo + i);
            FloatVector.fromArray(S, g, go + i).sub(mean).blend(0f, support.compare(VectorOperators.GT, 0f).not())
                    .intoArray(gi, gio + i);
        }
        for (; i < n; i++) {
            gi[gio + i] = y[yo + i] > 0 ? g[go + i] - mean : 0f;
        }
    }

    /** {@code gradIn_j = g_j - e^(y_j) sum_k g_k}. */
    private static void logSoftmaxRowBackward(int n, float[] y, int yo, float[] g, int go, float[] gi, int gio) {
        int i = 0;
        FloatVector acc = FloatVector.zero(S);
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            acc = acc.add(FloatVector.fromArray(S, g, go + i));
        }
        float sum = LaneSums.sum(acc);
        for (; i < n; i++) {
            sum += g[go + i];
        }
        i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector e = LaneMath.exp(FloatVector.fromArray(S, y, yo + i));
            FloatVector.fromArray(S, g, go + i).sub(e.mul(sum)).intoArray(gi, gio + i);
        }
        for (; i < n; i++) {
            gi[gio + i] = g[go + i] - (float) Math.exp(y[yo + i]) * sum;
        }
    }

    private static float rowDot(int n, float[] y, int yo, float[] g, int go) {
        int i = 0;
        FloatVector acc = FloatVector.zero(S);
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            acc = FloatVector.fromArray(S, y, yo + i).fma(FloatVector.fromArray(S, g, go + i), acc);
        }
        float dot = LaneSums.sum(acc);
        for (; i < n; i++) {
            dot = Math.fma(y[yo + i], g[go + i], dot);
        }
        return dot;
    }
}
