package dev.lanes.maven;

import java.util.Locale;

/**
 * What one gate rule said about the search: the rule, its threshold, the actual value and whether it
 * passed. Printed as one line of the build log.
 *
 * @param rule      the rule's name as configured, e.g. {@code maxRmse}
 * @param threshold what the rule allows, e.g. {@code rmse <= 60000}
 * @param actual    what the search measured, e.g. {@code 55123.5}
 * @param passed    whether the actual value is within the threshold
 */
record Verdict(String rule, String threshold, String actual, boolean passed) {

    /** {@code maxRmse              threshold rmse <= 60000    actual 55123.5      PASS}. */
    String line() {
        return String.format(Locale.ROOT, "%-21s threshold %-28s actual %-24s %s", rule, threshold, actual,
                passed ? "PASS" : "FAIL");
    }

    /** The part of the build failure message for this rule: {@code maxRmse: actual 61234.5, threshold rmse <= 60000}. */
    String failure() {
        return rule + ": actual " + actual + ", threshold " + threshold;
    }
}
