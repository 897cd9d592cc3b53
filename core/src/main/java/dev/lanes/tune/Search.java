package dev.lanes.tune;

import dev.lanes.data.Dataset;
import dev.lanes.data.Fold;
import dev.lanes.data.Preprocessing;
import dev.lanes.data.Splits;
import dev.lanes.nn.Callback;
import dev.lanes.nn.History;
import dev.lanes.base.Matrix;
import dev.lanes.nn.Model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

/**
 * A cross-validated hyperparameter search over one data set, running or finished.
 *
 * <p>The rows are cut into {@code k} folds by {@link Splits#kFold}, shuffled with the spec's seed (scikit-learn's
 * {@code cv=k} does not shuffle; on sorted data unshuffled folds would test on a range the fit never saw). Each fold
 * gets one {@link Preprocessing} fitted on its training rows only, shared by every candidate; its scaled training
 * rows are copied once into contiguous arrays when the copies of all folds take at most an eighth of the
 * heap, which makes the fits' batch gathering faster and changes no result. The fits,
 * one per candidate and fold, run on a fixed pool of {@code parallelism} threads, each fit on one thread.
 * A fit's seeds depend only on the search seed, the candidate index and the fold index, and its result
 * is stored by (candidate, fold), so <b>the scores are bit-identical whatever the parallelism</b> and
 * whichever order the fits finish in. Scores are in the target's original units.
 *
 * <p>A fit that diverges or throws scores NaN, keeps its reason and ranks last; it does not stop the
 * search. After the cross-validation, the best candidate is refitted on all rows (unless the spec says
 * not to), with a preprocessing fitted on all rows.
 *
 * <p>{@link #run} blocks; {@link #start} returns at once with a running search that can be
 * {@linkplain #cancel() cancelled} and {@linkplain #await() awaited}.
 */
public final class Search {

    private static final AtomicInteger SEARCHES = new AtomicInteger();

    private final Dataset data;
    private final SearchSpec spec;
    private final SearchListener listener;
    private final List<Candidate> candidates;
    private final List<TrainingSetup> setups;
    private final List<FoldData> folds;
    private final int inputs;
    private final int fitsTotal;
    private final long startNanos;

    /** Guards the results and the progress, and serializes listener calls. */
    private final Object lock = new Object();
    private final SplitResult[][] results;
    private final int[] foldsDone;
    private int fitsDone;
    private double bestMean = Double.NaN;
    private RuntimeException listenerFailure;

    private final AtomicInteger nextTask = new AtomicInteger();
    private volatile boolean cancelled;
    private final ExecutorService pool;
    private final CompletableFuture<SearchResult> completion;

    /**
     * The training and test rows of one fold through its preprocessing: views of the data set, or for the
     * training rows a scaled copy (see {@link #FOLD_COPY_HEAP_SHARE_DIVISOR}).
     */
    private record FoldData(Preprocessing preprocessing, Matrix trainX, Matrix trainY, Matrix testX, float[] testY) {

        static FoldData of(Dataset data, Fold fold, SearchSpec spec) {
            Preprocessing p = Preprocessing.fit(data, fold.train(), spec.featureScaling(), spec.targetScaling());
            return new FoldData(p, p.features(data, fold.train()), p.target(data, fold.train()),
                    p.features(data, fold.test()), p.target(data, fold.test()).toArray());
        }

        long trainingBytes() {
            return 4L * trainX.rows() * (trainX.cols() + trainY.cols());
        }

        /** The same fold with its training rows copied, scaled, into contiguous arrays. */
        FoldData withContiguousTraining() {
            return new FoldData(preprocessing, contiguous(trainX), contiguous(trainY), testX, testY);
        }

        private static Matrix contiguous(Matrix view) {
            return Matrix.wrap(view.rows(), view.cols(), view.toArray());
        }
    }

    /**
     * The training rows of every fold are copied once, scaled, when all the copies together take at most
     * the maximum heap divided by this. Every fit gathers a shuffled batch from them at every step; through a
     * view, a fold's rows lie at random in the whole data set and most of them miss the core's caches
     * (from the copies, a search on California housing runs 3–5 % faster). The copy holds the same floats
     * as the view, so results do not depend on it; fits of one fold share it.
     */
    private static final int FOLD_COPY_HEAP_SHARE_DIVISOR = 8;

