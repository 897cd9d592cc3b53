package dev.lanes.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanes.data.Dataset;
import dev.lanes.tune.CandidateResult;
import dev.lanes.tune.Halving;
import dev.lanes.tune.Hyperparameters;
import dev.lanes.tune.Scoring;
import dev.lanes.tune.Search;
import dev.lanes.tune.SearchResult;
import dev.lanes.tune.SearchSpace;
import dev.lanes.tune.SearchSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The 448-network grid of {@code examples/keras-tutorial-grid} searched twice on California housing,
 * back to back in one JVM: by successive halving over epochs (factor 3, at most 15 epochs), then
 * exhaustively (every candidate 15 epochs on 3 folds). Prints one JSON line: both wall times, both best candidates, and
 * the exhaustive CV RMSE of the candidate halving picked, against the exhaustive best.
 *
 * <p>With a third argument {@code halving} or {@code exhaustive} it runs that search alone and prints its
 * wall time and best candidate: run each in a fresh JVM to compare them with the JIT's warm-up in both.
 *
 * <pre>java --add-modules=jdk.incubator.vector -cp benchmarks/target/benchmarks.jar \
 *     dev.lanes.bench.HalvingShowcase path/to/california_housing.csv [parallelism [halving|exhaustive]]</pre>
 */
public final class HalvingShowcase {

    private static final int EPOCHS = 15;

    private HalvingShowcase() {
    }

    /** Runs both searches; arguments: the CSV file and optionally the number of threads. */
    public static void main(String[] args) throws JsonProcessingException {
        if (args.length < 1 || args.length > 3 || args.length == 3 && !List.of("halving", "exhaustive").contains(args[2])) {
            System.err.println("usage: HalvingShowcase path/to/california_housing.csv [parallelism [halving|exhaustive]]");
            System.exit(2);
        }
        int parallelism = args.length >= 2 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        Dataset data = California.load(args[0]);
        SearchSpec exhaustive = spec(true, parallelism);
        SearchSpec halving = spec(false, parallelism)
                .halving(Halving.over(Halving.Resource.EPOCHS).factor(3).maxResources(EPOCHS));
        if (args.length == 3) {
            SearchResult alone = Search.run(data, args[2].equals("halving") ? halving : exhaustive);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("search", args[2]);
            line.put("wall_s", round(alone.wallSeconds(), 3));
            line.put("best_rmse", round(alone.bestScore().orElseThrow(), 1));
            line.put("best", alone.bestParamTexts().orElseThrow());
            line.put("core_utilisation", round(alone.coreUtilisation(), 3));
            System.out.println(new ObjectMapper().writeValueAsString(line));
            return;
        }
        // Halving first: it then pays the JIT's warm-up, so the wall-time ratio is on the safe side.
        SearchResult halved = Search.run(data, halving);
        SearchResult all = Search.run(data, exhaustive);

        SortedMap<String, String> pick = new TreeMap<>(halved.bestParamTexts().orElseThrow());
        pick.remove(Hyperparameters.EPOCHS);
        CandidateResult pickedExhaustively = all.candidates().stream()
                .filter(c -> {
                    SortedMap<String, String> p = new TreeMap<>(c.paramTexts());
                    p.remove(Hyperparameters.EPOCHS);
                    return p.equals(pick);
                })
                .findFirst().orElseThrow();
        double best = all.bestScore().orElseThrow();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("candidates", all.candidates().size());
        line.put("exhaustive_wall_s", round(all.wallSeconds(), 3));
        line.put("exhaustive_best_rmse", round(best, 1));
        line.put("exhaustive_best", all.bestParamTexts().orElseThrow());
        line.put("halving_wall_s", round(halved.wallSeconds(), 3));
        line.put("halving_rounds", halved.rounds());
        line.put("halving_best", halved.bestParamTexts().orElseThrow());
        line.put("halving_pick_exhaustive_rmse", round(pickedExhaustively.meanScore(), 1));
        line.put("pick_over_best", round(pickedExhaustively.meanScore() / best, 4));
        line.put("wall_ratio", round(halved.wallSeconds() / all.wallSeconds(), 3));
        System.out.println(new ObjectMapper().writeValueAsString(line));
    }

    private static SearchSpec spec(boolean withEpochs, int parallelism) {
        Map<String, List<?>> grid = new TreeMap<>();
        grid.put(Hyperparameters.OPTIMIZER, List.of("sgd", "rmsprop", "adagrad", "adadelta", "adam", "adamax", "nadam"));
        grid.put(Hyperparameters.KERNEL_INITIALIZER, List.of("uniform", "lecun_uniform", "normal", "zero", "glorot_normal",
                "glorot_uniform", "he_normal", "he_uniform"));
        grid.put(Hyperparameters.ACTIVATION, List.of("softmax", "softplus", "softsign", "relu", "tanh", "sigmoid",
                "hard_sigmoid", "linear"));
        grid.put(Hyperparameters.HIDDEN_LAYERS, List.of("64"));
        grid.put(Hyperparameters.BATCH_SIZE, List.of("32"));
        if (withEpochs) {
            grid.put(Hyperparameters.EPOCHS, List.of(String.valueOf(EPOCHS)));
        }
        return SearchSpec.of(SearchSpace.grid(grid)).folds(3).seed(42).scoring(Scoring.RMSE).parallelism(parallelism)
                .refit(false);
    }

    private static double round(double v, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(v * scale) / scale;
    }
}
