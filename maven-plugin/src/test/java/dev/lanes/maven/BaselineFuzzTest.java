package dev.lanes.maven;

import dev.lanes.maven.job.GridSearchResults;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Any bytes as a committed baseline file give a baseline or a {@link ConfigurationError} with a
 * message, never another exception, and a baseline that is read gives every change rule a verdict. The
 * stored inputs (a real gridsearch.json and every input that ever failed) run in every build;
 * {@code JAZZER_FUZZ=1} fuzzes (see docs/robustness.md).
 */
class BaselineFuzzTest {

    private static final SearchSummary RUN = new SearchSummary("rmse", "abc", "y",
            new GridSearchResults.TargetSummary(1, 1, 0, 2), 10, 1, 3, 3, 42, "scalar", OptionalInt.of(0),
            Map.of("rmse", 1.0, "r2", 0.5), Map.of("rmse", new double[] {0.9, 1.0, 1.1}, "r2", new double[] {0.4, 0.5, 0.6}),
            Map.of(), List.of());

    @FuzzTest(maxDuration = "5m")
    void anyBaselineIsReadOrRefusedWithAMessage(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("lanes-fuzz", ".json");
        try {
            Files.write(file, bytes);
            try {
                Baseline b = Baseline.read(file, "baseline.json");
                for (String metric : new String[] {"rmse", "r2"}) {
                    for (boolean percent : new boolean[] {false, true}) {
                        for (double confidence : new double[] {0, 0.95}) {
                            GateRule rule = ChangeRule.of("r", "r", metric, percent, percent, 5, confidence, Severity.FAIL);
                            new Gate(List.of(rule), Optional.of(b), false).evaluate(RUN);
                        }
                    }
                }
            } catch (ConfigurationError e) {
                assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a ConfigurationError without a message");
            }
        } finally {
            Files.delete(file);
        }
    }
}
