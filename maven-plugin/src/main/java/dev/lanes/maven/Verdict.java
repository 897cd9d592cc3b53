package dev.lanes.maven;

import java.util.Locale;

/**
 * What one gate check said about the search: the rule, its condition, the actual value and the status.
 * Printed as one line of the build log, and one test case of the JUnit report.
 *
 * @param rule      the rule's name as configured, e.g. {@code maxRmse}
 * @param condition what the rule allows, e.g. {@code rmse <= 60000}
 * @param actual    what the search measured, e.g. {@code 55123.5}, or why nothing could be measured
 * @param status    the outcome
 */
record Verdict(String rule, String condition, String actual, Status status) {

    /**
     * A check's outcome, as Evidently names them: PASS; WARN (a rule of severity warn was violated); FAIL
     * (a rule of severity fail was violated); ERROR (the rule could not be evaluated: a broken
     * configuration, a baseline of other data, a degenerate data set; the build fails whatever the
     * severity).
     */
    enum Status {
        PASS, WARN, FAIL, ERROR
    }

    /** PASS when the condition is {@code met}, otherwise the severity's status. */
    static Verdict of(String rule, String condition, String actual, boolean met, Severity severity) {
        return new Verdict(rule, condition, actual, met ? Status.PASS : severity == Severity.WARN ? Status.WARN : Status.FAIL);
    }

    /** {@code maxRmse              threshold rmse <= 60000    actual 55123.5      PASS}. */
    String line() {
        return String.format(Locale.ROOT, "%-21s threshold %-28s actual %-24s %s", rule, condition, actual, status);
    }

    /** The part of the build failure message for this check: {@code maxRmse: actual 61234.5, threshold rmse <= 60000}. */
    String failure() {
        return rule + ": actual " + actual + ", threshold " + condition;
    }
}
