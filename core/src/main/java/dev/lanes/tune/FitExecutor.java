package dev.lanes.tune;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * Where the cross-validation fits of a {@link Search} run when not on the search's own threads: on a
 * cluster, for example ({@code dev.lanes.spark.SparkFitExecutor}). The search keeps everything else on
 * its JVM (the rounds, the promotions, the ranking and the refit), and a fit's result depends only on
 * its {@link FitTask} and the {@link SearchFits}, so the result is the same wherever the fits ran.
 */
public interface FitExecutor {

    /**
     * Runs every task of one round, {@code fits.fit(task, ...)} for each, and hands each result to
     * {@code results} once, as it arrives (from any thread, in any order); returns when every task has
     * its result. The tasks come costliest first.
     *
     * @param fits      the fits of the search: the same object in every round of one search
     * @param tasks     the round's fits
     * @param results   takes each result
     * @param cancelled says when the search is cancelled: stop soon, and return without the remaining results
     * @throws InterruptedException when the calling thread is interrupted while it waits
     * @throws RuntimeException     when the fits cannot be run (the search then fails with it)
     */
    void run(SearchFits fits, List<FitTask> tasks, BiConsumer<FitTask, SplitResult> results, BooleanSupplier cancelled)
            throws InterruptedException;

    /** What runs the fits, for the log: {@code "Spark local[2], 2 executors"}. */
    String describe();
}
