package dev.lanes.spark;

import dev.lanes.data.Dataset;
import dev.lanes.tune.Search;
import dev.lanes.tune.SearchListener;
import dev.lanes.tune.SearchResult;
import dev.lanes.tune.SearchSpec;

import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.LoggerFactory;

/**
 * A {@link Search} whose cross-validation fits run on a Spark cluster, one task per fit
 * ({@link SparkFitExecutor}); the rounds, the ranking and the refit of the best run on the driver.
 * The result is the local search's, bit for bit (timings aside): the same candidates, seeds, splits
 * and scores, whatever the number of executors and however often a task is retried.
 *
 * <pre>{@code
 * JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
 * SearchResult result = SparkSearch.run(sc, Dataset.load(path, DataSpec.target("price")), spec);
 * }</pre>
 */
public final class SparkSearch {

    private SparkSearch() {
    }

    /** Runs {@code spec} on {@code data} with its fits on {@code sc}'s executors, and returns the result. */
    public static SearchResult run(JavaSparkContext sc, Dataset data, SearchSpec spec) {
        return run(sc, data, spec, progress -> { });
    }

    /**
     * As {@link #run(JavaSparkContext, Dataset, SearchSpec)}, telling {@code listener} after every fit.
     *
     * @throws dev.lanes.tune.SearchCancelledException when the calling thread is interrupted (the Spark job is
     *                                                  cancelled)
     */
    public static SearchResult run(JavaSparkContext sc, Dataset data, SearchSpec spec, SearchListener listener) {
        return Search.run(data, spec, listener, executor(sc));
    }

    /** Starts the search with its fits on {@code sc}'s executors and returns at once; see {@link Search#start}. */
    public static Search start(JavaSparkContext sc, Dataset data, SearchSpec spec, SearchListener listener) {
        return Search.start(data, spec, listener, executor(sc));
    }

    private static SparkFitExecutor executor(JavaSparkContext sc) {
        return new SparkFitExecutor(sc, LoggerFactory.getLogger(SparkSearch.class)::warn);
    }
}
