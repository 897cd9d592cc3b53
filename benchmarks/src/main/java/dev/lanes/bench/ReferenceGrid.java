package dev.lanes.bench;

import dev.lanes.data.Dataset;
import dev.lanes.data.Scaling;
import dev.lanes.tune.CandidateResult;
import dev.lanes.tune.Hyperparameters;
import dev.lanes.tune.Scoring;
import dev.lanes.tune.Search;
import dev.lanes.tune.SearchResult;
import dev.lanes.tune.SearchSpace;
import dev.lanes.tune.SearchSpec;
import dev.lanes.tune.SplitResult;
import dev.lanes.tune.TrainingSetup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The reference grid of {@code examples/california-housing} (hidden layers, activation, optimizer,
 * learning rate and batch size, as in its POM) on California housing: 72 configurations x 3 folds,
 * 20 epochs, scored by the mean over folds of the MSE in dollars², timed end to end. Prints one JSON line on
 * standard output ({@code best_rmse} is the square root of the best mean MSE; {@code train_gflop} the
 * arithmetic of the training steps, see {@link #trainingGflop}) and a progress line per completed tenth on
 * standard error. {@code benchmarks/peers/run-grid.sh} sets it against the FMA ceiling measured in the
 * same run.
 *
 * <pre>java --add-modules=jdk.incubator.vector -cp benchmarks/target/benchmarks.jar \
 *     dev.lanes.bench.ReferenceGrid path/to/california_housing.csv [parallelism]</pre>
 */
public final class ReferenceGrid {

    private ReferenceGrid() {
    }

    /** Runs the grid; arguments: the CSV file and optionally the number of threads. */
    public static void main(String[] args) throws JsonProcessingException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ReferenceGrid path/to/california_housing.csv [parallelism]");
            System.exit(2);
        }
        int parallelism = args.length == 2 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        Dataset data = California.load(args[0]);
        SearchSpec spec = SearchSpec.of(SearchSpace.grid(grid())).folds(FOLDS).seed(42).scoring(Scoring.MSE)
                .parallelism(parallelism).featureScaling(Scaling.STANDARD).targetScaling(Scaling.STANDARD)
                .refit(false);
        int[] lastTenth = {0};
        SearchResult result = Search.run(data, spec, p -> {
            int tenth = 10 * p.fitsDone() / p.fitsTotal();
            if (tenth > lastTenth[0]) {
                lastTenth[0] = tenth;
                System.err.println(p);
            }
        });
        System.out.println(json(result, trainingGflop(result, data.rows(), data.features().cols())));
    }

    private static final int FOLDS = 3;

    /** The grid of the California example's POM. */
    private static SortedMap<String, List<String>> grid() {
        SortedMap<String, List<String>> grid = new TreeMap<>();
        grid.put(Hyperparameters.HIDDEN_LAYERS, List.of("64", "64,32", "128,64,32"));
        grid.put(Hyperparameters.ACTIVATION, List.of("relu", "tanh", "sigmoid"));
        grid.put(Hyperparameters.OPTIMIZER, List.of("sgd", "adam"));
        grid.put(Hyperparameters.LEARNING_RATE, List.of("0.001", "0.01"));
        grid.put(Hyperparameters.BATCH_SIZE, List.of("32", "128"));
        // Fixed for every candidate; momentum reaches sgd only (adam takes no momentum).
        grid.put(Hyperparameters.MOMENTUM, List.of("0.9"));
        grid.put(Hyperparameters.EPOCHS, List.of("20"));
        grid.put(Hyperparameters.KERNEL_INITIALIZER, List.of("glorot_uniform"));
        return grid;
    }

    /**
     * GFLOP of the search's training steps: per sample and dense layer of n inputs and m units, 2nm for the
     * forward product, 2nm for the weight gradient and 2nm for the input gradient, which the first layer
     * does not need; times each fit's epochs run and its training rows ({@code rows * (folds - 1) / folds}
     * on average). Validation, biases and activations are left out.
     */
    private static double trainingGflop(SearchResult result, int rows, int inputs) {
        double flop = 0;
        for (CandidateResult c : result.candidates()) {
            long perSample = 0;
            int n = inputs;
            List<Integer> units = new ArrayList<>(TrainingSetup.of(c.params()).hiddenLayers());
            units.add(1);
            for (int i = 0; i < units.size(); i++) {
                perSample += (i == 0 ? 4L : 6L) * n * units.get(i);
                n = units.get(i);
            }
            long epochs = c.splits().stream().mapToLong(SplitResult::epochsRun).sum();
            flop += (double) perSample * epochs * rows * (FOLDS - 1) / FOLDS;
        }
        return flop / 1e9;
    }

    private static String json(SearchResult result, double trainGflop) throws JsonProcessingException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("configs", result.candidates().size());
        line.put("fits", result.fits());
        line.put("parallelism", result.parallelism());
        line.put("wall_s", BigDecimal.valueOf(result.wallSeconds()).setScale(3, RoundingMode.HALF_UP));
        line.put("cv_wall_s", BigDecimal.valueOf(result.cvWallSeconds()).setScale(3, RoundingMode.HALF_UP));
        line.put("train_gflop", BigDecimal.valueOf(trainGflop).setScale(1, RoundingMode.HALF_UP));
        line.put("fit_cpu_s", Double.isNaN(result.fitCpuSeconds()) ? null
                : BigDecimal.valueOf(result.fitCpuSeconds()).setScale(3, RoundingMode.HALF_UP));
        // CPU time of the fit threads over (wall time x threads): how well the schedule keeps the cores busy.
        line.put("core_utilisation", Double.isNaN(result.coreUtilisation()) ? null
                : BigDecimal.valueOf(result.coreUtilisation()).setScale(3, RoundingMode.HALF_UP));
        line.put("best_rmse", result.bestScore().isPresent()
                ? BigDecimal.valueOf(Math.sqrt(result.bestScore().getAsDouble())).setScale(1, RoundingMode.HALF_UP)
                : null);
        Map<String, Object> params = null;
        if (result.bestParams().isPresent()) {
            SortedMap<String, Object> typed = result.bestParams().get();
            params = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : result.bestParamTexts().orElseThrow().entrySet()) {
                Object v = typed.get(e.getKey());
                // Numbers and flags as JSON values, everything else as the text the grid wrote.
                params.put(e.getKey(), v instanceof Number || v instanceof Boolean ? v : e.getValue());
            }
        }
        line.put("best_params", params);
        return new ObjectMapper().writeValueAsString(line);
    }
}
