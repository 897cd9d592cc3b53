package dev.lanes.simd;

/**
 * Double-precision reference for every activation and its derivative, at any values of its arguments, written from the textbook
 * formulas independently of the kernels (own erfc, own stable forms), so that a shared mistake is
 * unlikely. Derivatives at kinks follow TensorFlow (relu'(0) = 0, leaky_relu'(0) = its slope, relu6' = 1 on
 * (0, 6) only, hard_sigmoid' = 1/6 on (-3, 3) only, elu/selu use e^x at 0); at the thresholds of
 * hard_tanh, the shrinks and the sparse functions the derivative is that of the outer piece.
 */
final class ActivationReference {

    static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    static final double SELU_SCALE = 1.0507009873554804934193349852946;
    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
    private static final double GELU_K = 0.044715;

    private ActivationReference() {
    }

    static double forward(ActivationFunction f, double x) {
        double a = argument(f, 0);
        switch (f.kind()) {
            case LINEAR: return x;
            case RELU: return relu(x, a, argument(f, 1), argument(f, 2));
            case LEAKY_RELU: return x > 0 ? x : a * x;
            case RELU6: return Math.min(Math.max(x, 0), 6);
            case ELU: return x > 0 ? x : a * Math.expm1(x);
            case SELU: return SELU_SCALE * (x > 0 ? x : SELU_ALPHA * Math.expm1(x));
            case SIGMOID: return sigmoid(x);
            case TANH: return Math.tanh(x);
            case SOFTPLUS: return softplus(x);
            case SOFTSIGN: return x / (1 + Math.abs(x));
            case SILU: return x * sigmoid(x);
            case GELU: return x * normalCdf(x);
            // 0.5 x (1 + tanh u) = x / (1 + e^-2u); the left side cancels to 0 in double for u < -19
            case GELU_TANH: return x / (1 + Math.exp(-2 * geluU(x)));
            case MISH: return x * Math.tanh(softplus(x));
            case EXPONENTIAL: return Math.exp(x);
            case HARD_SIGMOID: return hardSigmoid(x);
            case HARD_SILU: return x * hardSigmoid(x);
            case CELU: return Math.max(x, 0) + Math.min(a * Math.expm1(x / a), 0);
            case LOG_SIGMOID: return -softplus(-x);
            case HARD_TANH: return Math.max(-1, Math.min(1, x));
            // x^3/3 - 2x^5/15 near 0, where the difference cancels in double too
            case TANH_SHRINK: return Math.abs(x) < 1e-3 ? x * x * x / 3 - 2 * Math.pow(x, 5) / 15 : x - Math.tanh(x);
            case SQUAREPLUS: return (x + Math.sqrt(x * x + a)) / 2;
            case SOFT_SHRINK: return x > a ? x - a : x < -a ? x + a : 0;
            case HARD_SHRINK: return Math.abs(x) > a ? x : 0;
            case THRESHOLD: return x > a ? x : argument(f, 1);
            case SPARSE_PLUS: return x <= -1 ? 0 : x >= 1 ? x : 0.25 * (x + 1) * (x + 1);
            case SPARSE_SIGMOID: return x <= -1 ? 0 : x >= 1 ? 1 : 0.5 * (x + 1);
            default: throw new IllegalArgumentException(f.toString());
        }
    }

    static double derivative(ActivationFunction f, double x) {
        double a = argument(f, 0);
        switch (f.kind()) {
            case LINEAR: return 1;
            case RELU: {
                double m = argument(f, 1);
                double t = argument(f, 2);
                return (x > t && (m == Double.POSITIVE_INFINITY || x > 0 && x < m) ? 1 : 0) + (x < t ? a : 0);
            }
            case LEAKY_RELU: return x > 0 ? 1 : a;
            case RELU6: return x > 0 && x < 6 ? 1 : 0;
            case ELU: return x > 0 ? 1 : a * Math.exp(x);
            case SELU: return x > 0 ? SELU_SCALE : SELU_SCALE * SELU_ALPHA * Math.exp(x);
            case SIGMOID: return sigmoidPrime(x);
            case TANH: return sech2(x);
            case SOFTPLUS: return sigmoid(x);
            case SOFTSIGN: return 1 / ((1 + Math.abs(x)) * (1 + Math.abs(x)));
            case SILU: return sigmoid(x) + x * sigmoidPrime(x);
            case GELU: return normalCdf(x) + x * Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
            case GELU_TANH: {
                double u = geluU(x);
                return 0.5 * (1 + Math.tanh(u)) + 0.5 * x * sech2(u) * SQRT_2_OVER_PI * (1 + 3 * GELU_K * x * x);
            }
            case MISH: {
                double sp = softplus(x);
                return Math.tanh(sp) + x * sech2(sp) * sigmoid(x);
            }
            case EXPONENTIAL: return Math.exp(x);
            case HARD_SIGMOID: return x > -3 && x < 3 ? 1.0 / 6 : 0;
            case HARD_SILU: return x <= -3 ? 0 : x >= 3 ? 1 : x / 3 + 0.5;
            case CELU: return x > 0 ? 1 : Math.exp(x / a);
            case LOG_SIGMOID: return sigmoid(-x);
            case HARD_TANH: return Math.abs(x) < 1 ? 1 : 0;
            case TANH_SHRINK: return Math.tanh(x) * Math.tanh(x);
            case SQUAREPLUS: return 0.5 * (1 + x / Math.sqrt(x * x + a));
            case SOFT_SHRINK:
            case HARD_SHRINK: return Math.abs(x) > a ? 1 : 0;
            case THRESHOLD: return x > a ? 1 : 0;
            case SPARSE_PLUS: return x <= -1 ? 0 : x >= 1 ? 1 : 0.5 * (x + 1);
            case SPARSE_SIGMOID: return Math.abs(x) < 1 ? 0.5 : 0;
            default: throw new IllegalArgumentException(f.toString());
        }
    }

