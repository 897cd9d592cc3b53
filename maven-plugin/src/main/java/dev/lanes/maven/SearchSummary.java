package dev.lanes.maven;

import dev.lanes.maven.job.Formats;
import dev.lanes.maven.job.GridSearchResults;
import dev.lanes.maven.job.Json;
import dev.lanes.maven.job.OutputFiles;
import dev.lanes.maven.job.Timings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
record SearchSummary(String scoring, String sha256, String target, GridSearchResults.TargetSummary targetStats, int rows, int features, int folds, int splits, long seed,
                     String simd, OptionalInt bestIndex, Map<String, Double> bestScores, Map<String, double[]> bestSplits,
                     Map<String, Map<String, Double>> references, List<Candidate> candidates) {

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
     * Reads {@code gridsearch.json} and {@code timings.json} of {@code dir}.
     *
     * @throws IOException when either cannot be read or is not of this plugin's format
     */
    static SearchSummary read(Path dir) throws IOException {
        Map<Integer, Double> fitSeconds = new HashMap<>();
        Path timings = dir.resolve(OutputFiles.TIMINGS);
        if (Files.isRegularFile(timings)) {
            for (Timings.Candidate t : Json.strictly(Json.read(timings), Timings.class).candidates()) {
                fitSeconds.put(t.index(), t.meanFitTime());
            }
        }
        return of(Json.strictly(Json.read(dir.resolve(OutputFiles.RESULTS)), GridSearchResults.class), fitSeconds);
    }

    /** The summary of a {@code gridsearch.json} document, of this run or of a baseline. */
    static SearchSummary of(GridSearchResults doc, Map<Integer, Double> fitSeconds) {
        String scoring = doc.search().scoring();
        List<Candidate> candidates = new ArrayList<>();
        for (GridSearchResults.Candidate c : doc.candidates()) {
            GridSearchResults.Scores s = c.test().get(scoring);
            candidates.add(new Candidate(c.index(), c.rank(), Collections.unmodifiableSortedMap(new TreeMap<>(c.params())),
                    s.mean(), s.std(), fitSeconds.getOrDefault(c.index(), Double.NaN), c.round()));
        }
        Map<String, double[]> bestSplits = new TreeMap<>();
        doc.best().ifPresent(b -> b.test().forEach((metric, s) -> bestSplits.put(metric, s.splitArray())));
        Map<String, Map<String, Double>> references = new TreeMap<>();
        doc.referenceModels().forEach((model, scores) -> {
            Map<String, Double> means = new TreeMap<>();
            scores.forEach((metric, s) -> means.put(metric, s.mean()));
            references.put(model, Collections.unmodifiableMap(means));
        });
        GridSearchResults.DatasetInfo data = doc.dataset();
        return new SearchSummary(scoring, data.sha256(), data.target(), data.targetSummary(), data.rows(), data.features().size(),
                doc.search().folds(), doc.search().splits(), doc.search().seed(), doc.environment().simd(),
                doc.bestIndex() == null ? OptionalInt.empty() : OptionalInt.of(doc.bestIndex()),
                Collections.unmodifiableMap(new TreeMap<>(doc.bestScores())), Collections.unmodifiableMap(bestSplits),
                Collections.unmodifiableMap(references), List.copyOf(candidates));
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
}
