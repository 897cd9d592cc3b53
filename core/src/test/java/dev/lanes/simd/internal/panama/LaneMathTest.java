package dev.lanes.simd.internal.panama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link LaneMath} against a scalar replay of the same operations (equal bits: the functions use only
 * operations Java specifies exactly, so no JIT tier can change a result) and against double-precision
 * {@code Math} (the error bound each function promises).
 */
class LaneMathTest {

    private static final int L = FloatVector.SPECIES_PREFERRED.length();

    enum Function {
        EXP(LaneMath::exp, LaneMathTest::exp, Math::exp, 1, -110, 95),
        EXPM1(LaneMath::expm1, LaneMathTest::expm1, Math::expm1, 1.5, -30, 95),
        LOG1P_UNIT(LaneMath::log1pUnit, LaneMathTest::log1pUnit, Math::log1p, 1, 0, 1),
        TANH(LaneMath::tanh, LaneMathTest::tanh, Math::tanh, 2.5, -50, 50),
        SIGMOID(LaneMath::sigmoid, LaneMathTest::sigmoid, x -> 1 / (1 + Math.exp(-x)), 2.5, -110, 100);

        final UnaryOperator<FloatVector> lanes;
        final FloatUnary replay;
        final DoubleUnaryOperator reference;
        final double ulps;
        final float lo;
        final float hi;

        Function(UnaryOperator<FloatVector> lanes, FloatUnary replay, DoubleUnaryOperator reference, double ulps,
                 float lo, float hi) {
            this.lanes = lanes;
            this.replay = replay;
            this.reference = reference;
            this.ulps = ulps;
            this.lo = lo;
            this.hi = hi;
        }
    }

    interface FloatUnary {
        float apply(float x);
    }

    /** Random values over the function's domain, small ones, the ends, and special values. */
    private static float[] inputs(Function f) {
        Random rnd = new Random(f.ordinal() * 7919L + 1);
        int n = 200_000;
        float[] x = new float[n + 64];
        for (int i = 0; i < n; i++) {
            switch (i % 4) {
                case 0 -> x[i] = f.lo + (f.hi - f.lo) * rnd.nextFloat();
                case 1 -> x[i] = (float) (Math.max(f.lo, -1) + (Math.min(f.hi, 1) - Math.max(f.lo, -1)) * rnd.nextDouble());
                case 2 -> x[i] = (float) Math.scalb(rnd.nextDouble(), -rnd.nextInt(40)) * (f.lo < 0 && rnd.nextBoolean() ? -1 : 1);
                default -> x[i] = (float) (f.lo + (f.hi - f.lo) * rnd.nextDouble());
            }
        }
        float[] special = {0f, -0f, Float.MIN_VALUE, Float.MIN_NORMAL, 1e-30f, -1e-30f, 0.5f, -0.5f, 0.625f,
            -0.625f, Math.nextDown(0.5f), Math.nextUp(-0.5f), 1f, 88.72283f, 88.72284f, 89f, 100f, -87.33655f,
            -103.27893f, -104f, -150f, 44f, 45f, -45f, Float.MAX_VALUE, -Float.MAX_VALUE,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 0.41421354f, 0.41421357f};
        for (int i = 0; i < special.length; i++) {
            x[n + i] = special[i];
        }
        return x;
    }

    /** log1pUnit is defined for +0 <= u <= 1 only (softplus gives it e^-|x|). */
    private static boolean inDomain(Function f, float x) {
        return f != Function.LOG1P_UNIT || (x >= 0 && x <= 1 && Float.floatToRawIntBits(x) >= 0);
    }

