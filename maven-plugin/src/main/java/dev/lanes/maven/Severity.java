package dev.lanes.maven;

import dev.lanes.base.Suggestions;

import java.util.List;
import java.util.Locale;

/** What a violated gate rule does: fail the build, or only warn (Evidently's {@code is_critical=False}). */
enum Severity {
    FAIL, WARN;

    /**
     * The severity a POM names, any case.
     *
     * @throws ConfigurationError for another name, with the valid ones
     */
    static Severity parse(String where, String text) {
        try {
            return Suggestions.byName("severity", text, List.of(values()), Severity::shown);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationError("Invalid " + where + " <severity>" + text + "</severity>."
                    + Suggestions.didYouMean(text.trim(), List.of(FAIL.shown(), WARN.shown())) + " Valid: fail (a"
                    + " violation fails the build) or warn (it is reported and the build goes on).");
        }
    }

    /** As written in a POM: {@code fail} or {@code warn}. */
    String shown() {
        return name().toLowerCase(Locale.ROOT);
    }
}
