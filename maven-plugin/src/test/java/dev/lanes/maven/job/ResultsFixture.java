package dev.lanes.maven.job;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Small, complete {@link GridSearchResults} documents for tests: one candidate, one metric. */
public final class ResultsFixture {

    private ResultsFixture() {
    }

    /** A search of the data with {@code sha256} ranked by {@code scoring}, whose one candidate scored {@code splits}. */
    public static GridSearchResults of(String sha256, String scoring, double... splits) {
        List<Double> scores = Arrays.stream(splits).boxed().toList();
        double mean = Arrays.stream(splits).average().orElse(Double.NaN);
        double std = Math.sqrt(Arrays.stream(splits).map(s -> (s - mean) * (s - mean)).average().orElse(Double.NaN));
        Map<String, GridSearchResults.Scores> test = Map.of(scoring, new GridSearchResults.Scores(scores, mean, std));
        Map<String, String> params = Map.of("hidden_layers", "4");
        GridSearchResults.Candidate candidate = new GridSearchResults.Candidate(0, null, null, params, 1, test, Map.of(),
                scores.stream().map(s -> new GridSearchResults.Split(Double.isNaN(s) ? "diverged" : "ok", 5)).toList(),
                List.of());
        return new GridSearchResults(GridSearchResults.FORMAT, "test",
                new GridSearchResults.DatasetInfo("data/tiny.csv", sha256, "y", List.of(), List.of(), null, "error", List.of(),
                        60, 0, List.of("x1", "x2"), new GridSearchResults.TargetSummary(1, 0.5, 0, 2)),
                new GridSearchResults.SearchInfo("grid", null, List.of(Map.of("hidden_layers", List.of("4"))), splits.length, 1,
                        true, 42, scoring, List.of(), false, null, "standard", "standard", 1, splits.length, List.of(), List.of()),
                new GridSearchResults.Environment("17", "test", "test VM", "amd64", true, 16, "panama"),
                0, params, mean, Map.of(scoring, mean), Map.of(), List.of(candidate),
                new GridSearchResults.Refit(0, "best-model.lanes", null, "none", List.of(
                        new GridSearchResults.Epoch(1, 0.5, Double.NaN, 0.001))));
    }
}
