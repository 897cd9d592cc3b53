package dev.lanes.maven;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lanes.maven.job.Json;
import dev.lanes.maven.job.OutputFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * An accepted earlier run that the gate's change rules compare with: its {@code gridsearch.json}, kept in
 * the project. It records what it was computed from (the data set's SHA-256 and the target), so that a
 * baseline of other data is not compared silently.
 *
 * @param shown      the file as configured, for messages
 * @param sha256     the SHA-256 of its data set, when it records one
 * @param target     its target column, when it records one
 * @param bestScores its best candidate's mean scores by metric
 */
record Baseline(String shown, Optional<String> sha256, Optional<String> target, Map<String, Double> bestScores) {

    /**
     * Reads a baseline file.
     *
     * @throws ConfigurationError when the file is missing, not JSON, of another format or not a
     *                            {@code gridsearch.json} of nn:gridsearch
     */
    static Baseline read(Path path, String shown) {
        String how = " A baseline is the " + OutputFiles.RESULTS + " of an accepted run of nn:gridsearch: copy target/nn/"
                + OutputFiles.RESULTS + " to " + shown + " and commit it, or remove <baseline>.";
        if (!Files.isRegularFile(path)) {
            throw new ConfigurationError("The baseline file " + shown + " does not exist (looked for at "
                    + path.toAbsolutePath() + ")." + how);
        }
        JsonNode root;
        try {
            root = Json.read(path);
        } catch (JsonProcessingException e) {
            // a limit of the reader (StreamReadConstraints) has no location
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new ConfigurationError("The baseline file " + shown + " is not readable: it is not valid JSON ("
                    + e.getOriginalMessage() + where + ")." + how);
        } catch (IOException e) {
            throw new ConfigurationError("The baseline file " + shown + " is not readable: " + e.getMessage() + "." + how);
        }
        JsonNode format = root == null ? null : root.get("format");
        if (format == null || !format.isTextual()) {
            throw new ConfigurationError("The baseline file " + shown + " is not a " + OutputFiles.RESULTS
                    + " of nn:gridsearch: it has no \"format\"." + how);
        }
        if (!format.asText().equals(OutputFiles.RESULTS_FORMAT)) {
            throw new ConfigurationError("The baseline file " + shown + " is of format " + format.asText()
                    + "; this plugin reads " + OutputFiles.RESULTS_FORMAT + "." + how);
        }
        JsonNode scores = root.get("best_scores");
        if (scores == null || !scores.isObject()) {
            throw new ConfigurationError("The baseline file " + shown + " has no \"best_scores\": it is not a "
                    + OutputFiles.RESULTS + " of nn:gridsearch." + how);
        }
        Map<String, Double> best = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = scores.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNumber()) {
                best.put(e.getKey(), e.getValue().asDouble());
            }
        }
        JsonNode dataset = root.path("dataset");
        return new Baseline(shown, text(dataset.get("sha256")), text(dataset.get("target")), Collections.unmodifiableSortedMap(new TreeMap<>(best)));
    }

    /** Its best mean score in {@code metric}; empty when it has none. */
    OptionalDouble bestScore(String metric) {
        Double v = bestScores.get(metric);
        return v == null || v.isNaN() ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private static Optional<String> text(JsonNode node) {
        return node == null || !node.isTextual() ? Optional.empty() : Optional.of(node.asText());
    }
}
