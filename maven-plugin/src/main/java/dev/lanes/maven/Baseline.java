package dev.lanes.maven;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lanes.maven.job.GridSearchResults;
import dev.lanes.maven.job.Json;
import dev.lanes.maven.job.OutputFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * An accepted earlier run that the gate's change rules compare with: its {@code gridsearch.json}, kept in
 * the project. It records what it was computed from (the data set's SHA-256 and the target), so that a
 * baseline of other data is not compared silently.
 *
 * @param shown the file as configured, for messages
 * @param run   what it holds, read by the same records as this run's results
 */
record Baseline(String shown, SearchSummary run) {

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
        if (!format.asText().equals(GridSearchResults.FORMAT)) {
            throw new ConfigurationError("The baseline file " + shown + " is of format " + format.asText()
                    + "; this plugin reads " + GridSearchResults.FORMAT + "." + how);
        }
        GridSearchResults results;
        try {
            results = Json.strictly(root, GridSearchResults.class);
        } catch (JsonProcessingException e) {
            throw new ConfigurationError("The baseline file " + shown + " is not a " + OutputFiles.RESULTS + " of format "
                    + GridSearchResults.FORMAT + ": " + Json.problem(e) + "." + how);
        }
        return new Baseline(shown, SearchSummary.of(results, Map.of()));
    }

    /** Its best mean score in {@code metric}; empty when it has none. */
    OptionalDouble bestScore(String metric) {
        return run.bestScore(metric);
    }

    /** The metrics it has a best score in, in name order. */
    List<String> metrics() {
        return run.bestScores().keySet().stream().filter(m -> bestScore(m).isPresent()).sorted().toList();
    }
}
