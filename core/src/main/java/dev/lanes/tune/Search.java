package dev.lanes.tune;

import dev.lanes.base.Matrix;
import dev.lanes.data.Dataset;
import dev.lanes.data.Preprocessing;
import dev.lanes.nn.Callback;
import dev.lanes.nn.History;
import dev.lanes.nn.Model;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A cross-validated hyperparameter search over one data set, running or finished.
 *
 * <p>The rows are cut into splits once ({@link FoldSet}: shuffled K-fold, repeated if the spec says so,
 * each split's preprocessing fitted on its training rows only) and every candidate is fitted on every
 * split. The fits run on a fixed pool of {@code parallelism} threads, each fit on one thread, the
 * costliest candidates first ({@link FitSchedule}). A fit's seeds depend only on the search seed, the
 * candidate's canonical parameters and the split ({@link FitSeeds}), and its result is stored by
 * (candidate, split), so <b>the scores are bit-identical whatever the parallelism</b>, whichever order
 * the fits finish in, and wherever the candidate stands in the grid. Candidates that are the same once
 * names and values are normalised are tried once (the result's notes say so). Each fit is scored on
 * its test rows in every metric of the spec at once, in the target's original units.
 *
 * <p>A fit that diverges or throws scores NaN, keeps its reason and ranks last; it does not stop the
 * search. After the cross-validation, the best candidate is refitted on all rows (unless the spec says
 * not to), with a preprocessing fitted on all rows, by the same training routine as the fits.
 *
 * <p>{@link #run} blocks; {@link #start} returns at once with a running search that can be
 * {@linkplain #cancel() cancelled} and {@linkplain #await() awaited}.
 */
public final class Search {

    private static final AtomicInteger SEARCHES = new AtomicInteger();

    private final Dataset data;
    private final SearchSpec spec;
    private final SearchListener listener;
    private final List<Scoring> metrics;
    private final List<Candidate> candidates;
    private final List<String> notes;
    private final List<TrainingSetup> setups;
    private final FoldSet folds;
    private final int inputs;
    private final int fitsTotal;
    private final int[] order;

    /** Guards the results and the progress, and serializes listener calls. */
    private final Object lock = new Object();
    private final SplitResult[][] results;
    private final int[] splitsDone;
    private int fitsDone;
    private double bestMean = Double.NaN;
    private RuntimeException listenerFailure;

    private final AtomicInteger nextTask = new AtomicInteger();
    private final AtomicLong fitCpuNanos = new AtomicLong();
    private volatile boolean cpuUnmeasured;
    private volatile boolean cancelled;
    private long startNanos;
    private CompletableFuture<SearchResult> completion;

    /** Validates the candidates and prepares the splits; starts nothing. */
    private Search(Dataset data, SearchSpec spec, SearchListener listener) {
        this.data = data;
        this.spec = spec;
        this.listener = listener;
        this.metrics = spec.allMetrics();
        List<String> messages = new ArrayList<>(spec.space().notes());
        this.candidates = Candidate.distinct(spec.space().candidates(spec.seed()), messages);
        this.notes = List.copyOf(messages);
        this.setups = new ArrayList<>();
        for (Candidate c : candidates) {
            setups.add(TrainingSetup.of(c.params()));
        }
        this.inputs = data.featureNames().size();
        this.folds = FoldSet.prepare(data, spec);
        this.fitsTotal = candidates.size() * folds.size();
        this.order = FitSchedule.order(setups, inputs, folds.trainingRows(), folds.size());
        this.results = new SplitResult[candidates.size()][folds.size()];
        this.splitsDone = new int[candidates.size()];
    }

    /** Starts the threads; the search ranks and refits on one of them once the fits are done. */
    private Search begin() {
        int threads = Math.max(1, Math.min(spec.parallelism(), fitsTotal));
        ExecutorService pool = Executors.newFixedThreadPool(threads, threadFactory());
        startNanos = System.nanoTime();
        CompletableFuture<?>[] workers = new CompletableFuture<?>[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = CompletableFuture.runAsync(this::work, pool);
        }
        completion = CompletableFuture.allOf(workers).thenApplyAsync(v -> finish(), pool);
        completion.whenComplete((r, e) -> pool.shutdown());
        return this;
    }

    /**
     * Runs the search to the end on {@code spec.parallelism()} threads and returns its result.
     *
     * @throws IllegalArgumentException when a candidate is not valid (before any training)
     * @throws dev.lanes.data.DataException when the data cannot be split or preprocessed
     * @throws SearchCancelledException when the calling thread is interrupted (the search is cancelled)
     */
    public static SearchResult run(Dataset data, SearchSpec spec) {
        return run(data, spec, progress -> { });
    }

    /** As {@link #run(Dataset, SearchSpec)}, telling {@code listener} after every fit. */
    public static SearchResult run(Dataset data, SearchSpec spec, SearchListener listener) {
        Search search = start(data, spec, listener);
        try {
            return search.await();
        } catch (InterruptedException e) {
            search.cancel();
            Thread.currentThread().interrupt();
            throw new SearchCancelledException(search.fitsDone(), search.fitsTotal, "(the caller was interrupted)");
        }
    }

    /**
     * Validates every candidate, splits and preprocesses the data, starts the fits and returns at once.
     *
     * @throws IllegalArgumentException when a candidate is not valid (nothing is started then)
     * @throws dev.lanes.data.DataException when the data cannot be split or preprocessed
     */
    public static Search start(Dataset data, SearchSpec spec, SearchListener listener) {
        return new Search(Objects.requireNonNull(data, "data"), Objects.requireNonNull(spec, "spec"),
                Objects.requireNonNull(listener, "listener")).begin();
    }

    /**
     * Asks the search to stop: no new fit starts, running fits stop at the end of their current epoch,
     * and {@link #await()} then throws {@link SearchCancelledException}. Does nothing once the search has
     * finished.
     */
    public void cancel() {
        cancelled = true;
    }

    /** Whether the search has finished, completed or not. */
    public boolean isDone() {
        return completion.isDone();
    }

    /** Fits of the cross-validation, candidates x splits. */
    public int fitsTotal() {
        return fitsTotal;
    }

    /**
     * Waits for the search to finish and returns its result.
     *
     * @throws SearchCancelledException when it was cancelled before finishing
     * @throws RuntimeException         the listener's exception, if it threw
     * @throws InterruptedException     when the waiting thread is interrupted (the search goes on)
     */
    public SearchResult await() throws InterruptedException {
        try {
            return completion.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        }
    }

    private int fitsDone() {
        synchronized (lock) {
            return fitsDone;
        }
    }

    /** One worker: takes the next fit of the schedule until none is left, and adds up its CPU time. */
    private void work() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean measured = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        long cpuStart = measured ? threads.getCurrentThreadCpuTime() : 0;
        int k = folds.size();
        try {
            while (!cancelled) {
                int next = nextTask.getAndIncrement();
                if (next >= fitsTotal) {
                    return;
                }
                int task = order[next];
                SplitResult r = fit(task / k, task % k);
                if (cancelled) {
                    return;
                }
                record(task / k, task % k, r);
            }
        } catch (Error e) {
            // Out of memory or similar: the other workers stop too, and await() rethrows it.
            cancelled = true;
            throw e;
        } finally {
            if (measured) {
                fitCpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpuStart);
            } else {
                cpuUnmeasured = true;
            }
        }
    }

    /** Trains candidate {@code c} on split {@code s}'s training rows and scores it in every metric. */
    private SplitResult fit(int c, int s) {
        FoldSet.Split split = folds.get(s);
        Trained trained;
        try {
            trained = train(c, FitSeeds.of(spec.seed(), candidates.get(c), s), split.trainX(), split.trainY());
        } catch (FitProblem p) {
            return SplitResult.problem(s, metrics, spec.returnTrainScore(), p.status, p.getMessage(), p.seconds, 0,
                    p.epochsRun);
        }
        int epochs = trained.history.epochsRun();
        long scoreStart = System.nanoTime();
        Map<Scoring, Double> test;
        Map<Scoring, Double> train = Map.of();
        try {
            test = scores(trained.model, split.testX(), split.testY(), split);
            if (spec.returnTrainScore()) {
                train = scores(trained.model, split.trainX(), split.trainY().toArray(), split);
            }
        } catch (RuntimeException e) {
            return SplitResult.problem(s, metrics, spec.returnTrainScore(), SplitResult.Status.FAILED,
                    "scoring failed: " + describe(e), trained.seconds, secondsSince(scoreStart), epochs);
        }
        double scoreSeconds = secondsSince(scoreStart);
        double score = test.get(spec.scoring());
        if (!Double.isFinite(score)) {
            return SplitResult.problem(s, metrics, spec.returnTrainScore(), SplitResult.Status.FAILED, "the test "
                    + spec.scoring().shortName() + " is " + score + " (the predictions are not all finite numbers)",
                    trained.seconds, scoreSeconds, epochs);
        }
        return SplitResult.ok(s, spec.scoring(), test, train, trained.seconds, scoreSeconds, epochs);
    }

    /** The model's scores on these rows in every metric, in the target's original units. */
    private Map<Scoring, Double> scores(Model model, Matrix x, float[] y, FoldSet.Split split) {
        float[] predicted = model.predict(x).toArray();
        Map<Scoring, Double> out = new LinkedHashMap<>();
        for (Scoring m : metrics) {
            out.put(m, m.score(predicted, y, split.preprocessing().targetOrigin(), split.preprocessing().targetUnit()));
        }
        return out;
    }

    /** A trained network and its history. */
    private record Trained(Model model, History history, double seconds) {
    }

    /** A fit that threw or diverged, with how far it got. */
    private static final class FitProblem extends Exception {
        private static final long serialVersionUID = 1L;
        private final SplitResult.Status status;
        private final double seconds;
        private final int epochsRun;

        FitProblem(SplitResult.Status status, String reason, double seconds, int epochsRun) {
            super(reason);
            this.status = status;
            this.seconds = seconds;
            this.epochsRun = epochsRun;
        }
    }

    /**
     * Candidate {@code c}'s network trained on {@code x, y} with {@code seeds}, stopping after an epoch
     * once the search is cancelled: the one training routine of the fits and the refit.
     */
    private Trained train(int c, FitSeeds seeds, Matrix x, Matrix y) throws FitProblem {
        TrainingSetup setup = setups.get(c);
        long start = System.nanoTime();
        Model model;
        History history;
        try {
            model = setup.network(inputs).build(seeds.weights());
            history = model.fit(x, y, setup.fitOptions(seeds.training(), stopWhenCancelled()));
        } catch (RuntimeException e) {
            throw new FitProblem(SplitResult.Status.FAILED, "training failed: " + describe(e), secondsSince(start), 0);
        }
        if (history.diverged()) {
            throw new FitProblem(SplitResult.Status.DIVERGED, history.divergence().orElseThrow().reason(),
                    secondsSince(start), history.epochsRun());
        }
        return new Trained(model, history, secondsSince(start));
    }

    /** Ends a fit after its current epoch once the search is cancelled. */
    private Callback stopWhenCancelled() {
        return () -> (logs, control) -> {
            if (cancelled) {
                control.stop();
            }
        };
    }

    /** Stores a fit's result by (candidate, split) and tells the listener, one call at a time. */
    private void record(int c, int s, SplitResult r) {
        synchronized (lock) {
            results[c][s] = r;
            fitsDone++;
            if (++splitsDone[c] == folds.size()) {
                double mean = CandidateResult.mean(Arrays.stream(results[c]).mapToDouble(SplitResult::testScore).toArray());
                if (spec.scoring().isBetter(mean, bestMean)) {
                    bestMean = mean;
                }
            }
            long elapsed = System.nanoTime() - startNanos;
            long eta = (long) ((double) elapsed / fitsDone * (fitsTotal - fitsDone));
            SearchProgress progress = new SearchProgress(fitsDone, fitsTotal, Duration.ofNanos(elapsed),
                    Duration.ofNanos(eta), Double.isNaN(bestMean) ? OptionalDouble.empty() : OptionalDouble.of(bestMean),
                    c, s, r);
            try {
                listener.onFit(progress);
            } catch (RuntimeException e) {
                listenerFailure = e;
                cancelled = true;
            }
        }
    }

    /** Ranks the candidates in every metric and refits the best: runs once every worker has returned. */
    private SearchResult finish() {
        double cvSeconds = secondsSince(startNanos);
        synchronized (lock) {
            if (listenerFailure != null) {
                throw listenerFailure;
            }
            if (cancelled) {
                throw new SearchCancelledException(fitsDone, fitsTotal, "");
            }
        }
        Map<Scoring, int[]> ranks = new LinkedHashMap<>();
        double[] means = null;
        for (Scoring m : metrics) {
            double[] mean = new double[candidates.size()];
            for (int c = 0; c < mean.length; c++) {
                mean[c] = CandidateResult.mean(Arrays.stream(results[c]).mapToDouble(r -> r.testScore(m)).toArray());
            }
            ranks.put(m, Ranking.ranks(mean, m.greaterIsBetter()));
            if (m == spec.scoring()) {
                means = mean;
            }
        }
        List<CandidateResult> rows = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            Map<Scoring, Integer> rank = new LinkedHashMap<>();
            for (Map.Entry<Scoring, int[]> e : ranks.entrySet()) {
                rank.put(e.getKey(), e.getValue()[c]);
            }
            rows.add(CandidateResult.of(candidates.get(c), List.of(results[c]), spec.scoring(), rank));
        }
        int best = Ranking.best(means, ranks.get(spec.scoring()));
        Optional<FittedModel> refit = Optional.empty();
        Optional<String> refitProblem = Optional.empty();
        if (spec.refit() && best >= 0) {
            try {
                refit = Optional.of(refit(best));
            } catch (FitProblem p) {
                refitProblem = Optional.of("the refit of candidate " + best + " on all rows "
                        + (p.status == SplitResult.Status.DIVERGED ? "diverged: " : "failed: ") + p.getMessage());
            }
            if (cancelled) {
                throw new SearchCancelledException(fitsTotal, fitsTotal, "during the refit,");
            }
        }
        return new SearchResult(spec.scoring(), metrics, folds.size(), rows,
                best < 0 ? OptionalInt.empty() : OptionalInt.of(best), refit, refitProblem, notes, secondsSince(startNanos),
                spec.parallelism(), cvSeconds, cpuUnmeasured ? Double.NaN : fitCpuNanos.get() / 1e9);
    }

    /** The best candidate trained on every row, seeded as split {@code splits} of that candidate. */
    private FittedModel refit(int best) throws FitProblem {
        int[] all = new int[data.rows()];
        Arrays.setAll(all, i -> i);
        Preprocessing p = Preprocessing.fit(data, all, spec.featureScaling(), spec.targetScaling());
        Trained t = train(best, FitSeeds.of(spec.seed(), candidates.get(best), folds.size()), p.features(data, all),
                p.target(data, all));
        return new FittedModel(candidates.get(best), t.model, p, t.history);
    }

    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static ThreadFactory threadFactory() {
        int search = SEARCHES.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "lanes-search-" + search + "-" + thread.incrementAndGet());
            // A forgotten search must not keep the JVM alive.
            t.setDaemon(true);
            return t;
        };
    }
}
