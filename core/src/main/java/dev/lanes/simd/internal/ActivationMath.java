package dev.lanes.simd.internal;

/**
 * Scalar activation functions and their derivatives, one element at a time: the body of the scalar
 * kernels and the tail loops of the Panama ones, so both twins agree on formulas, constants and
 * special values.
 *
 * <p>Functions of x compute in double and round once, so they are accurate to about one float ulp
 * (GELU: the erfc fit, see {@link #erfc(double)}); the derivatives taken from the float output y
 * (sigmoid, tanh, exponential) carry y's rounding, an absolute error of about 2^-24. Conventions
 * shared with the Panama kernels:
 * <ul>
 *   <li>NaN in gives NaN out. Piecewise derivatives therefore return {@code x} itself when no branch
 *       matched, because every comparison with NaN is false.</li>
 *   <li>Products {@code x * s(x)} whose factor {@code s} tends to 0 as {@code x -> -inf} multiply by
 *       {@link #noNegInf(float)} instead of {@code x}: {@code -inf * 0} would be NaN, the limit is 0.</li>
 *   <li>Derivatives at kinks follow TensorFlow: relu'(0) = 0, leaky_relu'(0) = its slope, relu6' = 1 only on
 *       (0, 6), hard_sigmoid' = 1/6 only on (-3, 3), elu and selu take the {@code x > 0} branch only
 *       for {@code x > 0}.</li>
 * </ul>
 */
public final class ActivationMath {

    /** SELU alpha, as in Keras. */
    public static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    /** SELU scale, as in Keras. */
    public static final double SELU_SCALE = 1.0507009873554804934193349852946;
    /** {@code sqrt(2 / pi)}, the GELU tanh approximation's factor. */
    public static final double GELU_TANH_C = 0.7978845608028654;
    /** The cubic coefficient of the GELU tanh approximation. */
    public static final double GELU_TANH_K = 0.044715;
    /** {@code 1 / sqrt(2 pi)}, the normal density's factor. */
    public static final double INV_SQRT_2PI = 0.3989422804014327;
    /** {@code 1 / sqrt(2)}: the erfc of the normal CDF takes {@code |x| / sqrt 2}. */
    public static final double INV_SQRT2 = 0.7071067811865476;
    /**
     * Above this input mish and its derivative equal the value they have here in float (the correction
     * terms fall below 1e-11 relative), and clamping keeps {@code e^x} and its square finite.
     */
    public static final float MISH_CLAMP = 30f;

    /*
     * Coefficients of the Chebyshev-fitted erfc (Numerical Recipes, 2nd ed., erfcc):
     * erfc(z) = t exp(-z^2 + P(t)), t = 1 / (1 + z/2), P(t) = sum ERFC_Pi t^i, for z >= 0, with
     * fractional error below 1.2e-7 for every z >= 0. Public so the Panama twin evaluates the same fit.
     */
    /** Coefficient of t^0 in the erfc fit (see {@link #erfc(double)}). */
    public static final double ERFC_P0 = -1.26551223;
    /** Coefficient of t^1 in the erfc fit (see {@link #erfc(double)}). */
    public static final double ERFC_P1 = 1.00002368;
    /** Coefficient of t^2 in the erfc fit (see {@link #erfc(double)}). */
    public static final double ERFC_P2 = 0.37409196;
    /** Coefficient of t^3 in the erfc fit (see {@link #erfc(double)}). */
    public static final double ERFC_P3 = 0.09678418;
    /** Coefficient of t^4 in the erfc fit (see {@link #erfc(double)}). */
    public static final double ERFC_P4 = -0.18628806;
    /** Coefficient of t^5 in the erfc fit (see {@link #erfc(double)}). */
    public static final double ERFC_P5 = 0.27886807;
    /** Coefficient of t^6 in the erfc fit (see {@link #erfc(double)}). */
    public static final double ERFC_P6 = -1.13520398;
    /** Coefficient of t^7 in the erfc fit (see {@link #erfc(double)}). */
    public static final double ERFC_P7 = 1.48851587;
    /** Coefficient of t^8 in the erfc fit (see {@link #erfc(double)}). */
    public static final double ERFC_P8 = -0.82215223;
    /** Coefficient of t^9 in the erfc fit (see {@link #erfc(double)}). */
    public static final double ERFC_P9 = 0.17087277;