    /**
     * Argument i of f as the kernels take it, rounded to float as Keras casts it to the input's dtype: the
     * reference is the function of float32 arguments (NaN when f takes no argument i).
     */
    private static double argument(ActivationFunction f, int i) {
        return i < f.kind().arguments().size() ? (float) f.argument(i) : Double.NaN;
    }

    /**
     * Keras' relu(x, negative_slope, max_value, threshold) as Keras computes it: {@code x * (x > threshold)},
     * clipped to [0, max_value] when max_value is given, minus {@code negative_slope * relu(threshold - x)}.
     */
    private static double relu(double x, double negativeSlope, double maxValue, double threshold) {
        double y = x > threshold ? x : 0;
        if (maxValue != Double.POSITIVE_INFINITY) {
            y = Math.min(Math.max(y, 0), maxValue);
        }
        return y - negativeSlope * Math.max(threshold - x, 0);
    }

    /** Row-wise log_softmax in double: {@code x - max - log(sum e^(x - max))}. */
    static double[] logSoftmax(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : x) {
            sum += Math.exp(v - max);
        }
        double[] y = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            y[j] = x[j] - max - Math.log(sum);
        }
        return y;
    }

    /** Row-wise softmax in double. */
    /**
     * Sparsemax by its definition (Martins and Astudillo, 2016, Algorithm 1): sort descending, the
     * support is the largest k with {@code 1 + k z_(k) > sum of the k largest}, {@code tau = (that sum - 1) / k}.
     */
    static double[] sparsemax(double[] x) {
        double[] sorted = x.clone();
        java.util.Arrays.sort(sorted);
        double cumulative = 0;
        double tau = 0;
        for (int k = 1; k <= x.length; k++) {
            double z = sorted[x.length - k];
            cumulative += z;
            if (1 + k * z > cumulative) {
                tau = (cumulative - 1) / k;
            }
        }
        double[] y = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            y[j] = Math.max(x[j] - tau, 0);
        }
        return y;
    }

    static double[] softmax(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            max = Math.max(max, v);
        }
        double[] y = new double[x.length];
        double sum = 0;
        for (int j = 0; j < x.length; j++) {
            y[j] = Math.exp(x[j] - max);
            sum += y[j];
        }
        for (int j = 0; j < x.length; j++) {
            y[j] /= sum;
        }
        return y;
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    private static double sigmoidPrime(double x) {
        double e = Math.exp(-Math.abs(x));
        return e / ((1 + e) * (1 + e));
    }

    private static double sech2(double x) {
        double c = Math.cosh(x);
        return 1 / (c * c);
    }

    private static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    private static double geluU(double x) {
        return SQRT_2_OVER_PI * (x + GELU_K * x * x * x);
    }

    private static double hardSigmoid(double x) {
        return x <= -3 ? 0 : x >= 3 ? 1 : x / 6 + 0.5;
    }

    static double normalCdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    /**
     * erfc to about 1e-14 relative: for |z| < 3 as 1 - erf with erf from its all-positive series
     * {@code 2/sqrt(pi) e^-z^2 sum 2^n z^(2n+1) / (1*3*...*(2n+1))}, beyond from the continued fraction
     * {@code e^-z^2 / sqrt(pi) / (z + (1/2) / (z + 1 / (z + (3/2) / (z + ...))))}.
     */
    static double erfc(double z) {
        if (Double.isNaN(z)) {
            return z;
        }
        if (z < 0) {
            return 2 - erfc(-z);
        }
        if (z < 3) {
            double term = z;
            double sum = z;
            for (int n = 1; n < 200 && term > 1e-18 * sum; n++) {
                term *= 2 * z * z / (2 * n + 1);
                sum += term;
            }
            return 1 - 2 / Math.sqrt(Math.PI) * Math.exp(-z * z) * sum;
        }
        double k = z;
        for (int i = 120; i >= 1; i--) {
            k = z + (i / 2.0) / k;
        }
        return Math.exp(-z * z) / (Math.sqrt(Math.PI) * k);
    }
}
