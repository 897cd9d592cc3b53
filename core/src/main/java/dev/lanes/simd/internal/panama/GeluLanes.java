package dev.lanes.simd.internal.panama;

import dev.lanes.simd.internal.ActivationMath;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The exact GELU, {@code x Phi(x)}, and its derivative {@code Phi(x) + x phi(x)} on double lanes: the
 * same erfc fit as {@link ActivationMath#erfc(double)}, {@code erfc(z) = t e^(-z^2 + P(t))} with
 * {@code z = |x| / sqrt 2} and {@code t = 1 / (1 + z/2)}, evaluated in double and rounded to float once,
 * like the scalar twin. Every operation is one Java specifies to the bit, so results do not depend on
 * the JIT tier.
 *
 * <p>Why double: for x far below 0, Phi(x) is {@code e^(-z^2)} times a modest factor with z^2 up to
 * about 200, and a float z^2 would carry an absolute error of 2^-17, a relative error of Phi of dozens
 * of float ulps. Lanes hold half as many doubles as floats; these kernels are still many times faster
 * than the scalar ones.
 *
 * <p>Why passes: the whole computation in one loop is more Vector API calls than C2 inlines into one
 * method (it stops at {@code NodeCountInliningCutoff} and boxes every vector from there on). So a
 * chunk of {@value #CHUNK} elements goes through three loops, each its own method: t and P(t), then
 * {@code e^(-z^2)}, then the result, with the intermediates in a per-thread double buffer that stays in
 * L1. {@code e^(-z^2 + P)} is computed as {@code e^(-z^2) e^P}, which also serves the derivative's
 * {@code phi(x)}; e^P needs no range reduction because P(t) stays within [-1.27, 0].
 */
final class GeluLanes {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** Floats with as many lanes as D: loaded, widened to double, narrowed back, stored. */
    private static final VectorSpecies<Float> F =
            VectorSpecies.of(float.class, VectorShape.forBitSize(D.length() * Float.SIZE));
    /** Elements per pass: a multiple of every lane count, small enough for the buffer to stay in L1. */
    private static final int CHUNK = 512;
    /** Offsets of t, P(t) and e^(-z^2) in the buffer. */
    private static final int T = 0;
    private static final int P = CHUNK;
    private static final int GAUSS = 2 * CHUNK;
    private static final ThreadLocal<double[]> BUFFER = ThreadLocal.withInitial(() -> new double[3 * CHUNK]);

    /**
     * Beyond |x| = 20, Phi(x) is 0 or 1 and x phi(x) is 0 in float (Phi(-20) is about 3e-89); clamping
     * keeps z^2 below 200, so that {@link #exp} stays in normal doubles.
     */
    private static final double CLAMP = 20.0;
    /** 1.5 * 2^52: adding it rounds a double of magnitude below 2^51 to an integer, held in its low bits. */
    private static final double ROUNDER = 6755399441055744.0;
    private static final long ROUNDER_BITS = Double.doubleToRawLongBits(ROUNDER);
    private static final double LOG2E = 1.4426950408889634;
    /** ln 2 split as fdlibm's exp does: {@code n * LN2_HI} is exact for |n| below 2^11. */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;

    private GeluLanes() {
    }

    /** {@code out[i] = gelu(x[i])} for i below n. */
    static void forward(int n, float[] x, int xo, float[] out, int oo) {
        run(FORWARD, n, x, xo, null, 0, out, oo);
        for (int i = F.loopBound(n); i < n; i++) {
            out[oo + i] = ActivationMath.gelu(x[xo + i]);
        }
    }

    /** {@code gradIn[i] = gradOut[i] * gelu'(x[i])} for i below n. */
    static void backward(int n, float[] x, int xo, float[] gradOut, int go, float[] gradIn, int gi) {
        run(BACKWARD, n, x, xo, gradOut, go, gradIn, gi);
        for (int i = F.loopBound(n); i < n; i++) {
            gradIn[gi + i] = gradOut[go + i] * ActivationMath.geluGrad(x[xo + i]);
        }
    }

    /** The passes over every whole chunk of lanes, through one call site that sees three receivers. */
    private static void run(Pass[] passes, int n, float[] x, int xo, float[] g, int go, float[] out, int oo) {
        double[] buffer = BUFFER.get();
        int whole = F.loopBound(n);
        for (int c = 0; c < whole; c += CHUNK) {
            int len = Math.min(CHUNK, whole - c);
            for (Pass pass : passes) {
                pass.run(len, x, xo + c, g, go + c, buffer, out, oo + c);
            }
        }
    }

    /**
     * One loop over a chunk. Passes are called through this interface from a single call site that
     * sees three of them, which C2 does not inline: each pass stays its own compilation, within the
     * node budget (inlined together, they exceed it and box every vector).
     */
    private interface Pass {
        void run(int len, float[] x, int xi, float[] g, int gi, double[] buffer, float[] out, int oi);
    }

    private static final Pass[] FORWARD = {
        (len, x, xi, g, gi, buffer, out, oi) -> fitPass(len, x, xi, buffer),
        (len, x, xi, g, gi, buffer, out, oi) -> gaussPass(len, x, xi, buffer),
        (len, x, xi, g, gi, buffer, out, oi) -> valuePass(len, x, xi, buffer, out, oi),
    };

    private static final Pass[] BACKWARD = {
        (len, x, xi, g, gi, buffer, out, oi) -> fitPass(len, x, xi, buffer),
        (len, x, xi, g, gi, buffer, out, oi) -> gaussPass(len, x, xi, buffer),
        (len, x, xi, g, gi, buffer, out, oi) -> gradientPass(len, x, xi, buffer, g, gi, out, oi),
    };

    /** t and P(t) of x[xi + j] into the buffer, for j below len (a multiple of the lane count). */
    private static void fitPass(int len, float[] x, int xi, double[] buffer) {
        for (int j = 0; j < len; j += F.length()) {
            DoubleVector t = one().div(z(widen(x, xi + j)).fma(0.5, 1.0));
            t.intoArray(buffer, T + j);
            fit(t).intoArray(buffer, P + j);
        }
    }

    /** {@code e^(-z^2)} of x[xi + j] into the buffer. */
    private static void gaussPass(int len, float[] x, int xi, double[] buffer) {
        for (int j = 0; j < len; j += F.length()) {
            DoubleVector z = z(widen(x, xi + j));
            exp(z.mul(z).neg()).intoArray(buffer, GAUSS + j);
        }
    }

    private static void valuePass(int len, float[] x, int xi, double[] buffer, float[] out, int oi) {
        for (int j = 0; j < len; j += F.length()) {
            DoubleVector v = widen(x, xi + j);
            // -inf becomes the largest negative float, whose product with Phi(-20) rounds to -0 in
            // float: the limit 0 rather than NaN or, with the largest double, -inf. NaN stays NaN.
            narrowInto(v.max(-Float.MAX_VALUE).mul(phi(v, buffer, j)), out, oi + j);
        }
    }

    private static void gradientPass(int len, float[] x, int xi, double[] buffer,
                                     float[] gradOut, int go, float[] gradIn, int gi) {
        for (int j = 0; j < len; j += F.length()) {
            DoubleVector v = widen(x, xi + j);
            // x clamped, not x: at +-inf the derivative is 1 or 0 and x phi(x) must not be inf * 0.
            // A NaN lane stays NaN: min and max propagate it.
            DoubleVector c = v.max(-CLAMP).min(CLAMP);
            DoubleVector grad = c.mul(ActivationMath.INV_SQRT_2PI)
                    .fma(DoubleVector.fromArray(D, buffer, GAUSS + j), phi(v, buffer, j));
            narrowInto(grad.mul(widen(gradOut, go + j)), gradIn, gi + j);
        }
    }

    /** Phi(x) from the buffer's t, P(t) and e^(-z^2) at j: half of erfc(z), or one minus it for x >= 0. */
    private static DoubleVector phi(DoubleVector v, double[] buffer, int j) {
        DoubleVector h = expOfFit(DoubleVector.fromArray(D, buffer, P + j))
                .mul(DoubleVector.fromArray(D, buffer, GAUSS + j))
                .mul(DoubleVector.fromArray(D, buffer, T + j))
                .mul(0.5);
        return one().sub(h).blend(h, v.compare(VectorOperators.LT, 0.0));
    }

    /** {@code z = |x| / sqrt 2}, with |x| clamped to {@link #CLAMP}. */
    private static DoubleVector z(DoubleVector v) {
        return v.abs().min(CLAMP).mul(ActivationMath.INV_SQRT2);
    }

    /** P(t) of the erfc fit, by Horner's rule with the scalar twin's coefficients. */
    private static DoubleVector fit(DoubleVector t) {
        return t.fma(ActivationMath.ERFC_P9, ActivationMath.ERFC_P8)
                .fma(t, bc(ActivationMath.ERFC_P7))
                .fma(t, bc(ActivationMath.ERFC_P6))
                .fma(t, bc(ActivationMath.ERFC_P5))
                .fma(t, bc(ActivationMath.ERFC_P4))
                .fma(t, bc(ActivationMath.ERFC_P3))
                .fma(t, bc(ActivationMath.ERFC_P2))
                .fma(t, bc(ActivationMath.ERFC_P1))
                .fma(t, bc(ActivationMath.ERFC_P0));
    }

    /**
     * e^v for v in [-200, 0]: v = n ln 2 + r with |r| <= ln(2) / 2, e^r by its Taylor series to r^10
     * (relative error below 1e-12), times 2^n added to the exponent bits, which is exact while the result
     * is a normal double. A NaN lane stays NaN (its low bits are zero, so its 2^n adds nothing).
     */
    private static DoubleVector exp(DoubleVector v) {
        DoubleVector rounded = v.fma(bc(LOG2E), bc(ROUNDER));
        DoubleVector n = rounded.sub(ROUNDER);
        DoubleVector r = n.fma(bc(-LN2_LO), n.fma(bc(-LN2_HI), v));
        DoubleVector p = taylor(r);
        LongVector scale = ((LongVector) rounded.reinterpretAsLongs()).sub(ROUNDER_BITS)
                .lanewise(VectorOperators.LSHL, 52);
        return ((LongVector) p.reinterpretAsLongs()).add(scale).reinterpretAsDoubles();
    }

    /** e^p for p in [-1.3, 0.1] (the range of the fit): {@code (e^(p/4))^4}, |p/4| <= 0.33. */
    private static DoubleVector expOfFit(DoubleVector p) {
        DoubleVector q = taylor(p.mul(0.25));
        q = q.mul(q);
        return q.mul(q);
    }

    /** {@code sum r^k / k!} for k up to 10, for |r| up to about 0.35. */
    private static DoubleVector taylor(DoubleVector r) {
        return r.fma(1.0 / 3628800, 1.0 / 362880)
                .fma(r, bc(1.0 / 40320))
                .fma(r, bc(1.0 / 5040))
                .fma(r, bc(1.0 / 720))
                .fma(r, bc(1.0 / 120))
                .fma(r, bc(1.0 / 24))
                .fma(r, bc(1.0 / 6))
                .fma(r, bc(0.5))
                .fma(r, bc(1.0))
                .fma(r, bc(1.0));
    }

    private static DoubleVector widen(float[] a, int i) {
        return (DoubleVector) FloatVector.fromArray(F, a, i).convertShape(VectorOperators.F2D, D, 0);
    }

    private static void narrowInto(DoubleVector v, float[] a, int i) {
        ((FloatVector) v.convertShape(VectorOperators.D2F, F, 0)).intoArray(a, i);
    }

    private static DoubleVector one() {
        return DoubleVector.broadcast(D, 1.0);
    }

    private static DoubleVector bc(double c) {
        return DoubleVector.broadcast(D, c);
    }
}