    private static float[] lanes(Function f, float[] x) {
        float[] out = new float[x.length];
        int whole = x.length - x.length % L;
        for (int i = 0; i < whole; i += L) {
            f.lanes.apply(FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, x, i)).intoArray(out, i);
        }
        float[] last = new float[L];
        System.arraycopy(x, whole, last, 0, x.length - whole);
        float[] tail = new float[L];
        f.lanes.apply(FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, last, 0)).intoArray(tail, 0);
        System.arraycopy(tail, 0, out, whole, x.length - whole);
        return out;
    }

    @ParameterizedTest
    @EnumSource(Function.class)
    void lanesEqualTheScalarReplayBitForBit(Function f) {
        float[] x = inputs(f);
        float[] got = lanes(f, x);
        for (int i = 0; i < x.length; i++) {
            if (!inDomain(f, x[i])) {
                continue;
            }
            float want = f.replay.apply(x[i]);
            // floatToIntBits: NaN counts as one value, since Java leaves a NaN result's sign and payload open
            if (Float.floatToIntBits(want) != Float.floatToIntBits(got[i])) {
                fail(f + "(" + x[i] + "): lanes " + got[i] + ", replay " + want);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Function.class)
    void withinItsUlpBoundOfDoubleMath(Function f) {
        float[] x = inputs(f);
        float[] got = lanes(f, x);
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            if (!inDomain(f, x[i])) {
                continue;
            }
            double ref = f.reference.applyAsDouble(x[i]);
            float rf = (float) ref;
            if (Float.isNaN(rf) || Float.isInfinite(rf) || rf == 0f) {
                assertEquals(rf, got[i], f + "(" + x[i] + ")");
                continue;
            }
            if (Math.abs(rf) < Float.MIN_NORMAL) {
                // Subnormal results: within one subnormal step; sigmoid flushes them to 0.
                assertEquals(ref, got[i], f == Function.SIGMOID ? Float.MIN_NORMAL : Float.MIN_VALUE, f + "(" + x[i] + ")");
                continue;
            }
            double err = Math.abs(got[i] - ref) / Math.ulp(rf);
            worst = Math.max(worst, err);
            if (err > f.ulps) {
                fail(f + "(" + x[i] + ") = " + got[i] + ", expected " + ref + ": " + err + " ulp");
            }
        }
        System.out.println(f + ": worst error " + worst + " ulp");
    }

    // ---- the scalar replay: the same operations as LaneMath, one float at a time ----

    private static float exp(float x) {
        float v = Math.min(Math.max(x, -104f), 89f);
        float t = Math.fma(v, 1.44269504088896341f, 12582912f);
        float y = expm1OfReduced(reduced(v, t)) + 1f;
        int k = Float.floatToRawIntBits(t) - Float.floatToRawIntBits(12582912f);
        int k1 = k >> 1;
        int k2 = k - k1;
        return y * Float.intBitsToFloat((k1 + 127) << 23) * Float.intBitsToFloat((k2 + 127) << 23);
    }

    private static float sigmoid(float x) {
        float v = Math.min(Math.max(-x, -87.3f), 89f);
        float t = Math.fma(v, 1.44269504088896341f, 12582912f);
        float e = (expm1OfReduced(reduced(v, t)) + 1f) * twoTo(t);
        return 1f / (e + 1f);
    }

    private static float reduced(float v, float t) {
        float n = t - 12582912f;
        return Math.fma(n, 2.12194440e-4f, Math.fma(n, -0.693359375f, v));
    }

    private static float expm1OfReduced(float r) {
        float p = Math.fma(r, 1.9875691500e-4f, 1.3981999507e-3f);
        p = Math.fma(p, r, 8.3334519073e-3f);
        p = Math.fma(p, r, 4.1665795894e-2f);
        p = Math.fma(p, r, 1.6666665459e-1f);
        p = Math.fma(p, r, 5.0000001201e-1f);
        return Math.fma(p, r * r, r);
    }

    private static float twoTo(float t) {
        return Float.intBitsToFloat((Float.floatToRawIntBits(t) - Float.floatToRawIntBits(12582912f) + 127) << 23);
    }

    private static float expm1(float x) {
        float small = x == 0f ? x : Math.fma(x * x, taylorExpm1Tail(x), x);
        float v = Math.min(Math.max(x, -30f), 20f);
        float t = Math.fma(v, 1.44269504088896341f, 12582912f);
        float scale = twoTo(t);
        float mid = Math.fma(scale, expm1OfReduced(reduced(v, t)), scale - 1f);
        float result = x < 20f ? mid : exp(x) - 1f;
        return Math.abs(x) < 0.5f ? small : result;
    }

    private static float taylorExpm1Tail(float x) {
        float q = Math.fma(x, 1f / 3628800f, 1f / 362880f);
        q = Math.fma(q, x, 1f / 40320f);
        q = Math.fma(q, x, 1f / 5040f);
        q = Math.fma(q, x, 1f / 720f);
        q = Math.fma(q, x, 1f / 120f);
        q = Math.fma(q, x, 1f / 24f);
        q = Math.fma(q, x, 1f / 6f);
        return Math.fma(q, x, 0.5f);
    }

    private static float log1pUnit(float u) {
        float w = u + 1f;
        float lost = (u - (w - 1f)) / w;
        boolean high = w >= 1.41421356237309505f;
        float f = high ? w * 0.5f - 1f : w - 1f;
        float s = f / (f + 2f);
        float z = s * s;
        float big = Math.fma(z, 1.4798198640e-01f, 1.5313838422e-01f);
        big = Math.fma(big, z, 1.8183572590e-01f);
        big = Math.fma(big, z, 2.2222198546e-01f);
        big = Math.fma(big, z, 2.8571429849e-01f);
        big = Math.fma(big, z, 4.0000000596e-01f);
        big = Math.fma(big, z, 6.6666668653e-01f);
        big = big * z;
        float hfsq = f * f * 0.5f;
        float k = high ? 1f : 0f;
        float inner = Math.fma(s, hfsq + big, Math.fma(k, 9.0580006145e-06f, lost));
        return Math.fma(k, 6.9313812256e-01f, -((hfsq - inner) - f));
    }

    private static float tanh(float x) {
        float c = Math.min(Math.abs(x), 9.1f);
        float v = c + c;
        float t = Math.fma(v, 1.44269504088896341f, 12582912f);
        float scale = twoTo(t);
        float e = Math.fma(scale, expm1OfReduced(reduced(v, t)), scale - 1f);
        return Math.copySign(e / (e + 2f), x);
    }
}