    private Search(Dataset data, SearchSpec spec, SearchListener listener) {
        this.data = data;
        this.spec = spec;
        this.listener = listener;
        this.candidates = spec.space().candidates(spec.seed());
        this.setups = new ArrayList<>();
        for (Candidate c : candidates) {
            setups.add(TrainingSetup.of(c.params()));
        }
        this.inputs = data.featureNames().size();
        this.folds = new ArrayList<>();
        long copyBytes = 0;
        for (Fold f : Splits.kFold(data.rows(), spec.folds(), true, spec.seed())) {
            FoldData fold = FoldData.of(data, f, spec);
            folds.add(fold);
            copyBytes += fold.trainingBytes();
        }
        if (copyBytes <= Runtime.getRuntime().maxMemory() / FOLD_COPY_HEAP_SHARE_DIVISOR) {
            folds.replaceAll(FoldData::withContiguousTraining);
        }
        this.fitsTotal = candidates.size() * folds.size();
        this.results = new SplitResult[candidates.size()][folds.size()];
        this.foldsDone = new int[candidates.size()];
        int threads = Math.max(1, Math.min(spec.parallelism(), fitsTotal));
        this.pool = Executors.newFixedThreadPool(threads, threadFactory());
        this.startNanos = System.nanoTime();
        CompletableFuture<?>[] workers = new CompletableFuture<?>[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = CompletableFuture.runAsync(this::work, pool);
        }
        this.completion = CompletableFuture.allOf(workers).thenApplyAsync(v -> finish(), pool);
        completion.whenComplete((r, e) -> pool.shutdown());
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
                Objects.requireNonNull(listener, "listener"));
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

    /** Fits of the cross-validation, candidates x folds. */
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

