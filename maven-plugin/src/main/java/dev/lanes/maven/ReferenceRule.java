package dev.lanes.maven;

import dev.lanes.maven.job.Formats;
import dev.lanes.tune.Scoring;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The best candidate must beat a reference model scored on the same splits with the same scaling
 * ({@code mean}, {@code linear_regression}; see {@code ReferenceModel}) by at least {@code percent}
 * percent of the reference's score: for an error, at most {@code (1 - percent/100) x} the reference's;
 * for R², at least the reference's plus {@code percent/100 x |reference|}.
 *
 * @param name      as shown, e.g. {@code rmse beat}
 * @param metric    the metric both are compared in
 * @param reference the reference model's name
 * @param percent   the margin, in percent of the reference's score
 * @param severity  what a violation does
 */
record ReferenceRule(String name, String metric, String reference, double percent, Severity severity) implements GateRule {

    /**
     * Checks the margin.
     *
     * @throws ConfigurationError when it is not a number from 0 to 100
     */
    static ReferenceRule of(String name, String metric, String reference, double percent, Severity severity) {
        if (!Double.isFinite(percent) || percent < 0 || percent > 100) {
            throw new ConfigurationError(GateRule.invalid(name, "beatByPercent", percent) + "it must be a percentage from 0"
                    + " to 100 of the reference's score.");
        }
        return new ReferenceRule(name, metric, reference, percent, severity);
    }

    @Override
    public boolean needsBaseline() {
        return false;
    }

    @Override
    public Verdict check(SearchSummary run, Optional<Baseline> baseline) {
        OptionalDouble ref = run.referenceScore(reference, metric);
        String against = metric + " better than " + reference + (percent == 0 ? "" : " by " + Formats.format(percent) + "%");
        if (ref.isEmpty()) {
            return new Verdict(name, against, "the results hold no " + metric + " score of " + reference
                    + " (the linear model is not fitted on more than 2048 features)", Verdict.Status.ERROR);
        }
        double r = ref.getAsDouble();
        boolean higherIsBetter = Scoring.fromName(metric).greaterIsBetter();
        double bound = higherIsBetter ? r + Math.abs(r) * percent / 100 : r * (1 - percent / 100);
        String condition = metric + (higherIsBetter ? " >= " : " <= ") + Formats.format(bound) + " (" + reference + " "
                + Formats.format(r) + (percent == 0 ? "" : (higherIsBetter ? " + " : " - ") + Formats.format(percent) + "%") + ")";
        OptionalDouble actual = run.bestScore(metric);
        if (actual.isEmpty()) {
            return Verdict.of(name, condition, "none (no candidate has a score)", false, severity);
        }
        double v = actual.getAsDouble();
        // Strictly better at a margin of 0: a network that only ties the reference has not beaten it.
        boolean met = percent == 0 ? (higherIsBetter ? v > bound : v < bound) : (higherIsBetter ? v >= bound : v <= bound);
        String by = r == 0 ? "" : String.format(Locale.ROOT, " (%.2f%% %s)",
                Math.abs((higherIsBetter ? v - r : r - v) / r * 100), (higherIsBetter ? v >= r : v <= r) ? "better" : "worse");
        return Verdict.of(name, condition, Formats.format(v) + by, met, severity);
    }
}
