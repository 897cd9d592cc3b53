package dev.lanes.maven;

import dev.lanes.maven.job.GridSearchResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static dev.lanes.maven.Verdict.Status.ERROR;
import static dev.lanes.maven.Verdict.Status.FAIL;
import static dev.lanes.maven.Verdict.Status.PASS;
import static dev.lanes.maven.Verdict.Status.WARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule type, severity and data check of the gate, on constructed runs whose answers are known. */
class GateTest {

    private static final GridSearchResults.TargetSummary VARIED = new GridSearchResults.TargetSummary(200_000, 115_000, 15_000, 500_000);

    private static SearchSummary run(Map<String, Double> best) {
        return run(best, VARIED, "sha-now", "y");
    }

    private static SearchSummary run(Map<String, Double> best, GridSearchResults.TargetSummary target, String sha, String name) {
        return new SearchSummary("rmse", sha, name, target, 100, 3, 3, 3, 42, "scalar",
                best.isEmpty() ? OptionalInt.empty() : OptionalInt.of(0), best, Map.of(), Map.of(), List.of());
    }

    private static Baseline baseline(Map<String, Double> best) {
        return new Baseline("b.json", run(best));
    }

    private static Verdict only(GateRule rule, SearchSummary run, Optional<Baseline> b) {
        return rule.check(run, b);
    }

    @Test
    void upperBoundsPassAtAndBelowTheThreshold() {
        ThresholdRule rule = ThresholdRule.of("maxRmse", "maxRmse", "rmse", true, 60000, 0, Severity.FAIL);
        assertEquals(PASS, only(rule, run(Map.of("rmse", 59999.9)), Optional.empty()).status());
        assertEquals(PASS, only(rule, run(Map.of("rmse", 60000.0)), Optional.empty()).status());
        Verdict fail = only(rule, run(Map.of("rmse", 60000.5)), Optional.empty());
        assertEquals(FAIL, fail.status());
        assertEquals("rmse <= 60000", fail.condition());
        assertEquals("60000.5", fail.actual());
        assertTrue(fail.line().startsWith("maxRmse") && fail.line().endsWith("FAIL"), fail.line());
    }

    @Test
    void lowerBoundsAndWarnings() {
        ThresholdRule r2 = ThresholdRule.of("minR2", "minR2", "r2", false, 0.8, 0, Severity.FAIL);
        assertEquals(PASS, only(r2, run(Map.of("r2", 0.8)), Optional.empty()).status());
        assertEquals(FAIL, only(r2, run(Map.of("r2", 0.79)), Optional.empty()).status());
        // A lower bound on an error with severity warn: a result too good to be true.
        ThresholdRule tooGood = ThresholdRule.of("rmse min", "min", "rmse", false, 1000, 0, Severity.WARN);
        assertEquals(WARN, only(tooGood, run(Map.of("rmse", 12.0)), Optional.empty()).status());
        assertEquals(PASS, only(tooGood, run(Map.of("rmse", 52000.0)), Optional.empty()).status());
    }

    @Test
    void noScoreFailsABoundButNotAnImprovementLimit() {
        Verdict v = only(ThresholdRule.of("maxMse", "maxMse", "mse", true, 1, 0, Severity.FAIL), run(Map.of()), Optional.empty());
        assertEquals(FAIL, v.status());
        assertEquals("none (no candidate has a score)", v.actual());
        Optional<Baseline> b = Optional.of(baseline(Map.of("rmse", 5.0)));
        assertEquals(FAIL, only(ChangeRule.of("r", "r", "rmse", false, true, 5, 0, Severity.FAIL), run(Map.of()), b).status());
        assertEquals(PASS, only(ChangeRule.of("i", "i", "rmse", true, true, 5, 0, Severity.FAIL), run(Map.of()), b).status());
    }

