package dev.lanes.maven.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** gridsearch.json's records: what is written is read back as it was, and nothing else is read. */
class GridSearchResultsTest {

    private static final GridSearchResults DOC = ResultsFixture.of("abc", "rmse", 1.5, Double.NaN, 2.5);

    @Test
    void whatIsWrittenIsReadBackEqualWithNaNAsNull(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("gridsearch.json");
        Json.write(DOC, file);
        String text = Files.readString(file);
        JsonNode tree = Json.read(file);
        assertTrue(tree.at("/candidates/0/test/rmse/splits/1").isNull(), text);
        assertEquals(2.5, tree.at("/candidates/0/test/rmse/splits/2").asDouble());
        assertTrue(tree.at("/refit/history/0/val_loss").isNull(), text);
        assertTrue(text.startsWith("{\n  \"format\" : \"lanes-gridsearch/2\",\n  \"plugin_version\""), text);
        GridSearchResults back = Json.strictly(tree, GridSearchResults.class);
        assertEquals(DOC, back);
        assertTrue(Double.isNaN(back.candidates().get(0).test().get("rmse").splits().get(1)));
        Path again = dir.resolve("again.json");
        Json.write(back, again);
        assertEquals(text, Files.readString(again));
    }

    private static String refused(Consumer<ObjectNode> change) {
        ObjectNode tree = Json.MAPPER.valueToTree(DOC);
        change.accept(tree);
        return Json.problem(assertThrows(JsonProcessingException.class, () -> Json.strictly(tree, GridSearchResults.class)));
    }

    @Test
    void everyFieldIsRequired() {
        assertEquals("it has no \"best_index\" (at best_index)", refused(t -> t.remove("best_index")));
        assertEquals("it has no \"seed\" (at search.seed)", refused(t -> ((ObjectNode) t.get("search")).remove("seed")));
        assertEquals("\"params\" is missing or null (at candidates[0])",
                refused(t -> ((ObjectNode) t.get("candidates").get(0)).putNull("params")));
    }

    @Test
    void anUnknownFieldOrAWrongTypeIsNamedWithItsPath() {
        assertEquals("it has a field \"mean_test_score\" that no file of nn:gridsearch has (at candidates[0].mean_test_score)",
                refused(t -> ((ObjectNode) t.get("candidates").get(0)).put("mean_test_score", 1.0)));
        String type = refused(t -> ((ObjectNode) t.get("dataset")).put("rows", "sixty"));
        assertTrue(type.endsWith("(at dataset.rows)") && !type.contains("java."), type);
        String number = refused(t -> ((ArrayNode) t.get("candidates").get(0).get("test").get("rmse").get("splits")).set(0, "x"));
        assertTrue(number.endsWith("(at candidates[0].test.rmse.splits[0])"), number);
    }

    @Test
    void aDocumentThatContradictsItselfIsRefused() {
        assertEquals("candidates[0].test.rmse has 2 split scores; the search has 3 splits (folds x repeats)", refused(t ->
                ((ArrayNode) t.get("candidates").get(0).get("test").get("rmse").get("splits")).remove(0)));
        assertEquals("candidates[0].test has the metrics [rmse]; the search scored [rmse, mae]",
                refused(t -> ((ArrayNode) t.get("search").get("extra_metrics")).add("mae")));
        assertEquals("best_index 1 is not the index of one of the 1 candidates", refused(t -> t.put("best_index", 1)));
    }

    @Test
    void timingsRoundTrip(@TempDir Path dir) throws IOException {
        Timings t = new Timings(Timings.NOTE, 2, 3.5, 3.0, Double.NaN, 0.9, 0.5,
                List.of(new Timings.Candidate(0, 0.25, 0.01, 0.001, 0.0, List.of(0.24, 0.26))));
        Path file = dir.resolve("timings.json");
        Json.write(t, file);
        JsonNode tree = Json.read(file);
        assertTrue(tree.get("fit_cpu_seconds").isNull());
        assertEquals(t, Json.strictly(tree, Timings.class));
    }
}
