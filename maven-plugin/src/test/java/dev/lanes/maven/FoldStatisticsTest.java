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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Student's t, the corrected standard error, and the noise-aware rules on fold scores whose answers are worked out by hand. */
class FoldStatisticsTest {

    /** Quantiles from the tables (R's {@code qt}), to 6 significant digits. */
    @ParameterizedTest(name = "t({0}, {1}) = {2}")
    @CsvSource({
        "0.95, 1, 6.313752", "0.975, 1, 12.706205", "0.95, 2, 2.919986", "0.975, 2, 4.302653",
        "0.95, 4, 2.131847", "0.975, 9, 2.262157", "0.99, 14, 2.624494", "0.9, 29, 1.311434",
        "0.95, 1000, 1.646379", "0.5, 3, 0"})
    void studentTQuantiles(double p, int df, double expected) {
        assertEquals(expected, FoldStatistics.tQuantile(p, df), 1e-6 * Math.max(1, expected));
    }

    @Test
    void theStandardErrorIsNadeauAndBengiosCorrectedOne() {
        // Scores 1, 2, 3: sample variance 1; 3 splits of 3-fold: (1/3 + 1/2) * 1.
        assertEquals(Math.sqrt(1.0 / 3 + 1.0 / 2), FoldStatistics.standardError(new double[] {1, 2, 3}, 3), 1e-15);
        // 2 repeats of 5-fold, scores alternating 0 and 2: variance 10/9; (1/10 + 1/4) * 10/9.
        double[] ten = {0, 2, 0, 2, 0, 2, 0, 2, 0, 2};
        assertEquals(Math.sqrt((0.1 + 0.25) * 10 / 9), FoldStatistics.standardError(ten, 5), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> FoldStatistics.standardError(new double[] {1}, 3));
    }

    private static SearchSummary run(double[] rmseSplits, int folds, long seed) {
        double mean = FoldStatistics.mean(rmseSplits);
        return new SearchSummary("rmse", "sha", "y", new GridSearchResults.TargetSummary(5, 2, 0, 9), 90, 2, folds,
                rmseSplits.length, seed, "scalar", OptionalInt.of(0), Map.of("rmse", mean), Map.of("rmse", rmseSplits),
                Map.of(), List.of());
    }

    @Test
    void aBoundOnTheUpperConfidenceBoundOfTheMean() {
        // Mean 2, corrected se sqrt(5/6) = 0.912871, t(0.95, 2) = 2.919986: upper bound 4.665571.
        SearchSummary run = run(new double[] {1, 2, 3}, 3, 42);
        ThresholdRule below = ThresholdRule.of("rmse max", "max", "rmse", true, 4.7, 0.95, Severity.FAIL);
        Verdict pass = below.check(run, Optional.empty());
        assertEquals(PASS, pass.status());
        assertEquals("rmse <= 4.7 (upper 95% bound)", pass.condition());
        assertEquals("4.66557 (mean 2 + 2.66557)", pass.actual());
        assertEquals(FAIL, ThresholdRule.of("rmse max", "max", "rmse", true, 4.6, 0.95, Severity.FAIL)
                .check(run, Optional.empty()).status());
        // On the mean alone, 2 <= 4.6 passes.
        assertEquals(PASS, ThresholdRule.of("maxRmse", "maxRmse", "rmse", true, 4.6, 0, Severity.FAIL)
                .check(run, Optional.empty()).status());
        // A lower bound on an error reads the lower end: 2 - 2.66557 < 0.
        assertEquals(FAIL, ThresholdRule.of("rmse min", "min", "rmse", false, 0, 0.95, Severity.FAIL)
                .check(run, Optional.empty()).status());
    }

    @Test
    void aPairedRegressionFailsOnlyWhenTheSplitsSpreadDoesNotExplainIt() {
        Baseline before = new Baseline("b.json", run(new double[] {10, 12, 14}, 3, 42));
        ChangeRule noWorse = ChangeRule.of("rmse maxRegression", "maxRegression", "rmse", false, false, 0, 0.95, Severity.FAIL);
        // Worse by 1, 1.5, 2 per split: mean 1.5, sample variance 0.25, se sqrt((1/3 + 1/2) * 0.25) = 0.456435;
        // the lower 95% bound 1.5 - 2.919986 * 0.456435 = 0.167215 > 0: a real regression.
        Verdict worse = noWorse.check(run(new double[] {11, 13.5, 16}, 3, 42), Optional.of(before));
        assertEquals(FAIL, worse.status());
        assertEquals("rmse worse by <= 0 than b.json (paired by split, 95%)", worse.condition());
        assertEquals("1.5 worse on average, at least 0.167215", worse.actual());
        // Worse by 3, -1, 2.5: mean 1.5 again, but spread enough to be noise (the unpaired rule would fail).
        SearchSummary noisy = run(new double[] {13, 11, 16.5}, 3, 42);
        assertEquals(PASS, noWorse.check(noisy, Optional.of(before)).status());
        assertEquals(FAIL, ChangeRule.of("r", "r", "rmse", false, false, 0, 0, Severity.FAIL).check(noisy, Optional.of(before)).status());
        // In percent of the baseline's mean 12: changes 12.5 %, -8.33 %, 20.8 %.
        ChangeRule percent = ChangeRule.of("p", "p", "rmse", false, true, 1, 0.95, Severity.FAIL);
        assertEquals(PASS, percent.check(noisy, Optional.of(before)).status());
        assertTrue(percent.check(noisy, Optional.of(before)).actual().startsWith("12.5% worse on average, at least -"));
    }

    @Test
    void aPairedImprovementFlagsOnlyASureOne() {
        Baseline before = new Baseline("b.json", run(new double[] {10, 12, 14}, 3, 42));
        ChangeRule suspicious = ChangeRule.of("i", "i", "rmse", true, false, 1, 0.95, Severity.WARN);
        // Better by 5, 5.5, 6: mean 5.5, lower bound 5.5 - 1.33 > 1.
        assertEquals(Verdict.Status.WARN, suspicious.check(run(new double[] {5, 6.5, 8}, 3, 42), Optional.of(before)).status());
        assertEquals(PASS, suspicious.check(run(new double[] {9, 12, 13}, 3, 42), Optional.of(before)).status());
    }

    @Test
    void splitsThatDoNotPairAreAnError() {
        Baseline before = new Baseline("b.json", run(new double[] {10, 12, 14}, 3, 42));
        ChangeRule rule = ChangeRule.of("r", "r", "rmse", false, false, 0, 0.95, Severity.FAIL);
        Verdict seed = rule.check(run(new double[] {10, 12, 14}, 3, 7), Optional.of(before));
        assertEquals(ERROR, seed.status());
        assertEquals("the baseline's splits are not this run's (3 folds x 1, seed 42 there, 3 folds x 1, seed 7 here), so the"
                + " scores cannot be paired", seed.actual());
        assertEquals(ERROR, rule.check(run(new double[] {10, 12, 14, 11}, 4, 42), Optional.of(before)).status());
        Baseline flat = new Baseline("b.json", new SearchSummary("rmse", "sha", "y", new GridSearchResults.TargetSummary(5, 2, 0, 9),
                90, 2, 3, 3, 42, "scalar", OptionalInt.of(0), Map.of("rmse", 12.0), Map.of(), Map.of(), List.of()));
        assertTrue(rule.check(run(new double[] {10, 12, 14}, 3, 42), Optional.of(flat)).actual()
                .startsWith("the baseline holds no per-split rmse scores"));
    }
}
