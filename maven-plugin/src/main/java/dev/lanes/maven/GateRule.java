package dev.lanes.maven;

import dev.lanes.maven.job.Formats;

import java.util.Optional;

/**
 * One rule of the gate: a condition on the best candidate's cross-validated score. (Not named
 * {@code Rule}: Maven would map each {@code <rule>} of the POM to a class of that name in the mojo's
 * package before it looks at {@link RuleConfig}.)
 */
sealed interface GateRule permits ThresholdRule, ChangeRule, ReferenceRule {

    /** The name shown in the log and the reports, e.g. {@code maxRmse} or {@code rmse maxRegression}. */
    String name();

    /** The metric it reads. */
    String metric();

    /** Whether it compares with a baseline. */
    boolean needsBaseline();

    /** Its verdict on {@code run}; {@code baseline} is present when {@link #needsBaseline()}. */
    Verdict check(SearchSummary run, Optional<Baseline> baseline);

    /** The start of the message for an invalid bound: {@code Invalid gate rule <max>-1</max> (rmse max): }. */
    static String invalid(String name, String element, double value) {
        return "Invalid gate rule <" + element + ">" + Formats.format(value) + "</" + element + ">"
                + (name.equals(element) ? "" : " (" + name + ")") + ": ";
    }
}
