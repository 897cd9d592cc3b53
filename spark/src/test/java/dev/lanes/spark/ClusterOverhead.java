package dev.lanes.spark;

import dev.lanes.data.DataSpec;
import dev.lanes.data.Dataset;
import dev.lanes.tune.CandidateResult;
import dev.lanes.tune.Scoring;
import dev.lanes.tune.Search;
import dev.lanes.tune.SearchResult;
import dev.lanes.tune.SearchSpace;
import dev.lanes.tune.SearchSpec;

import org.apache.spark.api.java.JavaSparkContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The figures of docs/spark.md, not a test: the reference grid (benchmarks' {@code ReferenceGrid}: 72
 * candidates x 3 folds x 20 epochs on California housing) searched locally on 2 threads and on a
 * standalone cluster of 2 workers x 1 core on this machine, alternately, and a grid of 216 one-epoch fits
 * of a tiny network, whose time on the cluster is almost all Spark's per-task cost. Run it as
 * docs/spark.md says; arguments: the CSV file and the number of alternations.
 */
public final class ClusterOverhead {

    private ClusterOverhead() {
    }

    public static void main(String[] args) throws Exception {
        Dataset data = Dataset.load(Path.of(args[0]),
                DataSpec.target("median_house_value").exclude("total_bedrooms", "ocean_proximity"));
        int rounds = Integer.parseInt(args[1]);
        SearchSpec reference = SearchSpec.of(SearchSpace.grid(Map.of("hidden_layers", List.of("64", "64,32", "128,64,32"),
                        "activation", List.of("relu", "tanh", "sigmoid"), "optimizer", List.of("sgd", "adam"),
                        "learning_rate", List.of("0.001", "0.01"), "batch_size", List.of("32", "128"),
                        "momentum", List.of("0.9"), "epochs", List.of("20"), "kernel_initializer", List.of("glorot_uniform"))))
                .folds(3).seed(42).scoring(Scoring.MSE).parallelism(2).refit(false);
        SearchSpec tiny = SearchSpec.of(SearchSpace.grid(Map.of("hidden_layers", List.of("1", "2", "3", "4", "5", "6"),
                        "learning_rate", List.of("0.001", "0.002", "0.003", "0.004", "0.005", "0.006"),
                        "batch_size", List.of("1024", "2048"), "epochs", List.of("1"))))
                .folds(3).seed(42).scoring(Scoring.MSE).parallelism(2).refit(false);
        Path dir = Files.createTempDirectory("lanes-cluster-overhead");
        try (StandaloneCluster cluster = new StandaloneCluster(dir, 2, 1);
             JavaSparkContext sc = new JavaSparkContext(cluster.application("lanes-cluster-overhead", "2g"))) {
            sc.setLogLevel("WARN");
            while (sc.sc().getExecutorMemoryStatus().size() < 3) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            for (int r = 0; r < rounds; r++) {
                for (SearchSpec spec : List.of(reference, tiny)) {
                    String name = spec == reference ? "reference grid" : "tiny 1-epoch grid";
                    long t0 = System.nanoTime();
                    SearchResult local = Search.run(data, spec);
                    double localSeconds = (System.nanoTime() - t0) / 1e9;
                    long t1 = System.nanoTime();
                    SearchResult spark = Search.run(data, spec, p -> { }, new SparkFitExecutor(sc, System.err::println));
                    double sparkSeconds = (System.nanoTime() - t1) / 1e9;
                    if (!ReferenceSubset.bits(local).equals(ReferenceSubset.bits(spark))) {
                        throw new IllegalStateException("the cluster's result differs from the local one");
                    }
                    double fitSeconds = local.candidates().stream().mapToDouble(c -> c.meanFitSeconds() * c.splits().size()).sum();
                    System.out.printf(Locale.ROOT, "%s: %d fits, local 2 threads %.2f s, cluster 2 x 1 core %.2f s "
                                    + "(+%.2f s, %+.1f %%); fits' own time %.2f s (%.1f ms per fit); best %s%n",
                            name, local.fits(), localSeconds, sparkSeconds, sparkSeconds - localSeconds,
                            100 * (sparkSeconds / localSeconds - 1), fitSeconds, 1000 * fitSeconds / local.fits(),
                            local.best().map(CandidateResult::meanScore).orElse(Double.NaN));
                }
            }
        }
    }
}