    @Test
    void invalidThresholdsAreRefused() {
        ConfigurationError negative = assertThrows(ConfigurationError.class,
                () -> ThresholdRule.of("maxRmse", "maxRmse", "rmse", true, -1, 0, Severity.FAIL));
        assertTrue(negative.getMessage().startsWith("Invalid gate rule <maxRmse>-1</maxRmse>: the threshold must be a number"
                + " >= 0, since rmse is never negative."), negative.getMessage());
        assertThrows(ConfigurationError.class, () -> ThresholdRule.of("m", "max", "mse", true, Double.NaN, 0, Severity.FAIL));
        ConfigurationError r2 = assertThrows(ConfigurationError.class,
                () -> ThresholdRule.of("r2 min", "min", "r2", false, 1.01, 0, Severity.FAIL));
        assertTrue(r2.getMessage().startsWith("Invalid gate rule <min>1.01</min> (r2 min): ")
                && r2.getMessage().contains("R² is at most 1"), r2.getMessage());
        ConfigurationError change = assertThrows(ConfigurationError.class,
                () -> ChangeRule.of("rmse maxImprovement", "maxImprovement", "rmse", true, false, -2, 0, Severity.WARN));
        assertTrue(change.getMessage().startsWith("Invalid gate rule <maxImprovement>-2</maxImprovement> (rmse maxImprovement):"
                + " it must be a number >= 0 (0 = no better than the baseline)."), change.getMessage());
    }

    /** Baseline 50000 rmse (lower is better) and 0.8 r2 (higher is better); each limit at its edge and past it. */
    @ParameterizedTest(name = "{0} {1} {2}% of {3} -> {4}: {5}")
    @CsvSource({
        // metric, improvement, percent, limit, actual, status, condition
        "rmse, false, true, 5, 52500, PASS, rmse <= 52500 (baseline 50000 + 5%)",
        "rmse, false, true, 5, 52600, FAIL, rmse <= 52500 (baseline 50000 + 5%)",
        "rmse, false, false, 500, 50500, PASS, rmse <= 50500 (baseline 50000 + 500)",
        "rmse, false, false, 500, 50501, FAIL, rmse <= 50500 (baseline 50000 + 500)",
        "rmse, false, false, 500, 10000, PASS, rmse <= 50500 (baseline 50000 + 500)",
        "rmse, true, true, 20, 40000, PASS, rmse >= 40000 (baseline 50000 - 20%)",
        "rmse, true, true, 20, 39999, FAIL, rmse >= 40000 (baseline 50000 - 20%)",
        "rmse, true, false, 1000, 48999, FAIL, rmse >= 49000 (baseline 50000 - 1000)",
        "r2, false, true, 10, 0.72, PASS, r2 >= 0.72 (baseline 0.8 - 10%)",
        "r2, false, true, 10, 0.71, FAIL, r2 >= 0.72 (baseline 0.8 - 10%)",
        "r2, false, false, 0.05, 0.9, PASS, r2 >= 0.75 (baseline 0.8 - 0.05)",
        "r2, true, false, 0.1, 0.9, PASS, r2 <= 0.9 (baseline 0.8 + 0.1)",
        "r2, true, false, 0.1, 0.95, FAIL, r2 <= 0.9 (baseline 0.8 + 0.1)",
    })
    void changeLimitsInBothDirections(String metric, boolean improvement, boolean percent, double limit, double actual,
                                      Verdict.Status status, String condition) {
        Optional<Baseline> b = Optional.of(baseline(Map.of("rmse", 50000.0, "r2", 0.8)));
        Verdict v = only(ChangeRule.of("rule", "rule", metric, improvement, percent, limit, 0, Severity.FAIL),
                run(Map.of(metric, actual)), b);
        assertEquals(status, v.status(), v.line());
        assertEquals(condition, v.condition());
    }

