package dev.lanes.maven;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Any bytes as a committed baseline file give a baseline or a {@link ConfigurationError} with a
 * message, never another exception. The stored inputs (a real gridsearch.json and every input that ever
 * failed) run in every build; {@code JAZZER_FUZZ=1} fuzzes (see docs/robustness.md).
 */
class BaselineFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void anyBaselineIsReadOrRefusedWithAMessage(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("lanes-fuzz", ".json");
        try {
            Files.write(file, bytes);
            for (String metric : new String[] {"rmse", "r2"}) {
                try {
                    BaselineRule.read(file, "baseline.json", metric, 5);
                } catch (ConfigurationError e) {
                    assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a ConfigurationError without a message");
                }
            }
        } finally {
            Files.delete(file);
        }
    }
}
