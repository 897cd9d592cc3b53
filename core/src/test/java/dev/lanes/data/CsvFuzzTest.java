package dev.lanes.data;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Any bytes as a CSV file give a data set or a {@link DataException} with a message: never another
 * exception, never a hang. The fuzz test runs its stored inputs in every build (Jazzer's regression
 * mode) and fuzzes with {@code JAZZER_FUZZ=1} (see docs/robustness.md); the CSV corpus runs through the
 * same check as a plain test.
 */
class CsvFuzzTest {

    /** Ways of reading the same file: the corpus' column names, a categorical column, each missing-value policy. */
    private static final List<DataSpec> SPECS = List.of(
            DataSpec.target("y"),
            DataSpec.target("y").categorical("a").missing(MissingValues.MEAN),
            DataSpec.target("a").exclude("b").missing(MissingValues.DROP_ROW));

    @FuzzTest(maxDuration = "5m")
    void anyFileLoadsOrIsRefusedWithAMessage(byte[] bytes) throws IOException {
        check(bytes);
    }

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(Resources.path("csv"))) {
            return files.sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void theCorpusLoadsOrIsRefusedWithAMessage(Path file) throws IOException {
        check(Files.readAllBytes(file));
    }

    private static void check(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("lanes-fuzz", ".csv");
        try {
            Files.write(file, bytes);
            for (DataSpec spec : SPECS) {
                try {
                    Dataset.load(file, spec);
                } catch (DataException e) {
                    assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a DataException without a message");
                }
            }
        } finally {
            Files.delete(file);
        }
    }
}
