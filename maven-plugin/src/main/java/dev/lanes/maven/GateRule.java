package dev.lanes.maven;

import dev.lanes.maven.job.Formats;

import java.util.OptionalDouble;

/**
 * One threshold on a cross-validated score of the best candidate: {@code maxMse}, {@code maxRmse},
 * {@code maxMae} (the mean error over the folds must not be above it) or {@code minR2} (the mean R² must
 * not be below it). The best candidate is the one ranked first by the search's scoring; a rule on
 * another metric reads that same candidate's score in that metric.
 *
 * @param name      as configured, e.g. {@code maxRmse}
 * @param metric    the score it reads: {@code mse}, {@code rmse}, {@code mae} or {@code r2}
 * @param atMost    true for an upper bound, false for a lower bound
 * @param threshold the bound
 */
record GateRule(String name, String metric, boolean atMost, double threshold) {

    /**
     * An upper bound on an error metric.
     *
     * @throws ConfigurationError when the threshold is not a number >= 0
     */
    static GateRule atMost(String name, String metric, double threshold) {
        if (!Double.isFinite(threshold) || threshold < 0) {
            throw new ConfigurationError("Invalid gate rule <" + name + ">" + Formats.format(threshold) + "</" + name
                    + ">: the threshold must be a number >= 0, since " + metric + " is never negative.");
        }
        return new GateRule(name, metric, true, threshold);
    }

    /**
     * A lower bound on R².
     *
     * @throws ConfigurationError when the threshold is not a number <= 1
     */
    static GateRule minR2(double threshold) {
        if (!Double.isFinite(threshold) || threshold > 1) {
            throw new ConfigurationError("Invalid gate rule <minR2>" + Formats.format(threshold) + "</minR2>: the "
                    + "threshold must be a number <= 1, since R² is at most 1 (a perfect fit); 0 is as good as "
                    + "predicting the mean.");
        }
        return new GateRule("minR2", "r2", false, threshold);
    }

    /** The verdict on {@code actual}, the best candidate's mean score; empty (no score) fails. */
    Verdict check(OptionalDouble actual) {
        String bound = metric + (atMost ? " <= " : " >= ") + Formats.format(threshold);
        if (actual.isEmpty()) {
            return new Verdict(name, bound, "none (no candidate has a score)", false);
        }
        double v = actual.getAsDouble();
        return new Verdict(name, bound, Formats.format(v), atMost ? v <= threshold : v >= threshold);
    }
}
