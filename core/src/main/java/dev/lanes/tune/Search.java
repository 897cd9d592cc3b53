package dev.lanes.tune;

import dev.lanes.data.Dataset;
import dev.lanes.data.Preprocessing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

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
 * <p>With {@link Halving successive halving} the search runs in rounds: each round fits its candidates
 * with the round's resources (rows or epochs), and only the best {@code 1/factor} of them, by the
 * ranking metric, go on; a candidate whose score is NaN never does. The result has one row per
 * candidate and round, as scikit-learn's {@code cv_results_}, and the best is chosen among the last
 * round's.
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
    private final List<String> notes;
    private final SearchFits fits;
    /** Runs the fits elsewhere; empty to run them on this search's own threads. */
    private final Optional<FitExecutor> executor;
    private final int threads;

    /** The rows of the result: one per candidate and round, in round order, then candidate order. */
    private final List<Row> rows = new ArrayList<>();

    /** Guards the results and the progress, and serializes listener calls. */
    private final Object lock = new Object();
    private int fitsDone;
    private int fitsTotal;
    private double bestMean = Double.NaN;
    private RuntimeException listenerFailure;

    private final AtomicLong fitCpuNanos = new AtomicLong();
    private volatile boolean cpuUnmeasured;
    private volatile boolean cancelled;
    private long startNanos;
    private CompletableFuture<SearchResult> completion;

    /**
     * One row of the result: a candidate in a round.
     *
     * @param candidate the candidate (its seeds come from it)
     * @param round     the round
     * @param resources the round's rows or epochs (0 when the search is exhaustive)
     * @param splits    the fits' results, by split
     */
    private record Row(int candidate, int round, int resources, SplitResult[] splits) {

        /** The mean test score in {@code metric}; NaN if any split is NaN. */
        double meanScore(Scoring metric) {
            return CandidateResult.mean(Arrays.stream(splits).mapToDouble(s -> s.testScore(metric)).toArray());
        }
    }

    /** Validates the candidates and plans the rounds; starts nothing. */
    private Search(Dataset data, SearchSpec spec, SearchListener listener, Optional<FitExecutor> executor) {
        this.data = data;
        this.spec = spec;
        this.listener = listener;
        this.metrics = spec.allMetrics();
        List<String> messages = new ArrayList<>(spec.space().notes());
        this.fits = SearchFits.of(data, spec, messages);
        this.notes = List.copyOf(messages);
        this.executor = executor;
        // The splits are cut before anything starts, so that a data problem is thrown here.
        this.fitsTotal = fits.plan().stream().mapToInt(r -> r.candidates() * fits.folds().size()).sum();
        this.threads = Math.max(1, Math.min(spec.parallelism(), fits.candidates().size() * fits.splits()));
    }

    /** Starts the rounds on their own thread and the fits' pool; returns at once. */
    private Search begin() {
        int search = SEARCHES.incrementAndGet();
        ExecutorService pool = Executors.newFixedThreadPool(executor.isPresent() ? 1 : threads, threadFactory(search, "fit"));
        ExecutorService coordinator = Executors.newSingleThreadExecutor(threadFactory(search, "rounds"));
        startNanos = System.nanoTime();
        completion = CompletableFuture.supplyAsync(() -> search(pool), coordinator);
        completion.whenComplete((r, e) -> {
            pool.shutdown();
            coordinator.shutdown();
        });
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
        return awaitOrCancel(start(data, spec, listener));
    }

    /** As {@link #run(Dataset, SearchSpec, SearchListener)}, with the fits run by {@code executor}. */
    public static SearchResult run(Dataset data, SearchSpec spec, SearchListener listener, FitExecutor executor) {
        return awaitOrCancel(start(data, spec, listener, executor));
    }

    private static SearchResult awaitOrCancel(Search search) {
        try {
            return search.await();
        } catch (InterruptedException e) {
            search.cancel();
            Thread.currentThread().interrupt();
            throw new SearchCancelledException(search.fitsDone(), search.fitsTotal(), "(the caller was interrupted)");
        }
    }

    /**
     * Validates every candidate, splits and preprocesses the data, starts the fits and returns at once.
     *
     * @throws IllegalArgumentException when a candidate is not valid or the halving plan cannot be made
     *                                  (nothing is started then)
     * @throws dev.lanes.data.DataException when the data cannot be split or preprocessed
     */
    public static Search start(Dataset data, SearchSpec spec, SearchListener listener) {
        return new Search(Objects.requireNonNull(data, "data"), Objects.requireNonNull(spec, "spec"),
                Objects.requireNonNull(listener, "listener"), Optional.empty()).begin();
    }

    /**
     * As {@link #start(Dataset, SearchSpec, SearchListener)}, with the cross-validation fits run by
     * {@code executor} instead of {@code spec.parallelism()} threads of this JVM; the rounds, the
     * ranking and the refit stay here. The result is the same, timings aside.
     */
    public static Search start(Dataset data, SearchSpec spec, SearchListener listener, FitExecutor executor) {
        return new Search(Objects.requireNonNull(data, "data"), Objects.requireNonNull(spec, "spec"),
                Objects.requireNonNull(listener, "listener"), Optional.of(executor)).begin();
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

    /**
     * Fits of the cross-validation: candidates x splits, or with halving the sum over its rounds as
     * planned (fewer when a round has fewer candidates with a score to promote).
     */
    public int fitsTotal() {
        synchronized (lock) {
            return fitsTotal;
        }
    }

    /** The rounds as planned: one round of every candidate without halving. */
    public List<Halving.Round> plannedRounds() {
        return fits.plan();
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
            throw rethrown(e);
        }
    }

    /** What a failed task threw, to be thrown again as it was: a RuntimeException, or an Error thrown here. */
    private static RuntimeException rethrown(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        return cause instanceof RuntimeException ? (RuntimeException) cause : new IllegalStateException(cause);
    }

    private int fitsDone() {
        synchronized (lock) {
            return fitsDone;
        }
    }

    /** The rounds, the ranking and the refit: runs on the coordinating thread. */
    private SearchResult search(ExecutorService pool) {
        List<Integer> round = new ArrayList<>();
        for (int c = 0; c < fits.candidates().size(); c++) {
            round.add(c);
        }
        List<Halving.Round> ran = new ArrayList<>();
        List<Halving.Round> plan = fits.plan();
        for (Halving.Round planned : plan) {
            if (round.isEmpty()) {
                break;
            }
            FoldSet splits = fits.folds(planned.iter(), planned.resources());
            int first = rows.size();
            for (int c : round) {
                rows.add(new Row(c, planned.iter(), planned.resources(), new SplitResult[splits.size()]));
            }
            ran.add(new Halving.Round(planned.iter(), round.size(), planned.resources()));
            synchronized (lock) {
                fitsTotal += (round.size() - planned.candidates()) * splits.size();
            }
            runRound(pool, splits, planned, first, rows.size());
            if (cancelled) {
                break;
            }
            if (planned.iter() < plan.size() - 1) {
                round = promoted(first, rows.size(), (int) Math.ceil(round.size() / spec.halving().orElseThrow().factor()));
                fits.forgetBefore(planned.iter() + 1, new HashSet<>(round));
            }
        }
        synchronized (lock) {
            if (listenerFailure != null) {
                throw listenerFailure;
            }
            if (cancelled) {
                throw new SearchCancelledException(fitsDone, fitsTotal, "");
            }
        }
        double cvSeconds = SearchFits.secondsSince(startNanos);
        fits.forgetBefore(Integer.MAX_VALUE, Set.of());
        return result(ran, cvSeconds);
    }

    /** Runs the fits of rows {@code [from, to)} of round {@code planned}, costliest first, and waits for them. */
    private void runRound(ExecutorService pool, FoldSet splits, Halving.Round planned, int from, int to) {
        List<TrainingSetup> roundSetups = new ArrayList<>();
        Map<Integer, Integer> rowOf = new HashMap<>();
        for (int r = from; r < to; r++) {
            roundSetups.add(fits.setup(rows.get(r).candidate()));
            rowOf.put(rows.get(r).candidate(), r);
        }
        int k = splits.size();
        List<FitTask> tasks = new ArrayList<>();
        for (int n : FitSchedule.order(roundSetups, fits.inputs(), splits.trainingRows(), k)) {
            tasks.add(new FitTask(rows.get(from + n / k).candidate(), n % k, planned.iter(), planned.resources()));
        }
        BiConsumer<FitTask, SplitResult> results = (task, r) -> {
            int row = rowOf.get(task.candidate());
            record(rows.get(row), row, task.split(), r);
        };
        List<Future<?>> workers = new ArrayList<>();
        if (executor.isPresent()) {
            cpuUnmeasured = true;
            workers.add(pool.submit(() -> {
                executor.get().run(fits, tasks, results, () -> cancelled);
                return null;
            }));
        } else {
            AtomicInteger next = new AtomicInteger();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> work(tasks, next, results)));
            }
        }
        for (Future<?> w : workers) {
            try {
                w.get();
            } catch (InterruptedException e) {
                cancelled = true;
                Thread.currentThread().interrupt();
                throw new SearchCancelledException(fitsDone(), fitsTotal(), "(the search was interrupted)");
            } catch (ExecutionException e) {
                cancelled = true;
                throw rethrown(e);
            }
        }
    }

    /** One worker of a round: takes the next fit of the schedule until none is left, adding up its CPU time. */
    private void work(List<FitTask> tasks, AtomicInteger next, BiConsumer<FitTask, SplitResult> results) {
        ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
        boolean measured = threadBean.isCurrentThreadCpuTimeSupported() && threadBean.isThreadCpuTimeEnabled();
        long cpuStart = measured ? threadBean.getCurrentThreadCpuTime() : 0;
        try {
            while (!cancelled) {
                int n = next.getAndIncrement();
                if (n >= tasks.size()) {
                    return;
                }
                SplitResult r = fits.fit(tasks.get(n), () -> cancelled);
                if (cancelled) {
                    return;
                }
                results.accept(tasks.get(n), r);
            }
        } catch (Error e) {
            // Out of memory or similar: the other workers stop too, and await() rethrows it.
            cancelled = true;
            throw e;
        } finally {
            if (measured) {
                fitCpuNanos.addAndGet(threadBean.getCurrentThreadCpuTime() - cpuStart);
            } else {
                cpuUnmeasured = true;
            }
        }
    }

    /** The candidates of rows {@code [from, to)} that go on: the best {@code keep} with a score, in candidate order. */
    private List<Integer> promoted(int from, int to, int keep) {
        List<Integer> scored = new ArrayList<>();
        double[] mean = new double[to - from];
        for (int r = from; r < to; r++) {
            mean[r - from] = rows.get(r).meanScore(spec.scoring());
            if (!Double.isNaN(mean[r - from])) {
                scored.add(r - from);
            }
        }
        boolean greater = spec.scoring().greaterIsBetter();
        scored.sort((a, b) -> {
            int byScore = greater ? Double.compare(mean[b], mean[a]) : Double.compare(mean[a], mean[b]);
            return byScore != 0 ? byScore : Integer.compare(rows.get(from + a).candidate(), rows.get(from + b).candidate());
        });
        List<Integer> out = new ArrayList<>();
        for (int i : scored.subList(0, Math.min(keep, scored.size()))) {
            out.add(rows.get(from + i).candidate());
        }
        Collections.sort(out);
        return out;
    }

    /** Stores a fit's result by (row, split) and tells the listener, one call at a time. */
    private void record(Row row, int rowIndex, int s, SplitResult r) {
        synchronized (lock) {
            row.splits()[s] = r;
            fitsDone++;
            if (Arrays.stream(row.splits()).allMatch(Objects::nonNull)) {
                double mean = row.meanScore(spec.scoring());
                if (spec.scoring().isBetter(mean, bestMean)) {
                    bestMean = mean;
                }
            }
            long elapsed = System.nanoTime() - startNanos;
            long eta = (long) ((double) elapsed / fitsDone * (fitsTotal - fitsDone));
            SearchProgress progress = new SearchProgress(fitsDone, fitsTotal, Duration.ofNanos(elapsed),
                    Duration.ofNanos(eta), Double.isNaN(bestMean) ? OptionalDouble.empty() : OptionalDouble.of(bestMean),
                    rowIndex, s, r);
            try {
                listener.onFit(progress);
            } catch (RuntimeException e) {
                listenerFailure = e;
                cancelled = true;
            }
        }
    }

    /** Ranks every row in every metric, picks the best of the last round and refits it. */
    private SearchResult result(List<Halving.Round> ran, double cvSeconds) {
        Map<Scoring, int[]> ranks = new LinkedHashMap<>();
        for (Scoring m : metrics) {
            double[] mean = new double[rows.size()];
            for (int r = 0; r < mean.length; r++) {
                mean[r] = rows.get(r).meanScore(m);
            }
            ranks.put(m, Ranking.ranks(mean, m.greaterIsBetter()));
        }
        List<CandidateResult> results = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            Map<Scoring, Integer> rank = new LinkedHashMap<>();
            for (Map.Entry<Scoring, int[]> e : ranks.entrySet()) {
                rank.put(e.getKey(), e.getValue()[r]);
            }
            results.add(CandidateResult.of(rowCandidate(r), List.of(rows.get(r).splits()), spec.scoring(), rank,
                    rows.get(r).round()));
        }
        int best = bestOfLastRound();
        Optional<FittedModel> refit = Optional.empty();
        Optional<String> refitProblem = Optional.empty();
        if (spec.refit() && best >= 0) {
            try {
                refit = Optional.of(refit(best));
            } catch (SearchFits.FitProblem p) {
                refitProblem = Optional.of("the refit of candidate " + best + " on all rows " + p.outcome());
            }
            if (cancelled) {
                throw new SearchCancelledException(fitsDone(), fitsTotal(), "during the refit,");
            }
        }
        Optional<OutOfFold> outOfFold = Optional.empty();
        List<String> resultNotes = new ArrayList<>(notes);
        if (spec.outOfFold() && best >= 0) {
            Row row = rows.get(best);
            try {
                outOfFold = Optional.of(fits.outOfFold(row.candidate(), row.round(), row.resources(), () -> cancelled));
            } catch (SearchFits.FitProblem p) {
                resultNotes.add("no out-of-fold predictions: a fit of candidate " + best + " " + p.outcome());
            }
            if (cancelled) {
                throw new SearchCancelledException(fitsDone(), fitsTotal(), "during the out-of-fold predictions,");
            }
        }
        return new SearchResult(spec.scoring(), metrics, fits.splits(), results,
                best < 0 ? OptionalInt.empty() : OptionalInt.of(best), refit, refitProblem, resultNotes,
                SearchFits.secondsSince(startNanos),
                spec.parallelism(), cvSeconds, cpuUnmeasured ? Double.NaN : fitCpuNanos.get() / 1e9,
                fits.resource().isPresent() ? ran : List.of(), ReferenceResult.score(fits.folds(), metrics, fits.inputs()),
                outOfFold);
    }

    /**
     * Row {@code r}'s candidate as the result shows it: indexed by row, and with epochs halving its
     * parameters include the round's epochs, as scikit-learn adds the resource to a round's parameters.
     */
    private Candidate rowCandidate(int r) {
        Row row = rows.get(r);
        Candidate c = fits.candidates().get(row.candidate());
        if (fits.resource().isEmpty()) {
            return c;
        }
        SortedMap<String, Object> params = new TreeMap<>(c.params());
        SortedMap<String, String> texts = new TreeMap<>(c.texts());
        if (fits.overEpochs()) {
            params.put(Hyperparameters.EPOCHS, row.resources());
            texts.put(Hyperparameters.EPOCHS, Integer.toString(row.resources()));
        }
        return new Candidate(r, params, texts);
    }

    /** The first row of the last round with the best score in the ranking metric; -1 when none has one. */
    private int bestOfLastRound() {
        int last = rows.isEmpty() ? -1 : rows.get(rows.size() - 1).round();
        int best = -1;
        double bestScore = Double.NaN;
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).round() == last) {
                double mean = rows.get(r).meanScore(spec.scoring());
                if (spec.scoring().isBetter(mean, bestScore)) {
                    bestScore = mean;
                    best = r;
                }
            }
        }
        return best;
    }

    /**
     * Row {@code best}'s candidate trained on every row, seeded as split {@code splits} of that candidate;
     * with epochs halving for the last round's epochs.
     */
    private FittedModel refit(int best) throws SearchFits.FitProblem {
        int[] all = new int[data.rows()];
        Arrays.setAll(all, i -> i);
        Preprocessing p = Preprocessing.fit(data, all, spec.featureScaling(), spec.targetScaling());
        Row row = rows.get(best);
        int epochs = fits.overEpochs() ? row.resources() : 0;
        SearchFits.Trained t = fits.refit(row.candidate(), epochs, p, all, () -> cancelled);
        return new FittedModel(rowCandidate(best), t.model(), p, t.history());
    }

    private static ThreadFactory threadFactory(int search, String role) {
        AtomicInteger thread = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "lanes-search-" + search + "-" + role + "-" + thread.incrementAndGet());
            // A forgotten search must not keep the JVM alive.
            t.setDaemon(true);
            return t;
        };
    }
}