    private ActivationMath() {
    }

    /**
     * {@code x}, or {@code -Float.MAX_VALUE} for {@code -inf}; NaN stays NaN. Used as the outer factor
     * of {@code x * s(x)} with {@code s(-inf) = 0} so the product tends to 0 instead of NaN.
     */
    public static float noNegInf(float x) {
        return Math.max(x, -Float.MAX_VALUE);
    }

    /**
     * {@code erfc(z)} for {@code z >= 0} with fractional error below 1.2e-7 (Numerical Recipes'
     * Chebyshev fit, coefficients {@link #ERFC_P0} to {@link #ERFC_P9}); evaluated in double, so the
     * fit dominates the error. Unlike {@code 1 - erf(z)} it keeps full relative precision for large z,
     * where erfc is tiny.
     */
    public static double erfc(double z) {
        double t = 1.0 / (1.0 + 0.5 * z);
        double p = ERFC_P0 + t * (ERFC_P1 + t * (ERFC_P2 + t * (ERFC_P3 + t * (ERFC_P4
                + t * (ERFC_P5 + t * (ERFC_P6 + t * (ERFC_P7 + t * (ERFC_P8 + t * ERFC_P9))))))));
        return t * Math.exp(-z * z + p);
    }

    /** Standard normal CDF {@code Phi(x) = erfc(-x / sqrt 2) / 2}, without cancellation for x < 0. */
    static double normalCdf(double x) {
        double h = 0.5 * erfc(Math.abs(x) * INV_SQRT2);
        return x >= 0 ? 1.0 - h : h;
    }

    // ---- forward ----

    /** {@code max(x, 0)}. */
    public static float relu(float x) {
        return Math.max(x, 0f);
    }

    /** {@code x > 0 ? x : s x}. */
    public static float leakyRelu(float x, float s) {
        return x > 0 ? x : s * x;
    }

    /**
     * Keras' relu with arguments: {@code g - s * max(t - x, 0)} where {@code g = x > t ? x : 0}, clipped
     * to {@code [0, m]} unless m is infinite (Keras' None). The slope term is left out for s = 0, so
     * {@code -inf} gives 0 there rather than {@code 0 * inf}.
     */
    public static float relu(float x, float s, float m, float t) {
        float g = x <= t ? 0f : x;
        if (m != Float.POSITIVE_INFINITY) {
            g = Math.min(Math.max(g, 0f), m);
        }
        return s == 0 ? g : g - s * Math.max(t - x, 0f);
    }

    /** {@code min(max(x, 0), 6)}. */
    public static float relu6(float x) {
        return Math.min(Math.max(x, 0f), 6f);
    }

    /**
     * {@code x > 0 ? x : a (e^(x / c) - 1)}: elu is {@code (alpha, 1)}, celu {@code (alpha, alpha)}
     * (where {@code max(x, 0) + min(alpha (e^(x/alpha) - 1), 0)} is this for alpha > 0).
     */
    public static float elu(float x, float a, float c) {
        return x > 0 ? x : (float) (a * Math.expm1(x / (double) c));
    }

    /** {@code scale * (x > 0 ? x : alpha (e^x - 1))}. */
    public static float selu(float x) {
        return (float) (SELU_SCALE * (x > 0 ? x : SELU_ALPHA * Math.expm1(x)));
    }

