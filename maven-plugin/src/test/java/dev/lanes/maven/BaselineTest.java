package dev.lanes.maven;

import dev.lanes.maven.job.Json;
import dev.lanes.maven.job.ResultsFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading a committed baseline: what it records, and every way it can be unreadable. */
class BaselineTest {

    private static ConfigurationError failure(Path file) {
        return assertThrows(ConfigurationError.class, () -> Baseline.read(file, "nn/baseline.json"));
    }

    @Test
    void readsTheBestScoresTheSplitsAndTheDataItWasMadeFrom(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("b.json");
        Json.write(ResultsFixture.of("abc", "rmse", 52000.5, 53000.5, 54000.5), file);
        Baseline b = Baseline.read(file, "nn/baseline.json");
        assertEquals(53000.5, b.bestScore("rmse").getAsDouble());
        assertArrayEquals(new double[] {52000.5, 53000.5, 54000.5}, b.run().bestSplitScores("rmse").orElseThrow());
        assertEquals(List.of("rmse"), b.metrics());
        assertTrue(b.bestScore("r2").isEmpty());
        assertEquals("abc", b.run().sha256());
        assertEquals("y", b.run().target());
        assertEquals(3, b.run().splits());
    }

    @Test
    void theFuzzersRealGridsearchJsonIsAReadableBaseline() throws Exception {
        Path real = Path.of(BaselineTest.class.getResource(
                "BaselineFuzzTestInputs/anyBaselineIsReadOrRefusedWithAMessage/gridsearch.json").toURI());
        Baseline b = Baseline.read(real, "gridsearch.json");
        assertEquals(List.of("mae", "mse", "r2", "rmse"), b.metrics());
        assertEquals(3, b.run().bestSplitScores("rmse").orElseThrow().length);
    }

    @Test
    void aFileThatIsNotWhollyOfTheFormatSaysWhatIsWrongAndWhere(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("b.json");
        Json.write(ResultsFixture.of("abc", "rmse", 1, 2, 3), file);
        Files.writeString(file, Files.readString(file).replace("\"rank\" : 1", "\"rank\" : 1, \"rank_test_score\" : 1"));
        String message = failure(file).getMessage();
        assertTrue(message.startsWith("The baseline file nn/baseline.json is not a gridsearch.json of format lanes-gridsearch/2: "
                + "it has a field \"rank_test_score\" that no file of nn:gridsearch has (at candidates[0].rank_test_score)."),
                message);
        assertTrue(message.contains("copy target/nn/gridsearch.json to nn/baseline.json"), message);
    }

    @Test
    void aMissingFileSaysHowToMakeOne(@TempDir Path dir) {
        ConfigurationError e = failure(dir.resolve("none.json"));
        assertTrue(e.getMessage().startsWith("The baseline file nn/baseline.json does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("copy target/nn/gridsearch.json to nn/baseline.json"), e.getMessage());
    }

    @Test
    void invalidJsonIsNotReadable(@TempDir Path dir) throws IOException {
        ConfigurationError e = failure(Files.writeString(dir.resolve("b.json"), "{\"best_scores\": "));
        assertTrue(e.getMessage().startsWith("The baseline file nn/baseline.json is not readable: it is not valid JSON"),
                e.getMessage());
    }

    @Test
    void deepNestingIsRefusedAsInvalidJson(@TempDir Path dir) throws IOException {
        ConfigurationError e = failure(Files.writeString(dir.resolve("b.json"), "[".repeat(100_000) + "]".repeat(100_000)));
        assertTrue(e.getMessage().startsWith("The baseline file nn/baseline.json is not readable: it is not valid JSON")
                && e.getMessage().contains("nesting depth"), e.getMessage());
    }

    @Test
    void aFileLargerThanAnyResultsFileIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(Json.MAX_DOCUMENT_BYTES + 1); // sparse: no disk space used, and never read
        }
        ConfigurationError e = failure(file);
        assertTrue(e.getMessage().startsWith("The baseline file nn/baseline.json is not readable: it has 268435457 bytes, "
                + "more than the 268435456 a results file of nn:gridsearch can have."), e.getMessage());
    }

    @Test
    void aFileOfAnotherFormatOrKindIsNamedAsSuch(@TempDir Path dir) throws IOException {
        assertTrue(failure(Files.writeString(dir.resolve("a.json"), "{\"best_scores\": {\"r2\": 0.8}}")).getMessage()
                .contains("is not a gridsearch.json of nn:gridsearch: it has no \"format\"."));
        assertTrue(failure(Files.writeString(dir.resolve("b.json"), "[1, 2]")).getMessage()
                .contains("it has no \"format\""));
        assertTrue(failure(Files.writeString(dir.resolve("c.json"), "{\"format\": \"lanes-gridsearch/1\"}")).getMessage()
                .contains("is of format lanes-gridsearch/1; this plugin reads lanes-gridsearch/2."));
        String empty = failure(Files.writeString(dir.resolve("d.json"), "{\"format\": \"lanes-gridsearch/2\"}")).getMessage();
        assertTrue(empty.contains("is not a gridsearch.json of format lanes-gridsearch/2: it has no \"plugin_version\""), empty);
        assertTrue(failure(Files.writeString(dir.resolve("e.json"), "null")).getMessage().contains("it has no \"format\""));
    }
}
