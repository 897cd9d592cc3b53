package dev.lanes.simd.internal.panama;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lanes.simd.internal.ActivationMath;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link GeluLanes} against a scalar replay of the same double operations: equal bits on every input,
 * so the kernels give the same floats in every JIT tier and on every JDK. NaN counts as one value: Java
 * does not specify which NaN an operation on NaN returns, and the sign bit of a NaN result differs
 * between compiled and interpreted code. (The error against the exact GELU is tested with every other
 * activation in {@code ActivationKernelsTest}.)
 */
class GeluLanesTest {

    private static final double ROUNDER = 6755399441055744.0;
    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;

    @Test
    void forwardGivesTheBitsOfItsScalarReplay() {
        float[] x = inputs();
        float[] out = new float[x.length];
        GeluLanes.forward(x.length, x, 0, out, 0);
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            float expected = (float) (Math.max(v, -Float.MAX_VALUE) * phi(v));
            assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(out[i]), "gelu(" + x[i] + ")");
        }
    }

    @Test
    void backwardGivesTheBitsOfItsScalarReplay() {
        float[] x = inputs();
        float[] g = new float[x.length];
        Random rnd = new Random(5);
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) rnd.nextGaussian();
        }
        float[] gradIn = new float[x.length];
        GeluLanes.backward(x.length, x, 0, g, 0, gradIn, 0);
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            double c = Math.min(Math.max(v, -20.0), 20.0);
            double grad = Math.fma(c * ActivationMath.INV_SQRT_2PI, gauss(v), phi(v));
            float expected = (float) (grad * g[i]);
            assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(gradIn[i]),
                    "gelu'(" + x[i] + ") * " + g[i]);
        }
    }

    /** Normal, tail and tiny values, both signs, and the special values; a length every lane count divides. */
    private static float[] inputs() {
        Random rnd = new Random(11);
        float[] x = new float[100_000];
        float[] special = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 20f, -20f,
            Math.nextUp(20f), Math.nextDown(-20f), -13.5f, -14.5f, Float.MAX_VALUE, -Float.MAX_VALUE,
            Float.MIN_VALUE, -Float.MIN_VALUE};
        for (int i = 0; i < x.length; i++) {
            x[i] = switch (i % 4) {
                case 0 -> (float) (rnd.nextGaussian() * 3);
                case 1 -> -25f + 50f * rnd.nextFloat();
                case 2 -> (float) Math.scalb(rnd.nextDouble() - 0.5, -rnd.nextInt(60));
                default -> special[rnd.nextInt(special.length)];
            };
        }
        return x;
    }

    private static double phi(double v) {
        double z = z(v);
        double t = 1.0 / Math.fma(z, 0.5, 1.0);
        double h = expOfFit(fit(t)) * gauss(v) * t * 0.5;
        return v < 0 ? h : 1.0 - h;
    }

    private static double gauss(double v) {
        double z = z(v);
        return exp(-(z * z));
    }

    private static double z(double v) {
        return Math.min(Math.abs(v), 20.0) * ActivationMath.INV_SQRT2;
    }

    private static double fit(double t) {
        double[] p = {ActivationMath.ERFC_P9, ActivationMath.ERFC_P8, ActivationMath.ERFC_P7, ActivationMath.ERFC_P6,
            ActivationMath.ERFC_P5, ActivationMath.ERFC_P4, ActivationMath.ERFC_P3, ActivationMath.ERFC_P2,
            ActivationMath.ERFC_P1, ActivationMath.ERFC_P0};
        double s = Math.fma(t, p[0], p[1]);
        for (int i = 2; i < p.length; i++) {
            s = Math.fma(s, t, p[i]);
        }
        return s;
    }

    private static double exp(double v) {
        double rounded = Math.fma(v, LOG2E, ROUNDER);
        double n = rounded - ROUNDER;
        double r = Math.fma(n, -LN2_LO, Math.fma(n, -LN2_HI, v));
        long scale = (Double.doubleToRawLongBits(rounded) - Double.doubleToRawLongBits(ROUNDER)) << 52;
        return Double.longBitsToDouble(Double.doubleToRawLongBits(taylor(r)) + scale);
    }

    private static double expOfFit(double p) {
        double q = taylor(p * 0.25);
        q = q * q;
        return q * q;
    }

    private static double taylor(double r) {
        double[] c = {1.0 / 3628800, 1.0 / 362880, 1.0 / 40320, 1.0 / 5040, 1.0 / 720, 1.0 / 120, 1.0 / 24,
            1.0 / 6, 0.5, 1.0, 1.0};
        double s = Math.fma(r, c[0], c[1]);
        for (int i = 2; i < c.length; i++) {
            s = Math.fma(s, r, c[i]);
        }
        return s;
    }
}
