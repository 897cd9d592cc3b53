package dev.lanes.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The model quality gate: the threshold rules ({@code maxMse}, {@code maxRmse}, {@code maxMae},
 * {@code minR2}, any combination) and the optional budget against a baseline. It only compares the
 * numbers the search wrote with the configured ones.
 */
final class Gate {

    private final List<GateRule> rules;
    private final Optional<BaselineRule> baseline;

    Gate(List<GateRule> rules, Optional<BaselineRule> baseline) {
        this.rules = List.copyOf(rules);
        this.baseline = baseline;
    }

    /**
     * The threshold rules that are set (null = not set), in a fixed order.
     *
     * @throws ConfigurationError for an invalid threshold
     */
    static List<GateRule> rules(Double maxMse, Double maxRmse, Double maxMae, Double minR2) {
        List<GateRule> rules = new ArrayList<>();
        if (maxMse != null) {
            rules.add(GateRule.atMost("maxMse", "mse", maxMse));
        }
        if (maxRmse != null) {
            rules.add(GateRule.atMost("maxRmse", "rmse", maxRmse));
        }
        if (maxMae != null) {
            rules.add(GateRule.atMost("maxMae", "mae", maxMae));
        }
        if (minR2 != null) {
            rules.add(GateRule.minR2(minR2));
        }
        return rules;
    }

    /** Whether there is nothing to check: the run only reports. */
    boolean isEmpty() {
        return rules.isEmpty() && baseline.isEmpty();
    }

    /** One verdict per rule, in configuration order, the baseline's last. */
    List<Verdict> evaluate(SearchSummary outcome) {
        List<Verdict> verdicts = new ArrayList<>();
        for (GateRule r : rules) {
            verdicts.add(r.check(outcome.bestScore(r.metric())));
        }
        baseline.ifPresent(b -> verdicts.add(b.check(outcome.bestScore(b.metric()))));
        return verdicts;
    }
}
