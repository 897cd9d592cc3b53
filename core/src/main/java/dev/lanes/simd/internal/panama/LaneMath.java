package dev.lanes.simd.internal.panama;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * e^x, e^x - 1, ln(1 + x) and tanh on float lanes, built only from operations whose results Java
 * specifies to the bit (add, multiply, divide, fused multiply-add, min, max, compares, blends and
 * integer bit moves).
 *
 * <p>Why not the Vector API's lane-wise EXP, EXPM1, LOG1P and TANH: C2 compiles them to the SVML stubs
 * while the interpreter and C1 compute them lane by lane with {@code Math}, and the two differ in the
 * last bit for some inputs. A kernel then gave other floats before it was compiled than after, so a fit
 * depended on how warm the JVM was, and a grid search on how its fits fell on threads. These functions
 * give the same bits in every tier and on every JDK; {@code LaneMathTest} replays them in scalar code
 * and measures their error. The polynomials are those of Cephes' single-precision library
 * (S. L. Moshier); errors measured against double {@code Math}: exp and log1p within 1 ulp, expm1
 * within 1.5, tanh and sigmoid within 2.5.
 *
 * <p>Each method is small and called only from kernel loops, so C2 inlines it and no vector is boxed.
 */
final class LaneMath {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    /** 1.5 * 2^23: adding it rounds a float of magnitude below 2^22 to an integer, held in its low bits. */
    private static final float ROUNDER = 12582912f;
    private static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);
    private static final float LOG2E = 1.44269504088896341f;
    /** ln 2 split so that {@code n * LN2_HI} is exact for the n used here. */
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    /** ln 2 split as fdlibm's logf does. */
    private static final float LN2_HIGH = 6.9313812256e-01f;
    private static final float LN2_LOW = 9.0580006145e-06f;
    private static final float SQRT2 = 1.41421356237309505f;

    private LaneMath() {
    }

    /**
     * e^x: x = n ln 2 + r with |r| <= ln(2) / 2, e^r by Cephes' expf polynomial, times 2^n applied in two
     * exact halves (so that subnormal results and n = 128 need no special case). Below -104 the result
     * is 0, above 89 it is infinite; NaN stays NaN.
     */
    static FloatVector exp(FloatVector x) {
        FloatVector v = clamp(x, -104f, 89f);
        FloatVector t = rounded(v);
        return timesTwoTo(expm1OfReduced(reduced(v, t)).add(1f), t);
    }

    /**
     * 1 / (1 + e^-x), with e^-x scaled by 2^n in one step: results below 2^-126 (x under about -87.3)
     * come out as 0 rather than subnormal, which saves {@link #exp}'s second scaling.
     */
    static FloatVector sigmoid(FloatVector x) {
        FloatVector v = clamp(x.neg(), -87.3f, 89f);
        FloatVector t = rounded(v);
        FloatVector e = expm1OfReduced(reduced(v, t)).add(1f).mul(twoTo(t));
        return FloatVector.broadcast(S, 1f).div(e.add(1f));
    }

    /** {@code n + ROUNDER}, where n is v / ln 2 rounded to an integer (for |v| below 2^21). */
    private static FloatVector rounded(FloatVector v) {
        return v.fma(FloatVector.broadcast(S, LOG2E), FloatVector.broadcast(S, ROUNDER));
    }

    /** {@code r = v - n ln 2}, |r| <= ln(2) / 2, for the n held by {@code t = n + ROUNDER} (Cody and Waite). */
    private static FloatVector reduced(FloatVector v, FloatVector t) {
        FloatVector n = t.sub(ROUNDER);
        return n.fma(FloatVector.broadcast(S, -LN2_LO), n.fma(FloatVector.broadcast(S, -LN2_HI), v));
    }

    /** e^r - 1 for |r| up to about ln(2) / 2: {@code r + r^2 P(r)}, Cephes' expf polynomial. */
    private static FloatVector expm1OfReduced(FloatVector r) {
        FloatVector p = r.fma(1.9875691500e-4f, 1.3981999507e-3f)
                .fma(r, FloatVector.broadcast(S, 8.3334519073e-3f))
                .fma(r, FloatVector.broadcast(S, 4.1665795894e-2f))
                .fma(r, FloatVector.broadcast(S, 1.6666665459e-1f))
                .fma(r, FloatVector.broadcast(S, 5.0000001201e-1f));
        return p.fma(r.mul(r), r);
    }

    /** 2^n for the integer n held by {@code t = n + ROUNDER}, -126 <= n <= 128 (128 gives infinity). */
    private static FloatVector twoTo(FloatVector t) {
        return powerOfTwo(t.reinterpretAsInts().sub(ROUNDER_BITS));
    }

    /** {@code y * 2^n} for the integer n held by {@code t = n + ROUNDER}, in two exact halves. */
    private static FloatVector timesTwoTo(FloatVector y, FloatVector t) {
        IntVector k = t.reinterpretAsInts().sub(ROUNDER_BITS);
        IntVector k1 = k.lanewise(VectorOperators.ASHR, 1);
        return y.mul(powerOfTwo(k1)).mul(powerOfTwo(k.sub(k1)));
    }

    /** 2^k as a float, built from its bits, for -126 <= k <= 128 (128 gives infinity). */
    private static FloatVector powerOfTwo(IntVector k) {
        return k.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    }

    /**
     * e^x - 1. Below |x| = 0.5 the Taylor polynomial {@code x + x^2 (1/2 + x/6 + ...)} to x^10 (and
     * x itself for x = 0, so -0 stays -0). Up to 20, with x = n ln 2 + r as in {@link #exp},
     * {@code 2^n (e^r - 1) + (2^n - 1)} keeps the precision that e^x - 1 would lose to cancellation.
     * Beyond, {@link #exp} minus 1.
     */
    static FloatVector expm1(FloatVector x) {
        FloatVector small = x.mul(x).fma(taylorExpm1Tail(x), x).blend(x, x.eq(0f));
        FloatVector v = clamp(x, -30f, 20f);
        FloatVector t = rounded(v);
        FloatVector scale = twoTo(t);
        FloatVector mid = scale.fma(expm1OfReduced(reduced(v, t)), scale.sub(1f));
        FloatVector result = exp(x).sub(1f).blend(mid, x.lt(20f));
        return result.blend(small, x.abs().lt(0.5f));
    }

    /** {@code (e^x - 1 - x) / x^2} by its Taylor polynomial to x^8, for |x| below 0.5. */
    private static FloatVector taylorExpm1Tail(FloatVector x) {
        return x.fma(1f / 3628800f, 1f / 362880f)
                .fma(x, FloatVector.broadcast(S, 1f / 40320f))
                .fma(x, FloatVector.broadcast(S, 1f / 5040f))
                .fma(x, FloatVector.broadcast(S, 1f / 720f))
                .fma(x, FloatVector.broadcast(S, 1f / 120f))
                .fma(x, FloatVector.broadcast(S, 1f / 24f))
                .fma(x, FloatVector.broadcast(S, 1f / 6f))
                .fma(x, FloatVector.broadcast(S, 0.5f));
    }

    /**
     * ln(1 + u) for {@code +0 <= u <= 1} (what softplus needs), as fdlibm's logf: w = 1 + u is rounded,
     * so {@code (u - (w - 1)) / w} restores the lost part; ln w = k ln 2 + ln(1 + f) with {@code 1 + f}
     * in [sqrt(1/2), sqrt 2); {@code ln(1 + f) = f - (f^2/2 - s (f^2/2 + R(s^2)))} with
     * {@code s = f / (2 + f)}.
     */
    static FloatVector log1pUnit(FloatVector u) {
        FloatVector w = u.add(1f);
        FloatVector lost = u.sub(w.sub(1f)).div(w);
        var high = w.compare(VectorOperators.GE, SQRT2);
        FloatVector f = w.sub(1f).blend(w.mul(0.5f).sub(1f), high);
        FloatVector s = f.div(f.add(2f));
        FloatVector z = s.mul(s);
        FloatVector big = z.fma(1.4798198640e-01f, 1.5313838422e-01f)
                .fma(z, FloatVector.broadcast(S, 1.8183572590e-01f))
                .fma(z, FloatVector.broadcast(S, 2.2222198546e-01f))
                .fma(z, FloatVector.broadcast(S, 2.8571429849e-01f))
                .fma(z, FloatVector.broadcast(S, 4.0000000596e-01f))
                .fma(z, FloatVector.broadcast(S, 6.6666668653e-01f))
                .mul(z);
        FloatVector hfsq = f.mul(f).mul(0.5f);
        FloatVector k = FloatVector.zero(S).blend(1f, high);
        FloatVector inner = s.fma(hfsq.add(big), k.fma(FloatVector.broadcast(S, LN2_LOW), lost));
        return k.fma(FloatVector.broadcast(S, LN2_HIGH), hfsq.sub(inner).sub(f).neg());
    }

    /**
     * tanh x as {@code E / (E + 2)} with {@code E = e^(2|x|) - 1} (computed as in {@link #expm1}, without
     * cancellation), and the sign of x put back (so -0 stays -0). One formula for every x costs a third
     * less than a small-x polynomial blended with {@code 1 - 2 / (e^(2|x|) + 1)}; its error is within 2.5
     * ulp (the worst case, 2.42 ulp, is near |x| = 0.016, where rounding E + 2 adds half an ulp to E's
     * own). Near +-1 the error is up to 1.5 ulp where {@code 1 - 2 / (e^(2|x|) + 1)} had 0.5, so the
     * derivative {@code (1 - y)(1 + y)} taken from it is a little less precise there. |x| is clamped to
     * 9.1, beyond which tanh rounds to 1 in float.
     */
    static FloatVector tanh(FloatVector x) {
        FloatVector c = atMost(x.abs(), 9.1f);
        FloatVector v = c.add(c);
        FloatVector t = rounded(v);
        FloatVector scale = twoTo(t);
        FloatVector e = scale.fma(expm1OfReduced(reduced(v, t)), scale.sub(1f));
        IntVector sign = x.reinterpretAsInts().and(Integer.MIN_VALUE);
        return e.div(e.add(2f)).reinterpretAsInts().or(sign).reinterpretAsFloats();
    }

    /**
     * {@code min(max(v, lo), hi)} by compare and blend: the same bits as {@code max} and {@code min} (NaN
     * stays NaN, since every comparison with it is false), in two instructions each on AVX2, where Java's
     * NaN-propagating vector {@code min} and {@code max} take five.
     */
    private static FloatVector clamp(FloatVector v, float lo, float hi) {
        return atMost(v.blend(lo, v.compare(VectorOperators.LT, lo)), hi);
    }

    /** {@code min(v, hi)} by compare and blend, as in {@link #clamp}. */
    private static FloatVector atMost(FloatVector v, float hi) {
        return v.blend(hi, v.compare(VectorOperators.GT, hi));
    }
}
