package dev.lanes.maven;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A POM's {@code <rule>} becomes one rule per bound, each checked before any fit. */
class RuleConfigTest {

    private static final List<String> COMPUTED = List.of("rmse", "mse", "mae", "r2");

    private static RuleConfig rule(String metric) {
        RuleConfig r = new RuleConfig();
        r.metric = metric;
        return r;
    }

    @Test
    void eachBoundIsARuleWithTheSeverity() {
        RuleConfig r = rule("RMSE");
        r.max = 60000.0;
        r.maxRegressionPercent = 2.0;
        r.maxImprovementPercent = 25.0;
        r.severity = "Warn";
        List<GateRule> rules = r.toRules(1, COMPUTED, false);
        assertEquals(List.of("rmse max", "rmse maxRegressionPercent", "rmse maxImprovementPercent"),
                rules.stream().map(GateRule::name).toList());
        assertEquals(new ThresholdRule("rmse max", "rmse", true, 60000, 0, Severity.WARN), rules.get(0));
        assertEquals(new ChangeRule("rmse maxImprovementPercent", "rmse", true, true, 25, 0, Severity.WARN), rules.get(2));
    }

    @Test
    void failIsTheDefaultAndFailOnViolationFalseDowngradesIt() {
        RuleConfig r = rule("mae");
        r.min = 1.0;
        assertEquals(Severity.FAIL, ((ThresholdRule) r.toRules(1, COMPUTED, false).get(0)).severity());
        assertEquals(Severity.WARN, ((ThresholdRule) r.toRules(1, COMPUTED, true).get(0)).severity());
    }

    @Test
    void aConfidenceLevelGoesToEveryBound() {
        RuleConfig r = rule("rmse");
        r.max = 1.0;
        r.maxRegression = 2.0;
        r.confidence = 0.9;
        List<GateRule> rules = r.toRules(1, COMPUTED, false);
        assertEquals(0.9, ((ThresholdRule) rules.get(0)).confidence());
        assertEquals(0.9, ((ChangeRule) rules.get(1)).confidence());
        r.confidence = 1.0;
        assertEquals("<rules> rule 1 (rmse) has <confidence>1</confidence>: it must be a level between 0.5 and 1, such as"
                + " 0.95.", assertThrows(ConfigurationError.class, () -> r.toRules(1, COMPUTED, false)).getMessage());
    }

    @Test
    void aReferenceToBeat() {
        RuleConfig r = rule("rmse");
        r.beat = "Linear_Regression";
        r.beatByPercent = 10.0;
        assertEquals(List.of(new ReferenceRule("rmse beat linear_regression", "rmse", "linear_regression", 10, Severity.FAIL)),
                r.toRules(1, COMPUTED, false));
        r.beat = "lineal_regression";
        assertTrue(assertThrows(ConfigurationError.class, () -> r.toRules(1, COMPUTED, false)).getMessage()
                .startsWith("<rules> rule 1 <beat>: Unknown reference model 'lineal_regression'. Did you mean 'linear_regression'?"));
        RuleConfig alone = rule("rmse");
        alone.beatByPercent = 5.0;
        assertTrue(assertThrows(ConfigurationError.class, () -> alone.toRules(1, COMPUTED, false)).getMessage()
                .contains("sets <beatByPercent> without <beat>"));
    }

    @Test
    void mistakesAreNamed() {
        assertTrue(assertThrows(ConfigurationError.class, () -> rule(null).toRules(2, COMPUTED, false)).getMessage()
                .startsWith("<rules> rule 2 has no <metric>"));
        assertTrue(assertThrows(ConfigurationError.class, () -> rule("rmse").toRules(1, COMPUTED, false)).getMessage()
                .startsWith("<rules> rule 1 (rmse) sets no bound: give it one of <max>, <min>"));
        RuleConfig mape = rule("mape");
        mape.max = 0.2;
        assertEquals("<rules> rule 3 reads mape, which the search does not compute (it computes rmse, mse, mae, r2): add mape"
                + " to <metrics>.", assertThrows(ConfigurationError.class, () -> mape.toRules(3, COMPUTED, false)).getMessage());
        RuleConfig typo = rule("rmsee");
        typo.max = 1.0;
        assertTrue(assertThrows(ConfigurationError.class, () -> typo.toRules(1, COMPUTED, false)).getMessage()
                .contains("Did you mean 'rmse'?"));
        RuleConfig severity = rule("rmse");
        severity.max = 1.0;
        severity.severity = "wran";
        assertTrue(assertThrows(ConfigurationError.class, () -> severity.toRules(1, COMPUTED, false)).getMessage()
                .startsWith("Invalid <rules> rule 1 <severity>wran</severity>. Did you mean 'warn'? Valid: fail"));
    }
}
