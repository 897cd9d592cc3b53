package dev.lanes.maven;

import dev.lanes.maven.job.Formats;
import dev.lanes.maven.job.Json;
import dev.lanes.maven.job.OutputFiles;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the mojo reads back from the output directory, fresh or reused: the set-up summary, the best
 * candidate's scores for the gate, and the candidates for the log's table (with their mean fit time
 * from {@code timings.json}, when it is there).
 *
 * @param scoring    the metric the candidates are ranked by
 * @param sha256     the SHA-256 of the data set
 * @param target     the target column
 * @param targetStats the target's mean, standard deviation, minimum and maximum over the rows
 * @param rows       rows of the data set
 * @param features   feature columns
 * @param folds      the folds of one round of K-fold (K)
 * @param splits     the splits each candidate was fitted on: folds x repeats
 * @param seed       the search's seed, which decides the folds
 * @param simd       the SIMD kernels the search ran on
 * @param bestIndex  the best candidate, empty when no candidate has a score
 * @param bestScores the best candidate's mean scores by metric
 * @param bestSplits the best candidate's score on each split, by metric
 * @param references each reference model's mean score by metric, by model name
 * @param candidates every candidate, in candidate order
 */
record SearchSummary(String scoring, String sha256, String target, TargetStats targetStats, int rows, int features, int folds, int splits, long seed,
                     String simd, OptionalInt bestIndex, Map<String, Double> bestScores, Map<String, double[]> bestSplits,
                     Map<String, Map<String, Double>> references, List<Candidate> candidates) {

    /** More splits than a search can have (its folds x repeats are bounded): a document's claim beyond it is not read. */
    private static final int MAX_SPLITS = 1_000_000;

    /**
     * One candidate.
     *
     * @param index          its index
     * @param rank           1 = best
     * @param params         its parameters as written
     * @param mean           mean score over the folds, NaN when a fit failed
     * @param std            standard deviation over the folds
     * @param meanFitSeconds mean training time per fold, NaN when unknown
     * @param round          its round of a successive-halving search, 0 in an exhaustive one
     */
    record Candidate(int index, int rank, SortedMap<String, String> params, double mean, double std, double meanFitSeconds,
                     int round) {
    }

    /**
     * The target's spread, which tells whether any score means something.
     *
     * @param mean the mean
     * @param std  the population standard deviation
     * @param min  the smallest value
     * @param max  the largest value
     */
    record TargetStats(double mean, double std, double min, double max) {

        /**
         * Whether the target is constant, or so nearly that float32 cannot tell its values apart: then every
         * model's error is about 0 and its R² 0, and a threshold on them judges nothing.
         */
        boolean degenerate() {
            return max == min || std <= 1e-6 * Math.abs(mean);
        }
    }

    /** Reads {@code gridsearch.json} and {@code timings.json} of {@code dir}. */
    static SearchSummary read(Path dir) throws IOException {
        Map<Integer, Double> fitSeconds = new HashMap<>();
        Path timings = dir.resolve(OutputFiles.TIMINGS);
        if (Files.isRegularFile(timings)) {
            for (JsonNode t : Json.read(timings).path("candidates")) {
                fitSeconds.put(t.path("index").asInt(), number(t.get("mean_fit_time")));
            }
        }
        return of(Json.read(dir.resolve(OutputFiles.RESULTS)), fitSeconds);
    }

    /**
     * The summary of a {@code gridsearch.json} document, of this run or of a baseline; what it lacks reads
     * as empty text, 0 or NaN.
     */
    static SearchSummary of(JsonNode root, Map<Integer, Double> fitSeconds) {
        List<Candidate> candidates = new ArrayList<>();
        int index = 0;
        for (JsonNode c : root.path("candidates")) {
            SortedMap<String, String> params = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = c.path("params").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                params.put(e.getKey(), e.getValue().asText());
            }
            candidates.add(new Candidate(index, c.path("rank_test_score").asInt(), Collections.unmodifiableSortedMap(params),
                    number(c.get("mean_test_score")), number(c.get("std_test_score")),
                    fitSeconds.getOrDefault(index, Double.NaN), c.path("iter").asInt(0)));
            index++;
        }
        Map<String, Double> best = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("best_scores").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            best.put(e.getKey(), number(e.getValue()));
        }
        JsonNode search = root.path("search");
        String scoring = search.path("scoring").asText();
        int folds = search.path("folds").asInt();
        int splits = folds * search.path("repeats").asInt(1);
        JsonNode bestIndex = root.get("best_index");
        OptionalInt bestAt = bestIndex == null || !bestIndex.isInt() ? OptionalInt.empty() : OptionalInt.of(bestIndex.asInt());
        Map<String, double[]> bestSplits = new TreeMap<>();
        JsonNode bestRow = bestAt.isPresent() ? root.path("candidates").path(bestAt.getAsInt()) : null;
        if (bestRow != null && bestRow.isObject() && splits >= 1 && splits <= MAX_SPLITS) {
            for (String metric : best.keySet()) {
                String suffix = metric.equals(scoring) ? "score" : metric;
                double[] scores = new double[splits];
                for (int k = 0; k < splits; k++) {
                    scores[k] = number(bestRow.get("split" + k + "_test_" + suffix));
                }
                bestSplits.put(metric, scores);
            }
        }
        Map<String, Map<String, Double>> references = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("reference_models").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> model = it.next();
            Map<String, Double> means = new TreeMap<>();
            for (String metric : best.keySet()) {
                means.put(metric, number(model.getValue().get("mean_test_" + metric)));
            }
            references.put(model.getKey(), Collections.unmodifiableMap(means));
        }
        JsonNode dataset = root.path("dataset");
        JsonNode stats = dataset.path("target_summary");
        return new SearchSummary(scoring, dataset.path("sha256").asText(), dataset.path("target").asText(),
                new TargetStats(number(stats.get("mean")), number(stats.get("std")), number(stats.get("min")),
                        number(stats.get("max"))), dataset.path("rows").asInt(), dataset.path("features").size(), folds,
                splits, search.path("seed").asLong(), root.path("environment").path("simd").asText(), bestAt,
                Map.copyOf(best), Collections.unmodifiableMap(bestSplits), Collections.unmodifiableMap(references),
                List.copyOf(candidates));
    }

    /**
     * The reference models' mean scores in the scoring, for the log and the summary:
     * {@code linear_regression rmse 70176.6, mean rmse 115395}; empty when the results have none.
     */
    String referenceScores() {
        return String.join(", ", references.keySet().stream().map(m -> m + " " + scoring + " "
                + referenceScore(m, scoring).stream().mapToObj(Formats::format).findFirst().orElse("none")).toList());
    }

    /** Reference model {@code model}'s mean score in {@code metric}; empty when the results have none. */
    OptionalDouble referenceScore(String model, String metric) {
        Double v = references.getOrDefault(model, Map.of()).get(metric);
        return v == null || v.isNaN() ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** The best candidate's score on each split in {@code metric}; empty when the document has none. */
    Optional<double[]> bestSplitScores(String metric) {
        double[] scores = bestSplits.get(metric);
        return scores == null ? Optional.empty() : Optional.of(scores.clone());
    }

    /** The best candidate's mean score in {@code metric}; empty when there is none. */
    OptionalDouble bestScore(String metric) {
        Double v = bestScores.get(metric);
        return v == null || v.isNaN() ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** The candidates of the last round (all of them without halving) in rank order, ties by index. */
    List<Candidate> byRank() {
        int last = candidates.stream().mapToInt(Candidate::round).max().orElse(0);
        List<Candidate> sorted = new ArrayList<>(candidates.stream().filter(c -> c.round() == last).toList());
        sorted.sort((a, b) -> a.rank() != b.rank() ? Integer.compare(a.rank(), b.rank()) : Integer.compare(a.index(), b.index()));
        return sorted;
    }

    private static double number(JsonNode n) {
        return n == null || !n.isNumber() ? Double.NaN : n.asDouble();
    }
}
