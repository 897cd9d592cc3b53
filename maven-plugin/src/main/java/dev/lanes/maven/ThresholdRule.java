package dev.lanes.maven;

import dev.lanes.maven.job.Formats;
import dev.lanes.tune.Scoring;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A bound on the best candidate's mean cross-validated score: {@code maxRmse} and its kind (the mean
 * must not be above it) or {@code minR2} (not below it), or a {@code <rule>}'s {@code max} and
 * {@code min} on any metric the search computes. The best candidate is the one ranked first by the
 * search's scoring; a rule on another metric reads that same candidate's score in that metric. A
 * {@code min} on an error (or a {@code max} on R²) with severity warn flags a result too good to be
 * true, such as a target that leaked into the features.
 *
 * @param name      as configured, e.g. {@code maxRmse}
 * @param metric    the score it reads, e.g. {@code rmse}
 * @param atMost    true for an upper bound, false for a lower bound
 * @param threshold  the bound, inclusive
 * @param confidence 0 to bound the mean; otherwise the level of the one-sided confidence bound of the
 *                   mean that is bounded instead, on its pessimistic side (the upper bound for
 *                   {@code max}, the lower for {@code min}; see {@link FoldStatistics})
 * @param severity   what a violation does
 */
record ThresholdRule(String name, String metric, boolean atMost, double threshold, double confidence, Severity severity)
        implements GateRule {

    /**
     * Checks the bound against the metric's range; {@code element} is the POM element that set it.
     *
     * @throws ConfigurationError when the threshold is not a number in the metric's range
     */
    static ThresholdRule of(String name, String element, String metric, boolean atMost, double threshold,
                            double confidence, Severity severity) {
        String shown = GateRule.invalid(name, element, threshold);
        if (!Double.isFinite(threshold)) {
            throw new ConfigurationError(shown + "the threshold must be a finite number.");
        }
        if (Scoring.fromName(metric).greaterIsBetter()) {
            if (threshold > 1) {
                throw new ConfigurationError(shown + "the threshold must be a number <= 1, since R² is at most 1 (a"
                        + " perfect fit); 0 is as good as predicting the mean.");
            }
        } else if (threshold < 0) {
            throw new ConfigurationError(shown + "the threshold must be a number >= 0, since " + metric
                    + " is never negative.");
        }
        return new ThresholdRule(name, metric, atMost, threshold, confidence, severity);
    }

    @Override
    public boolean needsBaseline() {
        return false;
    }

    @Override
    public Verdict check(SearchSummary run, Optional<Baseline> baseline) {
        String condition = metric + (atMost ? " <= " : " >= ") + Formats.format(threshold)
                + (confidence == 0 ? "" : " (" + (atMost ? "upper " : "lower ") + Formats.percent(confidence) + " bound)");
        OptionalDouble actual = run.bestScore(metric);
        if (actual.isEmpty()) {
            return Verdict.of(name, condition, "none (no candidate has a score)", false, severity);
        }
        double v = actual.getAsDouble();
        if (confidence == 0) {
            return Verdict.of(name, condition, Formats.format(v), atMost ? v <= threshold : v >= threshold, severity);
        }
        Optional<double[]> splits = run.bestSplitScores(metric);
        if (splits.isEmpty() || splits.get().length < 2) {
            return new Verdict(name, condition, "the results hold no per-split " + metric + " scores of the best candidate"
                    + " to bound the mean with (at least 2 are needed)", Verdict.Status.ERROR);
        }
        double margin = FoldStatistics.tQuantile(confidence, splits.get().length - 1)
                * FoldStatistics.standardError(splits.get(), run.folds());
        double bound = atMost ? v + margin : v - margin;
        return Verdict.of(name, condition, Formats.format(bound) + " (mean " + Formats.format(v) + (atMost ? " + " : " - ")
                + Formats.format(margin) + ")", atMost ? bound <= threshold : bound >= threshold, severity);
    }
}
