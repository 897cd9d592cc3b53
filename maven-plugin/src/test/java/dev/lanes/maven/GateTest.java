package dev.lanes.maven;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GateTest {

    private static SearchSummary outcome(Map<String, Double> best) {
        return new SearchSummary("rmse", 100, 3, 3, "scalar", best.isEmpty() ? OptionalInt.empty() : OptionalInt.of(0),
                best, List.of());
    }

    @Test
    void upperBoundsPassAtAndBelowTheThreshold() {
        GateRule rule = GateRule.atMost("maxRmse", "rmse", 60000);
        assertTrue(rule.check(OptionalDouble.of(59999.9)).passed());
        assertTrue(rule.check(OptionalDouble.of(60000)).passed());
        Verdict fail = rule.check(OptionalDouble.of(60000.5));
        assertFalse(fail.passed());
        assertEquals("rmse <= 60000", fail.threshold());
        assertEquals("60000.5", fail.actual());
        assertTrue(fail.line().startsWith("maxRmse"), fail.line());
        assertTrue(fail.line().endsWith("FAIL"), fail.line());
    }

    @Test
    void minR2IsALowerBound() {
        GateRule rule = GateRule.minR2(0.8);
        assertTrue(rule.check(OptionalDouble.of(0.8)).passed());
        assertFalse(rule.check(OptionalDouble.of(0.79)).passed());
        assertTrue(GateRule.minR2(-0.5).check(OptionalDouble.of(-0.2)).passed());
    }

    @Test
    void noScoreFails() {
        Verdict v = GateRule.atMost("maxMse", "mse", 1).check(OptionalDouble.empty());
        assertFalse(v.passed());
        assertEquals("none (no candidate has a score)", v.actual());
    }

    @Test
    void invalidThresholdsAreRefused() {
        ConfigurationError negative = assertThrows(ConfigurationError.class, () -> Gate.rules(null, -1.0, null, null));
        assertTrue(negative.getMessage().startsWith("Invalid gate rule <maxRmse>-1</maxRmse>"), negative.getMessage());
        assertThrows(ConfigurationError.class, () -> Gate.rules(Double.NaN, null, null, null));
        assertThrows(ConfigurationError.class, () -> Gate.rules(null, null, Double.POSITIVE_INFINITY, null));
        ConfigurationError r2 = assertThrows(ConfigurationError.class, () -> Gate.rules(null, null, null, 1.01));
        assertTrue(r2.getMessage().contains("R² is at most 1"), r2.getMessage());
        assertEquals(1, Gate.rules(null, null, null, 1.0).size());
        assertEquals(1, Gate.rules(0.0, null, null, null).size());
    }

    @Test
    void rulesCombineAndEachGetsAVerdict() {
        Gate gate = new Gate(Gate.rules(3e9, 60000.0, 40000.0, 0.7), Optional.empty());
        for (GateRule r : Gate.rules(3e9, 60000.0, 40000.0, 0.7)) {
            assertTrue(JobFactory.METRICS.contains(r.metric()), r.metric() + " is reported by every search");
        }
        List<Verdict> verdicts = gate.evaluate(outcome(Map.of("mse", 2.9e9, "rmse", 53000.0, "mae", 41000.0, "r2", 0.78)));
        assertEquals(List.of("maxMse", "maxRmse", "maxMae", "minR2"), verdicts.stream().map(Verdict::rule).toList());
        assertEquals(List.of(true, true, false, true), verdicts.stream().map(Verdict::passed).toList());
    }

    @Test
    void anEmptyGateOnlyReports() {
        assertTrue(new Gate(Gate.rules(null, null, null, null), Optional.empty()).isEmpty());
    }

    @Test
    void theBaselineAllowsAPercentageOfRegressionForErrors() {
        BaselineRule rule = new BaselineRule("baseline.json", "rmse", 50000, 5);
        assertTrue(rule.check(OptionalDouble.of(52500)).passed());
        Verdict fail = rule.check(OptionalDouble.of(52600));
        assertFalse(fail.passed());
        assertEquals("rmse <= 52500 (baseline 50000 + 5%)", fail.threshold());
        assertEquals("52600 (5.20% worse)", fail.actual());
        assertEquals("49000 (2.00% better)", rule.check(OptionalDouble.of(49000)).actual());
    }

    @Test
    void theBaselineOfR2RegressesDownwards() {
        BaselineRule rule = new BaselineRule("baseline.json", "r2", 0.8, 10);
        assertTrue(rule.check(OptionalDouble.of(0.73)).passed());
        assertFalse(rule.check(OptionalDouble.of(0.71)).passed());
        assertTrue(rule.check(OptionalDouble.of(0.9)).passed());
    }

    @Test
    void zeroPercentMeansNoWorse() {
        BaselineRule rule = new BaselineRule("b.json", "mse", 2.0, 0);
        assertTrue(rule.check(OptionalDouble.of(2.0)).passed());
        assertFalse(rule.check(OptionalDouble.of(2.0000001)).passed());
    }

    @Test
    void theBaselineVerdictComesLast() {
        Gate gate = new Gate(Gate.rules(null, 10.0, null, null), Optional.of(new BaselineRule("b.json", "mse", 4, 0)));
        List<Verdict> verdicts = gate.evaluate(outcome(Map.of("mse", 5.0, "rmse", 2.2)));
        assertEquals(List.of("maxRmse", "maxRegressionPercent"), verdicts.stream().map(Verdict::rule).toList());
        assertEquals(List.of(true, false), verdicts.stream().map(Verdict::passed).toList());
    }
}