    @Test
    void theActualValueSaysHowMuchWorseOrBetter() {
        Optional<Baseline> b = Optional.of(baseline(Map.of("rmse", 50000.0)));
        ChangeRule rule = ChangeRule.of("maxRegressionPercent", "maxRegressionPercent", "rmse", false, true, 5, 0, Severity.FAIL);
        assertEquals("52600 (5.20% worse)", only(rule, run(Map.of("rmse", 52600.0)), b).actual());
        assertEquals("49000 (2.00% better)", only(rule, run(Map.of("rmse", 49000.0)), b).actual());
    }

    @Test
    void aBaselineWithoutTheMetricOrWithZeroIsAnError() {
        ChangeRule percent = ChangeRule.of("p", "p", "mae", false, true, 5, 0, Severity.WARN);
        Verdict missing = only(percent, run(Map.of("mae", 3.0)), Optional.of(baseline(Map.of("rmse", 5.0))));
        assertEquals(ERROR, missing.status());
        assertEquals("the baseline b.json has no best mae score (it has rmse)", missing.actual());
        Verdict empty = only(percent, run(Map.of("mae", 3.0)), Optional.of(baseline(Map.of())));
        assertTrue(empty.actual().contains("no candidate had a score in that run"), empty.actual());
        Verdict zero = only(percent, run(Map.of("mae", 3.0)), Optional.of(baseline(Map.of("mae", 0.0))));
        assertEquals(ERROR, zero.status());
        assertTrue(zero.actual().contains("a change in percent is undefined"), zero.actual());
        ChangeRule amount = ChangeRule.of("a", "a", "mae", false, false, 0, 0, Severity.FAIL);
        assertEquals(PASS, only(amount, run(Map.of("mae", 0.0)), Optional.of(baseline(Map.of("mae", 0.0)))).status());
    }

    @Test
    void theTargetCheckComesFirstAndAConstantTargetIsAnError() {
        Gate gate = new Gate(List.of(ThresholdRule.of("maxRmse", "maxRmse", "rmse", true, 10, 0, Severity.WARN)), Optional.empty(), false);
        List<Verdict> fine = gate.evaluate(run(Map.of("rmse", 5.0)));
        assertEquals(List.of("target", "maxRmse"), fine.stream().map(Verdict::rule).toList());
        assertEquals(List.of(PASS, PASS), fine.stream().map(Verdict::status).toList());

        Verdict constant = gate.evaluate(run(Map.of("rmse", 0.0), new GridSearchResults.TargetSummary(5, 0, 5, 5), "s", "y")).get(0);
        assertEquals(ERROR, constant.status());
        assertTrue(constant.actual().startsWith("constant (5 in every row): every model scores an error near 0"), constant.actual());
        Verdict nearly = gate.evaluate(run(Map.of("rmse", 0.0),
                new GridSearchResults.TargetSummary(1e6, 0.01, 1e6 - 0.02, 1e6 + 0.02), "s", "y")).get(0);
        assertEquals(ERROR, nearly.status());
        assertTrue(nearly.actual().startsWith("nearly constant (std 0.01"), nearly.actual());
        // Results of an earlier version have no statistics: nothing to judge, not an error.
        Verdict unknown = gate.evaluate(run(Map.of("rmse", 0.0),
                new GridSearchResults.TargetSummary(Double.NaN, Double.NaN, Double.NaN, Double.NaN), "s", "y")).get(0);
        assertEquals(PASS, unknown.status());
    }

