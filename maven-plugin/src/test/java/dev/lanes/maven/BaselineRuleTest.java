package dev.lanes.maven;

import dev.lanes.maven.job.Json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaselineRuleTest {

    private static ConfigurationError failure(Path file, String metric) {
        return assertThrows(ConfigurationError.class, () -> BaselineRule.read(file, "nn/baseline.json", metric, 5));
    }

    @Test
    void readsTheBestScoreOfTheScoring(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("b.json"), "{\"best_scores\": {\"rmse\": 53000.5, \"mae\": 37000}}");
        BaselineRule rule = BaselineRule.read(file, "nn/baseline.json", "rmse", 2.5);
        assertEquals(53000.5, rule.baseline());
        assertEquals(2.5, rule.maxRegressionPercent());
    }

    @Test
    void aMissingFileSaysHowToMakeOne(@TempDir Path dir) {
        ConfigurationError e = failure(dir.resolve("none.json"), "mse");
        assertTrue(e.getMessage().startsWith("The baseline file nn/baseline.json does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("copy target/nn/gridsearch.json to nn/baseline.json"), e.getMessage());
    }

    @Test
    void invalidJsonIsNotReadable(@TempDir Path dir) throws IOException {
        ConfigurationError e = failure(Files.writeString(dir.resolve("b.json"), "{\"best_scores\": "), "mse");
        assertTrue(e.getMessage().startsWith("The baseline file nn/baseline.json is not readable: it is not valid JSON"),
                e.getMessage());
    }

    @Test
    void deepNestingIsRefusedAsInvalidJson(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("b.json"), "[".repeat(100_000) + "]".repeat(100_000));
        ConfigurationError e = failure(file, "mse");
        assertTrue(e.getMessage().startsWith("The baseline file nn/baseline.json is not readable: it is not valid JSON")
                && e.getMessage().contains("nesting depth"), e.getMessage());
    }

    @Test
    void aFileLargerThanAnyResultsFileIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(Json.MAX_DOCUMENT_BYTES + 1); // sparse: no disk space used, and never read
        }
        ConfigurationError e = failure(file, "mse");
        assertTrue(e.getMessage().startsWith("The baseline file nn/baseline.json is not readable: it has 268435457 bytes, "
                + "more than the 268435456 a results file of nn:gridsearch can have."), e.getMessage());
    }

    @Test
    void anotherScoringIsNamed(@TempDir Path dir) throws IOException {
        ConfigurationError e = failure(Files.writeString(dir.resolve("b.json"), "{\"best_scores\": {\"r2\": 0.8}}"), "mse");
        assertTrue(e.getMessage().contains("has no best mse score: it has r2."), e.getMessage());
        ConfigurationError other = failure(Files.writeString(dir.resolve("c.json"), "[1, 2]"), "mse");
        assertTrue(other.getMessage().contains("it is not a gridsearch.json of nn:gridsearch"), other.getMessage());
        ConfigurationError none = failure(Files.writeString(dir.resolve("d.json"), "{\"best_scores\": {}}"), "mse");
        assertTrue(none.getMessage().contains("no candidate had a score in that run"), none.getMessage());
    }

    @Test
    void aNegativeBudgetIsRefused(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("b.json"), "{\"best_scores\": {\"mse\": 1}}");
        ConfigurationError e = assertThrows(ConfigurationError.class, () -> BaselineRule.read(file, "b.json", "mse", -1));
        assertTrue(e.getMessage().startsWith("Invalid gate rule <maxRegressionPercent>-1</maxRegressionPercent>"),
                e.getMessage());
    }
}
