package dev.lanes.spark;

import dev.lanes.data.DataSpec;
import dev.lanes.data.Dataset;
import dev.lanes.tune.CandidateResult;
import dev.lanes.tune.Scoring;
import dev.lanes.tune.SearchResult;
import dev.lanes.tune.SearchSpace;
import dev.lanes.tune.SearchSpec;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The data and the grids of the Spark tests: California housing (the example's file) and a subset of
 * the reference grid, with a text of every bit of a result that two searches must share.
 */
final class ReferenceSubset {

    private ReferenceSubset() {
    }

    static Dataset california() {
        return Dataset.load(Path.of("../examples/california-housing/data/california_housing.csv"),
                DataSpec.target("median_house_value").exclude("total_bedrooms", "ocean_proximity"));
    }

    /** 8 candidates of the reference grid, 3 epochs each, x 3 folds = 24 fits. */
    static SearchSpec grid() {
        return SearchSpec.of(SearchSpace.grid(Map.of("hidden_layers", List.of("64", "64,32"),
                        "activation", List.of("relu", "tanh"), "optimizer", List.of("sgd", "adam"),
                        "learning_rate", List.of("0.01"), "batch_size", List.of("128"), "momentum", List.of("0.9"),
                        "epochs", List.of("3"))))
                .folds(3).seed(42).scoring(Scoring.RMSE).metrics(Scoring.MAE, Scoring.R2).parallelism(2);
    }

    /**
     * Everything of {@code r} that does not depend on where and how fast it ran: every split's scores
     * and epochs, as bits, the ranks, the best and the refit's weights.
     */
    static String bits(SearchResult r) {
        StringBuilder s = new StringBuilder("rounds " + r.rounds() + " notes " + r.notes() + " best " + r.bestIndex() + "\n");
        for (CandidateResult c : r.candidates()) {
            s.append(c.index()).append(' ').append(c.paramTexts()).append(" epochs ")
                    .append(Arrays.toString(c.epochsRun())).append(" problems ").append(c.problems());
            for (Scoring m : r.metrics()) {
                s.append(' ').append(m.shortName()).append(" rank ").append(c.rank(m));
                for (double v : c.splitScores(m)) {
                    s.append(' ').append(Long.toHexString(Double.doubleToRawLongBits(v)));
                }
            }
            s.append('\n');
        }
        r.refit().ifPresent(f -> {
            for (float w : f.model().weights()) {
                s.append(Integer.toHexString(Float.floatToRawIntBits(w)));
            }
        });
        r.references().forEach(ref -> ref.splitScores().forEach((m, scores) ->
                s.append('\n').append(ref.model()).append(' ').append(m).append(' ').append(Arrays.toString(scores))));
        return s.toString();
    }
}
