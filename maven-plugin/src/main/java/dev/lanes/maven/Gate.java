package dev.lanes.maven;

import dev.lanes.maven.job.Formats;
import dev.lanes.maven.job.GridSearchResults;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The model quality gate: its rules in configuration order, the baseline the change rules compare with,
 * and the checks of the data that come before them. It only compares the numbers the search wrote with
 * the configured ones.
 *
 * <p>Before the rules, two checks of the data: the target must vary (a constant target makes every
 * error about 0 and every R² 0, which would pass any threshold), and a baseline must come from the same
 * data set and target (its SHA-256 and target name), unless {@code dataChanged} says the data changed
 * on purpose. Either problem is an ERROR, which fails the build whatever the rules' severity.
 *
 * @param rules       the rules, in configuration order
 * @param baseline    the baseline, present when a rule needs one
 * @param dataChanged whether a baseline of other data is accepted (with a warning)
 */
record Gate(List<GateRule> rules, Optional<Baseline> baseline, boolean dataChanged) {

    /** Copies the rules; a change rule needs the baseline. */
    Gate {
        rules = List.copyOf(rules);
        if (baseline.isEmpty() && rules.stream().anyMatch(GateRule::needsBaseline)) {
            throw new IllegalArgumentException("a change rule without a baseline");
        }
    }

    /** Whether there is nothing to check: the run only reports. */
    boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The data checks, then one verdict per rule in configuration order. */
    List<Verdict> evaluate(SearchSummary run) {
        List<Verdict> verdicts = new ArrayList<>();
        verdicts.add(target(run));
        baseline.ifPresent(b -> verdicts.add(sameData(run, b)));
        for (GateRule r : rules) {
            verdicts.add(r.check(run, baseline));
        }
        return verdicts;
    }

    private static Verdict target(SearchSummary run) {
        GridSearchResults.TargetSummary t = run.targetStats();
        if (Double.isNaN(t.std())) {
            return new Verdict("target", run.target() + " varies", "not recorded (results of an earlier version)",
                    Verdict.Status.PASS);
        }
        String spread = "std " + Formats.format(t.std()) + ", from " + Formats.format(t.min()) + " to " + Formats.format(t.max());
        if (!t.degenerate()) {
            return new Verdict("target", run.target() + " varies", spread, Verdict.Status.PASS);
        }
        String what = t.max() == t.min() ? "constant (" + Formats.format(t.min()) + " in every row)" : "nearly constant (" + spread
                + ", mean " + Formats.format(t.mean()) + ")";
        return new Verdict("target", run.target() + " varies", what + ": every model scores an error near 0 and an R² near 0,"
                + " so no rule can judge it", Verdict.Status.ERROR);
    }

    private Verdict sameData(SearchSummary run, Baseline b) {
        String condition = "same data as " + b.shown();
        List<String> differences = new ArrayList<>();
        SearchSummary before = b.run();
        if (before.sha256().isEmpty() || before.target().isEmpty()) {
            differences.add("the baseline does not record its data set (dataset.sha256 and dataset.target)");
        } else {
            if (!before.sha256().equals(run.sha256())) {
                differences.add("the data set's SHA-256 is " + Formats.shortHash(run.sha256()) + ", the baseline's " + Formats.shortHash(before.sha256()));
            }
            if (!before.target().equals(run.target())) {
                differences.add("the target is " + run.target() + ", the baseline's " + before.target());
            }
        }
        if (differences.isEmpty()) {
            return new Verdict("baseline data", condition, "sha256 " + Formats.shortHash(run.sha256()) + ", target " + run.target(),
                    Verdict.Status.PASS);
        }
        String actual = String.join("; ", differences);
        return dataChanged
                ? new Verdict("baseline data", condition, actual + " (dataChanged is true: compared anyway)", Verdict.Status.WARN)
                : new Verdict("baseline data", condition, actual + ": a comparison would mean nothing; make a new baseline"
                + " from this run's target/nn/gridsearch.json, or set <dataChanged>true</dataChanged> if the data changed"
                + " on purpose", Verdict.Status.ERROR);
    }
}
