package dev.lanes.spark;

import dev.lanes.data.Dataset;
import dev.lanes.tune.Halving;
import dev.lanes.tune.Search;
import dev.lanes.tune.SearchCancelledException;
import dev.lanes.tune.SearchResult;
import dev.lanes.tune.SearchSpace;
import dev.lanes.tune.SearchSpec;
import dev.lanes.tune.SplitResult;
import dev.lanes.tune.Scoring;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Searches on Spark in local mode, {@code local[2]}: the local search's result, bit for bit. */
class SparkSearchTest {

    static JavaSparkContext sc;
    static Dataset data;

    @BeforeAll
    static void startSpark() {
        sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("lanes-spark-test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1"));
        data = ReferenceSubset.california();
    }

    @AfterAll
    static void stopSpark() {
        sc.stop();
    }

    @Test
    void theReferenceSubsetOnSparkIsTheLocalSearchBitForBit() {
        SearchSpec spec = ReferenceSubset.grid();
        SearchResult local = Search.run(data, spec);
        List<Integer> heard = Collections.synchronizedList(new ArrayList<>());
        SparkFitExecutor executor = new SparkFitExecutor(sc, message -> { });
        SearchResult spark = Search.run(data, spec, p -> heard.add(p.fitsDone()), executor);
        assertEquals(ReferenceSubset.bits(local), ReferenceSubset.bits(spark));
        assertEquals(24, heard.size(), "one progress call per fit");
        assertTrue(spark.refit().isPresent());
        assertFalse(executor.executorKernels().isEmpty());
        executor.executorKernels().forEach((id, kernels) ->
                assertTrue(kernels.startsWith("panama"), "executor " + id + " runs SIMD kernels: " + kernels));
    }

    @Test
    void halvingRunsEachRoundAsAJobWithTheLocalResult() {
        SearchSpec spec = SearchSpec.of(SearchSpace.grid(Map.of("hidden_layers", List.of("16", "32", "16,8"),
                        "learning_rate", List.of("0.01", "0.003"), "batch_size", List.of("256"))))
                .folds(3).seed(7).scoring(Scoring.RMSE).parallelism(2)
                .halving(Halving.over(Halving.Resource.EPOCHS).factor(2).maxResources(4));
        SearchResult local = Search.run(data, spec);
        SearchResult spark = SparkSearch.run(sc, data, spec);
        assertEquals(3, spark.rounds().size());
        assertEquals(ReferenceSubset.bits(local), ReferenceSubset.bits(spark));
    }

    /** A diverging fit is a result with its reason, not a failed task: the search completes. */
    @Test
    void aDivergingFitIsAResultNotATaskFailure() {
        SearchSpec spec = SearchSpec.of(SearchSpace.grid(List.of(
                        Map.of("optimizer", List.of("sgd"), "learning_rate", List.of("50"), "epochs", List.of("2")),
                        Map.of("optimizer", List.of("adam"), "learning_rate", List.of("0.01"), "epochs", List.of("2")))))
                .folds(3).seed(3).scoring(Scoring.RMSE).parallelism(2)
                .targetScaling(dev.lanes.data.Scaling.NONE);
        SearchResult spark = SparkSearch.run(sc, data, spec);
        assertFalse(spark.candidates().get(0).ok());
        spark.candidates().get(0).splits().forEach(split -> {
            assertEquals(SplitResult.Status.DIVERGED, split.status());
            assertTrue(split.problem().orElseThrow().contains("training loss became"), split.problem().toString());
        });
        assertEquals(1, spark.bestIndex().getAsInt());
        assertEquals(ReferenceSubset.bits(Search.run(data, spec)), ReferenceSubset.bits(spark));
    }

    @Test
    void cancellingTheSearchCancelsTheSparkJob() throws InterruptedException {
        CountDownLatch firstFit = new CountDownLatch(1);
        SearchSpec spec = ReferenceSubset.grid().space(SearchSpace.grid(Map.of("hidden_layers", List.of("64", "64,32", "128,64,32"),
                "activation", List.of("relu", "tanh"), "learning_rate", List.of("0.001", "0.01"), "epochs", List.of("50"))));
        Search search = SparkSearch.start(sc, data, spec, p -> firstFit.countDown());
        assertTrue(firstFit.await(300, TimeUnit.SECONDS), "a first fit within the hang guard");
        search.cancel();
        SearchCancelledException e = assertThrows(SearchCancelledException.class, search::await);
        assertTrue(e.fitsDone() < e.fitsTotal());
        // The job is cancelled and its running tasks interrupted: the context runs nothing afterwards.
        for (int i = 0; i < 6000 && sc.statusTracker().getActiveJobIds().length > 0; i++) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertEquals(0, sc.statusTracker().getActiveJobIds().length);
    }
}
