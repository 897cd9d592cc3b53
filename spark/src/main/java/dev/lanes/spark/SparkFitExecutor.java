package dev.lanes.spark;

import dev.lanes.simd.Simd;
import dev.lanes.tune.FitExecutor;
import dev.lanes.tune.FitTask;
import dev.lanes.tune.SearchFits;
import dev.lanes.tune.SplitResult;

import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import scala.Function0;
import scala.Function1;
import scala.Function2;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;
import scala.util.Try;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs a search's fits as Spark tasks: the {@link SearchFits} (the data set and the candidates) is
 * broadcast once per search, and each round is one Spark job with one task per fit, costliest first.
 * Each result reaches the search as its task finishes, so progress is reported fit by fit.
 *
 * <p>A fit that diverges or throws is a result (NaN scores and the reason), so a task fails only when
 * its JVM does (out of memory, a lost executor); Spark then runs it again, up to
 * {@code spark.task.maxFailures} times, and since a fit depends only on its task the result is the
 * same. A cancelled search cancels the round's job and interrupts its running tasks, which stop after
 * their current epoch.
 *
 * <p>Every task reports whether its executor ran the SIMD kernels; the log names the executors that
 * ran without them (a JVM started without {@code --add-modules=jdk.incubator.vector}).
 */
public final class SparkFitExecutor implements FitExecutor {

    private final JavaSparkContext sc;
    private final Consumer<String> log;
    private final Map<String, String> kernels = new TreeMap<>();
    private final AtomicInteger jobs = new AtomicInteger();
    private SearchFits broadcastFits;
    private Broadcast<SearchFits> broadcast;

    /** What a task sends back: the fit's result and where it ran. */
    record Outcome(FitTask task, SplitResult result, String executor, String kernels) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /**
     * An executor on {@code sc} that writes what the user should know (executors without SIMD) to
     * {@code log}.
     */
    public SparkFitExecutor(JavaSparkContext sc, Consumer<String> log) {
        this.sc = Objects.requireNonNull(sc, "sc");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void run(SearchFits fits, List<FitTask> tasks, BiConsumer<FitTask, SplitResult> results, BooleanSupplier cancelled)
            throws InterruptedException {
        if (tasks.isEmpty()) {
            return;
        }
        Broadcast<SearchFits> shared = broadcast(fits);
        JavaRDD<FitTask> rdd = sc.parallelize(tasks, tasks.size());
        String group = "lanes-search-" + System.identityHashCode(fits) + "-round-" + jobs.incrementAndGet();
        sc.setJobGroup(group, "Lanes: " + tasks.size() + " fits of " + fits, true);
        Function1<Iterator<FitTask>, Outcome> fit = (Function1<Iterator<FitTask>, Outcome> & Serializable)
                partition -> runTask(shared.value(), partition.next());
        List<Object> partitions = new ArrayList<>();
        for (int p = 0; p < tasks.size(); p++) {
            partitions.add(p);
        }
        Function2<Object, Outcome, BoxedUnit> handler = (index, outcome) -> {
            noteKernels(outcome);
            results.accept(outcome.task(), outcome.result());
            return BoxedUnit.UNIT;
        };
        Function0<BoxedUnit> done = () -> BoxedUnit.UNIT;
        SimpleFutureAction<BoxedUnit> job = sc.sc().submitJob(rdd.rdd(), fit,
                CollectionConverters.asScala(partitions).toSeq(), handler, done);
        try {
            while (!job.isCompleted()) {
                if (cancelled.getAsBoolean()) {
                    job.cancel();
                    return;
                }
                TimeUnit.MILLISECONDS.sleep(20);
            }
        } catch (InterruptedException e) {
            job.cancel();
            throw e;
        } finally {
            sc.clearJobGroup();
        }
        Try<BoxedUnit> outcome = job.value().get();
        if (outcome.isFailure() && !cancelled.getAsBoolean()) {
            Throwable t = outcome.failed().get();
            throw new IllegalStateException("the Spark job of " + tasks.size() + " fits failed: " + t.getMessage(), t);
        }
    }

    /** The fits broadcast once per search: the same object in every round. */
    private synchronized Broadcast<SearchFits> broadcast(SearchFits fits) {
        if (broadcastFits != fits) {
            if (broadcast != null) {
                broadcast.destroy();
            }
            broadcast = sc.broadcast(fits);
            broadcastFits = fits;
        }
        return broadcast;
    }

    /** Runs on an executor: one fit, stopped after its epoch when Spark kills the task. */
    private static Outcome runTask(SearchFits fits, FitTask task) {
        TaskContext context = TaskContext.get();
        SplitResult result = fits.fit(task, context::isInterrupted);
        return new Outcome(task, result, SparkEnv.get().executorId(), Simd.isEnabled() ? Simd.describe() : "");
    }

    private void noteKernels(Outcome outcome) {
        synchronized (kernels) {
            String before = kernels.put(outcome.executor(), outcome.kernels());
            if (before == null && outcome.kernels().isEmpty()) {
                log.accept("Spark executor " + outcome.executor() + " runs the fits without SIMD (scalar kernels, "
                        + "several times slower): start its JVM with --add-modules=jdk.incubator.vector, e.g. "
                        + "--conf spark.executor.extraJavaOptions=--add-modules=jdk.incubator.vector");
            }
        }
    }

    /**
     * The kernels each executor ran so far, by executor id: {@code Simd.describe()} of its JVM, or ""
     * for one that ran without SIMD.
     */
    public Map<String, String> executorKernels() {
        synchronized (kernels) {
            return Map.copyOf(kernels);
        }
    }

    @Override
    public String describe() {
        return "Spark " + sc.master() + " (application " + sc.sc().applicationId() + ", default parallelism "
                + sc.defaultParallelism() + ")";
    }
}