    /** {@code 1 / (1 + e^-x)}; no cancellation anywhere, and e^-x overflowing to inf gives 0. */
    public static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }

    /** {@code tanh(x)}. */
    public static float tanh(float x) {
        return (float) Math.tanh(x);
    }

    /** {@code log(1 + e^x)} as {@code max(x, 0) + log1p(e^-|x|)}, which never overflows. */
    public static float softplus(float x) {
        return (float) (Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs((double) x))));
    }

    /** {@code x / (1 + |x|)}; +-inf give +-1 (the naive form gives inf / inf = NaN). */
    public static float softsign(float x) {
        double c = Math.min(Math.max(x, -Float.MAX_VALUE), Float.MAX_VALUE);
        return (float) (c / (1.0 + Math.abs(c)));
    }

    /** {@code x * sigmoid(x)}. */
    public static float silu(float x) {
        return (float) (noNegInf(x) / (1.0 + Math.exp(-x)));
    }

    /** {@code x * Phi(x) = 0.5 x erfc(-x / sqrt 2)}, the exact GELU. */
    public static float gelu(float x) {
        return (float) (noNegInf(x) * normalCdf(x));
    }

    /**
     * {@code 0.5 x (1 + tanh(u))}, {@code u = sqrt(2/pi) (x + 0.044715 x^3)}, computed as the equal
     * {@code x * sigmoid(2u)}: {@code 1 + tanh(u)} cancels for negative x.
     */
    public static float geluTanh(float x) {
        double twoU = geluTanhTwoU(x);
        return (float) (noNegInf(x) / (1.0 + Math.exp(-twoU)));
    }

    private static double geluTanhTwoU(double x) {
        return 2.0 * GELU_TANH_C * x * (1.0 + GELU_TANH_K * x * x);
    }

    /**
     * {@code x tanh(softplus(x))}. With {@code e = e^x}, {@code tanh(log(1 + e)) = n / (n + 2)} for
     * {@code n = e (e + 2)}: one exp, no cancellation for negative x.
     */
    public static float mish(float x) {
        double e = Math.exp(Math.min(x, MISH_CLAMP));
        double n = e * (e + 2.0);
        return (float) (noNegInf(x) * (n / (n + 2.0)));
    }

    /** {@code e^x}. */
    public static float exponential(float x) {
        return (float) Math.exp(x);
    }

    /** Keras 3 {@code relu6(x + 3) / 6}: 0 for {@code x <= -3}, 1 for {@code x >= 3}, else {@code x/6 + 1/2}. */
    public static float hardSigmoid(float x) {
        return (float) (Math.min(Math.max(x + 3.0, 0.0), 6.0) / 6.0);
    }

    /** {@code x * hard_sigmoid(x)}. */
    public static float hardSilu(float x) {
        return (float) (noNegInf(x) * (Math.min(Math.max(x + 3.0, 0.0), 6.0) / 6.0));
    }

    /** {@code min(x, 0) - log(1 + e^-|x|)}: log(sigmoid(x)) without overflow or cancellation. */
    public static float logSigmoid(float x) {
        return (float) (Math.min(x, 0.0) - Math.log1p(Math.exp(-Math.abs((double) x))));
    }

    /** {@code min(max(x, -1), 1)}. */
    public static float hardTanh(float x) {
        return Math.min(Math.max(x, -1f), 1f);
    }

    /** {@code x - tanh(x)}; near 0, where the difference cancels, its series to x^11. */
    public static float tanhShrink(float x) {
        double d = x;
        if (Math.abs(d) < 0.1) {
            double x2 = d * d;
            return (float) (d * x2 * (1.0 / 3 - x2 * (2.0 / 15 - x2 * (17.0 / 315 - x2 * (62.0 / 2835
                    - x2 * (1382.0 / 155925))))));
        }
        return (float) (d - Math.tanh(d));
    }

    /**
     * {@code (x + sqrt(x^2 + b)) / 2} as {@code max(x, 0) + q} with {@code q = (b/2) / (sqrt(x^2 + b) + |x|)},
     * which is the value at -|x| and does not cancel for negative x.
     */
    public static float squareplus(float x, float b) {
        double d = x;
        return (float) (Math.max(d, 0.0) + squareplusQ(d, b));
    }

    private static double squareplusQ(double x, double b) {
        return b / 2.0 / (Math.sqrt(x * x + b) + Math.abs(x));
    }

    /** {@code x - t} above the threshold t, {@code x + t} below -t, 0 between. */
    public static float softShrink(float x, float t) {
        return x > t ? x - t : x < -t ? x + t : Math.abs(x) <= t ? 0f : x;
    }

    /** {@code x} beyond the threshold t in magnitude, 0 within it. */
    public static float hardShrink(float x, float t) {
        return Math.abs(x) <= t ? 0f : x;
    }

    /** Keras' threshold: {@code default_value} up to the threshold t, else x (so NaN stays NaN). */
    public static float threshold(float x, float t, float defaultValue) {
        return x <= t ? defaultValue : x;
    }

    /** 1 above the threshold t, 0 at or below it, NaN for NaN. */
    public static float thresholdGrad(float x, float t) {
        return x > t ? 1f : x <= t ? 0f : x;
    }

    /** 0 for {@code x <= -1}, {@code (x + 1)^2 / 4} between, {@code x} for {@code x >= 1}. */
    public static float sparsePlus(float x) {
        if (x <= -1) {
            return 0f;
        }
        return x >= 1 || x != x ? x : (float) ((x + 1.0) * (x + 1.0) / 4.0);
    }

    /** 0 for {@code x <= -1}, {@code (x + 1) / 2} between, 1 for {@code x >= 1}. */
    public static float sparseSigmoid(float x) {
        return x <= -1 ? 0f : x >= 1 ? 1f : (float) ((x + 1.0) / 2.0);
    }

    // ---- derivatives f'(x); y = f(x) where a derivative is cheaper from the output ----

    /** 1 for {@code x > 0}, 0 for {@code x <= 0}. */
    public static float reluGrad(float x) {
        return x > 0 ? 1f : x <= 0 ? 0f : x;
    }

    /** 1 for {@code x > 0}, s for {@code x <= 0}. */
    public static float leakyReluGrad(float x, float s) {
        return x > 0 ? 1f : x <= 0 ? s : x;
    }

    /**
     * The derivative of {@link #relu(float, float, float, float)}: 1 where {@code x > t} (and, when m is
     * finite, {@code 0 < x < m}), plus s where {@code x < t}.
     */
    public static float reluGrad(float x, float s, float m, float t) {
        if (x != x) {
            return x;
        }
        float d = x > t && (m == Float.POSITIVE_INFINITY || x > 0 && x < m) ? 1f : 0f;
        return x < t ? d + s : d;
    }

    /** 1 for {@code 0 < x < 6}, else 0. */
    public static float relu6Grad(float x) {
        return x > 0 && x < 6 ? 1f : x <= 0 || x >= 6 ? 0f : x;
    }

    /**
     * The derivative of {@link #elu(float, float, float)}: 1 for x > 0, else {@code (a / c) e^(x / c)}
     * (from x: y + a loses all relative precision for very negative x).
     */
    public static float eluGrad(float x, float a, float c) {
        return x > 0 ? 1f : (float) ((double) a / c * Math.exp(x / (double) c));
    }

    /** scale for x > 0, else scale alpha e^x. */
    public static float seluGrad(float x) {
        return (float) (x > 0 ? SELU_SCALE : SELU_SCALE * SELU_ALPHA * Math.exp(x));
    }

    /** {@code y (1 - y)} from the output {@code y = sigmoid(x)}. */
    public static float sigmoidGrad(float y) {
        return y * (1f - y);
    }

    /** {@code (1 - y)(1 + y) = 1 - y^2} from the output; the factored form is exact near |y| = 1. */
    public static float tanhGrad(float y) {
        return (1f - y) * (1f + y);
    }

    /** {@code sigmoid(x)}. */
    public static float softplusGrad(float x) {
        return sigmoid(x);
    }

    /** {@code 1 / (1 + |x|)^2}. */
    public static float softsignGrad(float x) {
        double r = 1.0 / (1.0 + Math.abs((double) x));
        return (float) (r * r);
    }

    /**
     * {@code s + x s (1 - s)} with {@code s = sigmoid(x)}. With {@code e = e^-|x|}, {@code p = 1/(1+e)}
     * and {@code q = e p}, s is p or q by the sign of x and {@code s (1 - s) = p q} either way, so
     * {@code 1 - s} never cancels.
     */
    public static float siluGrad(float x) {
        double e = Math.exp(-Math.abs((double) x));
        double p = 1.0 / (1.0 + e);
        double q = e * p;
        double s = x >= 0 ? p : q;
        return (float) (s + clampFinite(x) * p * q);
    }

    /** {@code Phi(x) + x phi(x)}. */
    public static float geluGrad(float x) {
        double c = clampFinite(x);
        return (float) (normalCdf(x) + c * INV_SQRT_2PI * Math.exp(-0.5 * c * c));
    }

    /** {@code s + x s (1 - s) 2u'} with {@code s = sigmoid(2u)} (see {@link #geluTanh(float)}). */
    public static float geluTanhGrad(float x) {
        double c = Math.min(Math.max(x, -30.0), 30.0);
        double e = Math.exp(-Math.abs(geluTanhTwoU(c)));
        double p = 1.0 / (1.0 + e);
        double q = e * p;
        double s = x >= 0 ? p : q;
        return (float) (s + c * p * q * (2.0 * GELU_TANH_C) * (1.0 + 3.0 * GELU_TANH_K * c * c));
    }

    /**
     * {@code t + x sigmoid(x) (1 - t^2)} with {@code t = tanh(softplus(x)) = n / m}, {@code n = e (e + 2)},
     * {@code m = n + 2}, {@code e = e^x}; that product is {@code x 4 e (1 + e) / m^2}.
     */
    public static float mishGrad(float x) {
        double c = Math.min(x, MISH_CLAMP);
        double e = Math.exp(c);
        double n = e * (e + 2.0);
        double m = n + 2.0;
        return (float) (n / m + Math.max(c, -Float.MAX_VALUE) * (4.0 * e * (1.0 + e) / m) / m);
    }

    /** {@code y = e^x}. */
    public static float exponentialGrad(float y) {
        return y;
    }

    /** 1/6 for {@code -3 < x < 3}, else 0. */
    public static float hardSigmoidGrad(float x) {
        return x > -3 && x < 3 ? 1f / 6f : x <= -3 || x >= 3 ? 0f : x;
    }

    /** 0 for {@code x <= -3}, 1 for {@code x >= 3}, else {@code x/3 + 1/2}. */
    public static float hardSiluGrad(float x) {
        return x <= -3 ? 0f : x >= 3 ? 1f : (float) ((x + 1.5) / 3.0);
    }

    /** {@code sigmoid(-x) = 1 / (1 + e^x)}. */
    public static float logSigmoidGrad(float x) {
        return sigmoid(-x);
    }

    /** 1 for {@code -1 < x < 1}, 0 outside. */
    public static float hardTanhGrad(float x) {
        return x > -1 && x < 1 ? 1f : x <= -1 || x >= 1 ? 0f : x;
    }

    /** {@code tanh(x)^2}. */
    public static float tanhShrinkGrad(float x) {
        double t = Math.tanh(x);
        return (float) (t * t);
    }

    /** {@code (1 + x / sqrt(x^2 + b)) / 2}: {@code q / s} for negative x and {@code 1 - q / s} otherwise, with q as in squareplus. */
    public static float squareplusGrad(float x, float b) {
        double d = x;
        double u = squareplusQ(d, b) / Math.sqrt(d * d + b);
        return (float) (d < 0 ? u : d >= 0 ? 1.0 - u : d);
    }

    /** 1 beyond the threshold in magnitude, 0 within: soft_shrink and hard_shrink alike. */
    public static float shrinkGrad(float x, float t) {
        float a = Math.abs(x);
        return a > t ? 1f : a <= t ? 0f : x;
    }

    /** 0 for {@code x <= -1}, {@code (x + 1) / 2} between, 1 for {@code x >= 1}. */
    public static float sparsePlusGrad(float x) {
        return sparseSigmoid(x);
    }

    /** 1/2 for {@code -1 < x < 1}, 0 outside. */
    public static float sparseSigmoidGrad(float x) {
        return x > -1 && x < 1 ? 0.5f : x <= -1 || x >= 1 ? 0f : x;
    }

    private static double clampFinite(float x) {
        return Math.min(Math.max(x, -Float.MAX_VALUE), Float.MAX_VALUE);
    }
}
