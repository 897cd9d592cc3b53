package dev.lanes.maven;

import dev.lanes.maven.job.Formats;
import dev.lanes.tune.Scoring;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A limit on how far the best score may move from a baseline's best score in the same metric (MLflow's
 * {@code min_absolute_change} and {@code min_relative_change}, TFMA's change thresholds). Worse means
 * higher for the errors and lower for R². A regression limit ({@code maxRegression},
 * {@code maxRegressionPercent}) bounds how much worse the run may be; an improvement limit
 * ({@code maxImprovement}, {@code maxImprovementPercent}) flags a run that is better by more than is
 * plausible, as after a leak of the target into the features. A percentage is of {@code |baseline|}.
 *
 * @param name        as shown, e.g. {@code maxRegressionPercent} or {@code rmse maxImprovement}
 * @param metric      the metric both runs are compared in
 * @param improvement true for an improvement limit, false for a regression limit
 * @param percent     whether {@code limit} is a percentage of the baseline rather than an amount
 * @param limit       the largest change that passes, inclusive
 * @param confidence  0 to compare the two best means; otherwise the level of a paired comparison by
 *                    split: the rule is violated only when the one-sided confidence bound of the mean
 *                    change over the splits lies beyond the limit, i.e. when the splits' spread does not
 *                    explain the change (see {@link FoldStatistics}; the folds must be the same: same
 *                    data, seed, folds and repeats)
 * @param severity    what a violation does
 */
record ChangeRule(String name, String metric, boolean improvement, boolean percent, double limit, double confidence,
                  Severity severity) implements GateRule {

    /**
     * Checks the limit; {@code element} is the POM element that set it.
     *
     * @throws ConfigurationError when the limit is not a number >= 0
     */
    static ChangeRule of(String name, String element, String metric, boolean improvement, boolean percent, double limit,
                         double confidence, Severity severity) {
        if (!Double.isFinite(limit) || limit < 0) {
            throw new ConfigurationError(GateRule.invalid(name, element, limit) + "it must be a number >= 0 (0 = " + (improvement ? "no better" : "no worse") + " than the baseline).");
        }
        return new ChangeRule(name, metric, improvement, percent, limit, confidence, severity);
    }

    @Override
    public boolean needsBaseline() {
        return true;
    }

    @Override
    public Verdict check(SearchSummary run, Optional<Baseline> baseline) {
        Baseline b = baseline.orElseThrow();
        OptionalDouble before = b.bestScore(metric);
        String unevaluated = metric + " against the baseline";
        if (before.isEmpty()) {
            String has = b.metrics().isEmpty() ? "no candidate had a score in that run"
                    : "it has " + String.join(", ", b.metrics());
            return new Verdict(name, unevaluated, "the baseline " + b.shown() + " has no best "
                    + metric + " score (" + has + ")", Verdict.Status.ERROR);
        }
        double base = before.getAsDouble();
        if (percent && base == 0) {
            return new Verdict(name, unevaluated, "the baseline's " + metric + " is 0, so a change"
                    + " in percent is undefined; give the limit as an amount", Verdict.Status.ERROR);
        }
        boolean higherIsBetter = Scoring.fromName(metric).greaterIsBetter();
        double amount = percent ? Math.abs(base) * limit / 100 : limit;
        // The bound lies on the worse side of the baseline for a regression limit, the better side otherwise.
        boolean boundAbove = higherIsBetter == improvement;
        double bound = boundAbove ? base + amount : base - amount;
        String condition = metric + (boundAbove ? " <= " : " >= ") + Formats.format(bound) + " (baseline "
                + Formats.format(base) + (boundAbove ? " + " : " - ") + Formats.format(limit) + (percent ? "%)" : ")");
        OptionalDouble actual = run.bestScore(metric);
        if (actual.isEmpty()) {
            // No score is a failure of a regression limit; an improvement limit has nothing to flag.
            return Verdict.of(name, condition, "none (no candidate has a score)", improvement, severity);
        }
        if (confidence > 0) {
            return paired(run, b, base, higherIsBetter);
        }
        double v = actual.getAsDouble();
        double worse = higherIsBetter ? base - v : v - base;
        String change = base == 0 ? "" : String.format(Locale.ROOT, " (%.2f%% %s)", Math.abs(worse / base * 100),
                worse > 0 ? "worse" : "better");
        // The limit is decimal text and the bound binary arithmetic on it: 0.8 - 10% is 0.7199999999999999, so a
        // score at the limit as written gets a few ulps of slack.
        double slack = 1e-12 * Math.max(Math.abs(base), Math.abs(bound));
        return Verdict.of(name, condition, Formats.format(v) + change,
                boundAbove ? v <= bound + slack : v >= bound - slack, severity);
    }

    /**
     * The paired comparison: per split, how much worse this run's best candidate is than the baseline's
     * (in percent of the baseline's mean for a percentage); violated when the confidence bound of the mean
     * change nearest to no change is still beyond the limit.
     */
    private Verdict paired(SearchSummary run, Baseline b, double base, boolean higherIsBetter) {
        String unit = percent ? "%" : "";
        String condition = metric + " " + (improvement ? "better" : "worse") + " by <= " + Formats.format(limit) + unit
                + " than " + b.shown() + " (paired by split, " + Formats.percent(confidence) + ")";
        SearchSummary before = b.run();
        if (before.folds() != run.folds() || before.splits() != run.splits() || before.seed() != run.seed()) {
            return new Verdict(name, condition, "the baseline's splits are not this run's (" + splits(before) + " there, "
                    + splits(run) + " here), so the scores cannot be paired", Verdict.Status.ERROR);
        }
        Optional<double[]> then = before.bestSplitScores(metric);
        Optional<double[]> now = run.bestSplitScores(metric);
        if (then.isEmpty() || now.isEmpty() || run.splits() < 2) {
            return new Verdict(name, condition, "the " + (then.isEmpty() ? "baseline holds" : "results hold") + " no per-split "
                    + metric + " scores of the best candidate to pair", Verdict.Status.ERROR);
        }
        double[] worse = new double[run.splits()];
        for (int k = 0; k < worse.length; k++) {
            double d = higherIsBetter ? then.get()[k] - now.get()[k] : now.get()[k] - then.get()[k];
            worse[k] = percent ? d / Math.abs(base) * 100 : d;
        }
        double change = improvement ? -FoldStatistics.mean(worse) : FoldStatistics.mean(worse);
        double margin = FoldStatistics.tQuantile(confidence, worse.length - 1) * FoldStatistics.standardError(worse, run.folds());
        double surely = change - margin;
        String actual = Formats.format(change) + unit + " " + (improvement
                ? "better" : "worse") + " on average, at least " + Formats.format(surely) + unit;
        return Verdict.of(name, condition, actual, !(surely > limit), severity);
    }

    private static String splits(SearchSummary s) {
        return s.folds() + " folds x " + (s.folds() == 0 ? 0 : s.splits() / s.folds()) + ", seed " + s.seed();
    }
}
