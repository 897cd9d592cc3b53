package dev.lanes.maven;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lanes.maven.job.Formats;
import dev.lanes.maven.job.Json;
import dev.lanes.maven.job.OutputFiles;
import dev.lanes.tune.Scoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The budget against a baseline: the best score may be worse than the best score of an accepted earlier
 * run (its {@code gridsearch.json}, kept in the project) by at most {@code maxRegressionPercent} percent
 * of the baseline's value. Both scores are in the search's scoring; for the errors worse means higher,
 * for R² lower.
 *
 * @param file                 the baseline as configured, for messages
 * @param metric               the scoring both runs are compared in
 * @param baseline             the baseline's best score
 * @param maxRegressionPercent how much worse, in percent of {@code |baseline|}, still passes
 */
record BaselineRule(String file, String metric, double baseline, double maxRegressionPercent) {

    /**
     * Reads the baseline's best score in {@code metric}.
     *
     * @throws ConfigurationError when the percentage is invalid or the file is missing, not JSON, or has
     *                            no best score in that metric
     */
    static BaselineRule read(Path path, String shown, String metric, double maxRegressionPercent) {
        if (!Double.isFinite(maxRegressionPercent) || maxRegressionPercent < 0) {
            throw new ConfigurationError("Invalid gate rule <maxRegressionPercent>" + Formats.format(maxRegressionPercent)
                    + "</maxRegressionPercent>: it must be a number >= 0 (0 = no worse than the baseline).");
        }
        String how = " A baseline is the " + OutputFiles.RESULTS + " of an accepted run of nn:gridsearch with the same "
                + "scoring: copy target/nn/" + OutputFiles.RESULTS + " to " + shown + " and commit it, or remove <baseline>.";
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
        JsonNode scores = root == null ? null : root.get("best_scores");
        JsonNode score = scores == null ? null : scores.get(metric);
        if (score == null || !score.isNumber()) {
            List<String> has = new ArrayList<>();
            if (scores != null && scores.isObject()) {
                for (Iterator<String> it = scores.fieldNames(); it.hasNext(); ) {
                    has.add(it.next());
                }
            }
            throw new ConfigurationError("The baseline file " + shown + " has no best " + metric + " score"
                    + (scores == null || !scores.isObject() ? ": it is not a " + OutputFiles.RESULTS + " of nn:gridsearch"
                    : has.isEmpty() ? ": no candidate had a score in that run" : ": it has " + String.join(", ", has))
                    + "." + how);
        }
        return new BaselineRule(shown, metric, score.asDouble(), maxRegressionPercent);
    }

    /** The verdict on {@code actual}, the best score of this run; empty (no score) fails. */
    Verdict check(OptionalDouble actual) {
        boolean higherIsBetter = Scoring.fromName(metric).greaterIsBetter();
        double allowed = Math.abs(baseline) * maxRegressionPercent / 100;
        double limit = higherIsBetter ? baseline - allowed : baseline + allowed;
        String rule = "maxRegressionPercent";
        String threshold = metric + (higherIsBetter ? " >= " : " <= ") + Formats.format(limit) + " (baseline "
                + Formats.format(baseline) + " " + (higherIsBetter ? "- " : "+ ") + Formats.format(maxRegressionPercent) + "%)";
        if (actual.isEmpty()) {
            return new Verdict(rule, threshold, "none (no candidate has a score)", false);
        }
        double v = actual.getAsDouble();
        double worse = baseline == 0 ? 0 : (higherIsBetter ? baseline - v : v - baseline) / Math.abs(baseline) * 100;
        String change = baseline == 0 ? "" : String.format(Locale.ROOT, " (%.2f%% %s)", Math.abs(worse),
                worse > 0 ? "worse" : "better");
        return new Verdict(rule, threshold, Formats.format(v) + change, higherIsBetter ? v >= limit : v <= limit);
    }
}