    @Test
    void aBaselineOfOtherDataIsAnErrorUnlessTheChangeIsDeclared() {
        List<GateRule> rules = List.of(ChangeRule.of("maxRegressionPercent", "maxRegressionPercent", "rmse", false, true, 0, 0, Severity.FAIL));
        Baseline other = new Baseline("b.json", run(Map.of("rmse", 5.0), VARIED, "sha-before-the-edit", "price"));
        Verdict error = new Gate(rules, Optional.of(other), false).evaluate(run(Map.of("rmse", 4.0))).get(1);
        assertEquals("baseline data", error.rule());
        assertEquals(ERROR, error.status());
        assertTrue(error.actual().startsWith("the data set's SHA-256 is sha-now, the baseline's sha-before-t; the target"
                + " is y, the baseline's price: a comparison would mean nothing"), error.actual());
        Verdict declared = new Gate(rules, Optional.of(other), true).evaluate(run(Map.of("rmse", 4.0))).get(1);
        assertEquals(WARN, declared.status());
        assertTrue(declared.actual().endsWith("(dataChanged is true: compared anyway)"), declared.actual());

        Baseline unrecorded = new Baseline("b.json", run(Map.of("rmse", 5.0), VARIED, "", ""));
        Verdict unknown = new Gate(rules, Optional.of(unrecorded), false).evaluate(run(Map.of("rmse", 4.0))).get(1);
        assertEquals(ERROR, unknown.status());
        assertTrue(unknown.actual().startsWith("the baseline does not record its data set"), unknown.actual());

        List<Verdict> same = new Gate(rules, Optional.of(baseline(Map.of("rmse", 5.0))), false).evaluate(run(Map.of("rmse", 4.0)));
        assertEquals(List.of("target", "baseline data", "maxRegressionPercent"), same.stream().map(Verdict::rule).toList());
        assertEquals(List.of(PASS, PASS, PASS), same.stream().map(Verdict::status).toList());
    }

    @Test
    void theBestMustBeatAReferenceModel() {
        Map<String, Map<String, Double>> refs = Map.of("linear_regression", Map.of("rmse", 70000.0, "r2", 0.6),
                "mean", Map.of("rmse", 115000.0, "r2", -0.01));
        SearchSummary run = new SearchSummary("rmse", "s", "y", VARIED, 100, 3, 3, 3, 42, "scalar", OptionalInt.of(0),
                Map.of("rmse", 60000.0, "r2", 0.7), Map.of(), refs, List.of());
        Verdict tenPercent = ReferenceRule.of("rmse beat linear_regression", "rmse", "linear_regression", 10, Severity.FAIL)
                .check(run, Optional.empty());
        assertEquals(PASS, tenPercent.status());
        assertEquals("rmse <= 63000 (linear_regression 70000 - 10%)", tenPercent.condition());
        assertEquals("60000 (14.29% better)", tenPercent.actual());
        assertEquals(FAIL, ReferenceRule.of("r", "rmse", "linear_regression", 20, Severity.FAIL).check(run, Optional.empty()).status());
        // R²: at least the reference's plus a share of its magnitude; 0.7 >= 0.6 + 0.06.
        assertEquals(PASS, ReferenceRule.of("r", "r2", "linear_regression", 10, Severity.FAIL).check(run, Optional.empty()).status());
        assertEquals(PASS, ReferenceRule.of("r", "r2", "mean", 0, Severity.FAIL).check(run, Optional.empty()).status());
        // A tie does not beat it.
        SearchSummary tie = new SearchSummary("rmse", "s", "y", VARIED, 100, 3, 3, 3, 42, "scalar", OptionalInt.of(0),
                Map.of("rmse", 70000.0), Map.of(), refs, List.of());
        assertEquals(FAIL, ReferenceRule.of("r", "rmse", "linear_regression", 0, Severity.FAIL).check(tie, Optional.empty()).status());
        Verdict missing = ReferenceRule.of("r", "mae", "linear_regression", 0, Severity.FAIL).check(run, Optional.empty());
        assertEquals(ERROR, missing.status());
        assertTrue(missing.actual().startsWith("the results hold no mae score of linear_regression"), missing.actual());
        assertThrows(ConfigurationError.class, () -> ReferenceRule.of("r", "rmse", "mean", 101, Severity.FAIL));
    }

    @Test
    void aChangeRuleNeedsABaseline() {
        List<GateRule> rules = List.of(ChangeRule.of("r", "r", "rmse", false, true, 0, 0, Severity.FAIL));
        assertThrows(IllegalArgumentException.class, () -> new Gate(rules, Optional.empty(), false));
        assertTrue(new Gate(List.of(), Optional.empty(), false).isEmpty());
    }
}
