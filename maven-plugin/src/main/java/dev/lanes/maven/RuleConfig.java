package dev.lanes.maven;

import dev.lanes.maven.job.Formats;
import dev.lanes.tune.ReferenceModel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One {@code <rule>} of the gate's {@code <rules>}: bounds on one metric of the best candidate, each
 * with the rule's severity. Maven fills the fields by name; {@link #toRules} checks them.
 *
 * <pre>{@code
 * <rule>
 *   <metric>rmse</metric>
 *   <max>60000</max>                        <!-- the mean over the folds must not be above -->
 *   <maxRegressionPercent>2</maxRegressionPercent>  <!-- no more than 2 % worse than the baseline -->
 *   <severity>warn</severity>               <!-- fail (default) or warn -->
 * </rule>
 * }</pre>
 */
public class RuleConfig {

    /** The metric the bounds read: the scoring or one of the metrics the search computes. Required. */
    String metric;

    /** Upper bound on the mean score. */
    Double max;

    /** Lower bound on the mean score. */
    Double min;

    /** How much worse than the baseline's best score, as an amount, still passes. */
    Double maxRegression;

    /** How much worse than the baseline's best score, in percent of it, still passes. */
    Double maxRegressionPercent;

    /** How much better than the baseline's best score, as an amount, is still plausible. */
    Double maxImprovement;

    /** How much better than the baseline's best score, in percent of it, is still plausible. */
    Double maxImprovementPercent;

    /**
     * A reference model the best candidate must beat in this metric, scored on the same splits:
     * {@code mean} (the training mean) or {@code linear_regression} (least squares).
     */
    String beat;

    /** By how much it must beat {@link #beat}, in percent of the reference's score (default 0: strictly better). */
    Double beatByPercent;

    /**
     * With a level such as {@code 0.95}: {@code max} and {@code min} bound the one-sided confidence bound
     * of the mean over the splits instead of the mean, and the change limits compare with the baseline
     * split by split, violated only when the splits' spread does not explain the change.
     */
    Double confidence;

    /** {@code fail} (default) or {@code warn}. */
    String severity;

    /**
     * The rules this element sets, one per bound, in the order above.
     *
     * @param position  the element's 1-based position in {@code <rules>}, for messages
     * @param computed  the metrics the search computes
     * @param downgrade whether every violation only warns ({@code failOnViolation} false)
     * @throws ConfigurationError for a missing or unknown metric, one the search does not compute, no
     *                            bound, an invalid bound or severity
     */
    List<GateRule> toRules(int position, Collection<String> computed, boolean downgrade) {
        String where = "<rules> rule " + position;
        if (metric == null || metric.isBlank()) {
            throw new ConfigurationError(where + " has no <metric>: name the score its bounds read, e.g. <metric>rmse</metric>.");
        }
        String m = JobFactory.scoring(where + " <metric>", metric);
        if (!computed.contains(m)) {
            throw new ConfigurationError(where + " reads " + m + ", which the search does not compute (it computes "
                    + String.join(", ", computed) + "): add " + m + " to <metrics>.");
        }
        Severity s = severity == null ? Severity.FAIL : Severity.parse(where, severity);
        Severity effective = downgrade ? Severity.WARN : s;
        double level = confidence == null ? 0 : confidence;
        if (confidence != null && !(level > 0.5 && level < 1)) {
            throw new ConfigurationError(where + " (" + m + ") has <confidence>" + Formats.format(level) + "</confidence>:"
                    + " it must be a level between 0.5 and 1, such as 0.95.");
        }
        List<GateRule> rules = new ArrayList<>();
        if (max != null) {
            rules.add(ThresholdRule.of(m + " max", "max", m, true, max, level, effective));
        }
        if (min != null) {
            rules.add(ThresholdRule.of(m + " min", "min", m, false, min, level, effective));
        }
        if (maxRegression != null) {
            rules.add(ChangeRule.of(m + " maxRegression", "maxRegression", m, false, false, maxRegression, level, effective));
        }
        if (maxRegressionPercent != null) {
            rules.add(ChangeRule.of(m + " maxRegressionPercent", "maxRegressionPercent", m, false, true, maxRegressionPercent, level, effective));
        }
        if (maxImprovement != null) {
            rules.add(ChangeRule.of(m + " maxImprovement", "maxImprovement", m, true, false, maxImprovement, level, effective));
        }
        if (maxImprovementPercent != null) {
            rules.add(ChangeRule.of(m + " maxImprovementPercent", "maxImprovementPercent", m, true, true, maxImprovementPercent, level, effective));
        }
        if (beat != null) {
            String model;
            try {
                model = ReferenceModel.fromName(beat).shortName();
            } catch (IllegalArgumentException e) {
                throw new ConfigurationError(where + " <beat>: " + e.getMessage());
            }
            rules.add(ReferenceRule.of(m + " beat " + model, m, model, beatByPercent == null ? 0 : beatByPercent, effective));
        } else if (beatByPercent != null) {
            throw new ConfigurationError(where + " (" + m + ") sets <beatByPercent> without <beat>: name the reference model"
                    + " to beat (mean or linear_regression).");
        }
        if (rules.isEmpty()) {
            throw new ConfigurationError(where + " (" + m + ") sets no bound: give it one of <max>, <min>, <maxRegression>,"
                    + " <maxRegressionPercent>, <maxImprovement>, <maxImprovementPercent>, <beat>.");
        }
        return rules;
    }
}
