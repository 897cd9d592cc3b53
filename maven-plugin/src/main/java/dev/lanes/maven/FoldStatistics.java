package dev.lanes.maven;

/**
 * How far a cross-validated mean can be trusted: the standard error of a mean over the splits of
 * (repeated) K-fold cross-validation, and Student's t quantiles for a one-sided confidence bound.
 *
 * <p>The splits' scores are not independent (their training sets overlap), so the plain {@code s/√J}
 * understates the spread. The gate uses Nadeau and Bengio's corrected variance ("Inference for the
 * Generalization Error", Machine Learning 52, 2003), as Bouckaert and Frank's corrected repeated
 * k-fold test does: {@code (1/J + n_test/n_train) · s²}, with J the number of splits, s² the sample
 * variance of their scores, and {@code n_test/n_train = 1/(K-1)} for K folds; the bound then uses
 * Student's t with J-1 degrees of freedom.
 */
final class FoldStatistics {

    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
        9.9843695780195716e-6, 1.5056327351493116e-7};

    private FoldStatistics() {
    }

    /** The mean of {@code x}. */
    static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    /**
     * The corrected standard error of the mean of {@code scores}, one per split of {@code folds}-fold
     * cross-validation (repeated {@code scores.length / folds} times).
     *
     * @throws IllegalArgumentException with fewer than 2 scores or 2 folds
     */
    static double standardError(double[] scores, int folds) {
        if (scores.length < 2 || folds < 2) {
            throw new IllegalArgumentException("a standard error needs at least 2 splits of at least 2 folds");
        }
        double mean = mean(scores);
        double squares = 0;
        for (double v : scores) {
            squares += (v - mean) * (v - mean);
        }
        double variance = squares / (scores.length - 1);
        return Math.sqrt((1.0 / scores.length + 1.0 / (folds - 1)) * variance);
    }

    /**
     * The {@code p} quantile of Student's t distribution with {@code df} degrees of freedom, for
     * {@code 0.5 <= p < 1}: the t with {@code P(T <= t) = p}.
     */
    static double tQuantile(double p, int df) {
        if (!(p >= 0.5 && p < 1) || df < 1) {
            throw new IllegalArgumentException("p must be in [0.5, 1) and df >= 1, got " + p + " and " + df);
        }
        double hi = 1;
        while (tCdf(hi, df) < p) {
            hi *= 2;
        }
        double lo = 0;
        for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
            double mid = (lo + hi) / 2;
            if (tCdf(mid, df) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** P(T <= t) for t >= 0: 1 - I_x(df/2, 1/2) / 2 with x = df / (df + t²). */
    static double tCdf(double t, int df) {
        return 1 - 0.5 * regularizedBeta(df / (df + t * t), df / 2.0, 0.5);
    }

    /** The regularized incomplete beta function I_x(a, b), by its continued fraction (modified Lentz). */
    private static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        if (x > (a + 1) / (a + b + 2)) {
            return 1 - regularizedBeta(1 - x, b, a);
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x)) / a;
        double tiny = 1e-300;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = 1 / (Math.abs(d) < tiny ? tiny : d);
        double f = d;
        for (int m = 1; m <= 300; m++) {
            double even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
            d = 1 + even * d;
            d = 1 / (Math.abs(d) < tiny ? tiny : d);
            c = 1 + even / c;
            c = Math.abs(c) < tiny ? tiny : c;
            f *= d * c;
            double odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
            d = 1 + odd * d;
            d = 1 / (Math.abs(d) < tiny ? tiny : d);
            c = 1 + odd / c;
            c = Math.abs(c) < tiny ? tiny : c;
            double delta = d * c;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-15) {
                break;
            }
        }
        return front * f;
    }

    /** ln Γ(z) for z > 0, by Lanczos' approximation (g = 7). */
    private static double logGamma(double z) {
        if (z < 0.5) {
            return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
        }
        double x = LANCZOS[0];
        double shifted = z - 1;
        for (int i = 1; i < LANCZOS.length; i++) {
            x += LANCZOS[i] / (shifted + i);
        }
        double t = shifted + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(x);
    }
}