    /** One worker: takes the next (candidate, fold) in candidate-major order until none is left. */
    private void work() {
        int k = folds.size();
        try {
            while (!cancelled) {
                int task = nextTask.getAndIncrement();
                if (task >= fitsTotal) {
                    return;
                }
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
        }
    }

    /** Trains candidate {@code c} on fold {@code f}'s training rows and scores it on its test rows. */
    private SplitResult fit(int c, int f) {
        FoldData fold = folds.get(f);
        TrainingSetup setup = setups.get(c);
        FitSeeds seeds = FitSeeds.of(spec.seed(), c, f);
        long start = System.nanoTime();
        Model model;
        History history;
        try {
            model = setup.network(inputs).build(seeds.weights());
            history = model.fit(fold.trainX, fold.trainY, setup.fitOptions(seeds.training(), stopWhenCancelled()));
        } catch (RuntimeException e) {
            return SplitResult.problem(f, SplitResult.Status.FAILED, "training failed: " + describe(e),
                    secondsSince(start), 0, 0);
        }
        double fitSeconds = secondsSince(start);
        if (history.diverged()) {
            return SplitResult.problem(f, SplitResult.Status.DIVERGED, history.divergence().orElseThrow().reason(),
                    fitSeconds, 0, history.epochsRun());
        }
        long scoreStart = System.nanoTime();
        double score;
        try {
            float[] predicted = model.predict(fold.testX).toArray();
            double scaled = spec.scoring().metric().compute(predicted, 0, fold.testY, 0, fold.testY.length, 1);
            score = spec.scoring().toOriginalUnits(scaled, fold.preprocessing.targetUnit());
        } catch (RuntimeException e) {
            return SplitResult.problem(f, SplitResult.Status.FAILED, "scoring failed: " + describe(e), fitSeconds,
                    secondsSince(scoreStart), history.epochsRun());
        }
        double scoreSeconds = secondsSince(scoreStart);
        if (!Double.isFinite(score)) {
            return SplitResult.problem(f, SplitResult.Status.FAILED, "the test " + spec.scoring() + " is " + score
                    + " (the predictions are not all finite numbers)", fitSeconds, scoreSeconds, history.epochsRun());
        }
        return SplitResult.ok(f, score, fitSeconds, scoreSeconds, history.epochsRun());
    }

    /** Ends a fit after its current epoch once the search is cancelled. */
    private Callback stopWhenCancelled() {
        return () -> (logs, control) -> {
            if (cancelled) {
                control.stop();
            }
        };
    }

    /** Stores a fit's result by (candidate, fold) and tells the listener, one call at a time. */
    private void record(int c, int f, SplitResult r) {
        synchronized (lock) {
            results[c][f] = r;
            fitsDone++;
            if (++foldsDone[c] == folds.size()) {
                double mean = CandidateResult.mean(Arrays.stream(results[c]).mapToDouble(SplitResult::testScore).toArray());
                if (spec.scoring().isBetter(mean, bestMean)) {
                    bestMean = mean;
                }
            }
            long elapsed = System.nanoTime() - startNanos;
            long eta = (long) ((double) elapsed / fitsDone * (fitsTotal - fitsDone));
            SearchProgress progress = new SearchProgress(fitsDone, fitsTotal, Duration.ofNanos(elapsed),
                    Duration.ofNanos(eta), Double.isNaN(bestMean) ? OptionalDouble.empty() : OptionalDouble.of(bestMean),
                    c, f, r);
            try {
                listener.onFit(progress);
            } catch (RuntimeException e) {
                listenerFailure = e;
                cancelled = true;
            }
        }
    }

    /** Ranks the candidates and refits the best: runs once every worker has returned. */
    private SearchResult finish() {
        synchronized (lock) {
            if (listenerFailure != null) {
                throw listenerFailure;
            }
            if (cancelled) {
                throw new SearchCancelledException(fitsDone, fitsTotal, "");
            }
        }
        double[] means = new double[candidates.size()];
        for (int c = 0; c < means.length; c++) {
            means[c] = CandidateResult.mean(Arrays.stream(results[c]).mapToDouble(SplitResult::testScore).toArray());
        }
        int[] ranks = Ranking.ranks(means, spec.scoring().greaterIsBetter());
        List<CandidateResult> rows = new ArrayList<>();
        for (int c = 0; c < means.length; c++) {
            rows.add(CandidateResult.of(candidates.get(c), List.of(results[c]), ranks[c]));
        }
        int best = Ranking.best(means, ranks);
        Optional<FittedModel> refit = Optional.empty();
        Optional<String> refitProblem = Optional.empty();
        if (spec.refit() && best >= 0) {
            try {
                refit = Optional.of(refit(best));
            } catch (RefitException e) {
                refitProblem = Optional.of(e.getMessage());
            }
            if (cancelled) {
                throw new SearchCancelledException(fitsTotal, fitsTotal, "during the refit,");
            }
        }
        return new SearchResult(spec.scoring(), folds.size(), rows, best < 0 ? OptionalInt.empty() : OptionalInt.of(best),
                refit, refitProblem, spec.space().notes(), secondsSince(startNanos), spec.parallelism());
    }

    /** The best candidate trained on every row, seeded as fold {@code k} of that candidate. */
    private FittedModel refit(int best) {
        int[] all = new int[data.rows()];
        Arrays.setAll(all, i -> i);
        Preprocessing p = Preprocessing.fit(data, all, spec.featureScaling(), spec.targetScaling());
        TrainingSetup setup = setups.get(best);
        FitSeeds seeds = FitSeeds.of(spec.seed(), best, folds.size());
        Model model;
        History history;
        try {
            model = setup.network(inputs).build(seeds.weights());
            history = model.fit(p.features(data, all), p.target(data, all),
                    setup.fitOptions(seeds.training(), stopWhenCancelled()));
        } catch (RuntimeException e) {
            throw new RefitException("the refit of candidate " + best + " on all rows failed: " + describe(e));
        }
        if (history.diverged()) {
            throw new RefitException("the refit of candidate " + best + " on all rows diverged: "
                    + history.divergence().orElseThrow().reason());
        }
        return new FittedModel(candidates.get(best), model, p, history);
    }

    /** A refit that did not produce a usable model; its message is reported, the search stands. */
    private static final class RefitException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RefitException(String message) {
            super(message);
        }
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
