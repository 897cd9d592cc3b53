package dev.lanes.tune;

import dev.lanes.base.Matrix;
import dev.lanes.base.Rng;
import dev.lanes.data.Dataset;
import dev.lanes.data.Preprocessing;
import dev.lanes.nn.Callback;
import dev.lanes.nn.FitOptions;
import dev.lanes.nn.History;
import dev.lanes.nn.Model;
import dev.lanes.nn.Training;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The cross-validation fits of one search as work that any JVM can do: the data set, the distinct
 * candidates, and the settings a fit depends on (splits, seeds, metrics, halving), with the routine
 * that trains and scores one {@link FitTask}.
 *
 * <p>A fit depends on nothing else, so the same task gives the same {@link SplitResult} (timings
 * aside) on whichever thread or machine it runs. It is {@link Serializable} for that reason: a
 * {@link FitExecutor} may send it to other JVMs, where the splits are cut and preprocessed again,
 * once per copy. Its serial form is the data and the candidates' canonical texts, not the
 * {@link SearchSpace} they came from.
 *
 * <p>With successive halving over epochs, a copy keeps each fit's training between rounds and goes on
 * from there; a copy that has not seen a fit's earlier rounds trains it from the start up to the
 * round's epochs, which gives the same weights, since an epoch depends only on the model, the seeds
 * and the epoch's number.
 */
public final class SearchFits implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Dataset data;
    private final FoldSet.Recipe recipe;
    private final List<Candidate> candidates;
    private final Scoring scoring;
    private final List<Scoring> metrics;
    private final boolean returnTrainScore;
    private final Optional<Halving> halving;

    private final transient List<TrainingSetup> setups;
    private final transient int inputs;
    private final transient List<Halving.Round> plan;
    private final transient Map<Integer, FoldSet> subsamples = new ConcurrentHashMap<>();
    private final transient Map<Long, Session> sessions = new ConcurrentHashMap<>();
    private transient volatile FoldSet folds;

    /** An epochs-halving fit between rounds: its model, the training that goes on, and its last round. */
    private record Session(Model model, Training training, int round) {
    }

    /** A trained network and its history. */
    record Trained(Model model, History history, double seconds) {
    }

    /** A fit that threw or diverged, with how far it got. */
    static final class FitProblem extends Exception {
        @Serial
        private static final long serialVersionUID = 1L;
        final SplitResult.Status status;
        final double seconds;
        final int epochsRun;
        final List<Double> trainingLoss;

        FitProblem(SplitResult.Status status, String reason, double seconds, int epochsRun, List<Double> trainingLoss) {
            super(reason);
            this.status = status;
            this.seconds = seconds;
            this.epochsRun = epochsRun;
            this.trainingLoss = List.copyOf(trainingLoss);
        }

        FitProblem(SplitResult.Status status, String reason, double seconds) {
            this(status, reason, seconds, 0, List.of());
        }

        /** {@code diverged: <reason>} or {@code failed: <reason>}. */
        String outcome() {
            return (status == SplitResult.Status.DIVERGED ? "diverged: " : "failed: ") + getMessage();
        }
    }

    private SearchFits(Dataset data, FoldSet.Recipe recipe, List<Candidate> candidates, Scoring scoring,
                       List<Scoring> metrics, boolean returnTrainScore, Optional<Halving> halving) {
        this.data = data;
        this.recipe = recipe;
        this.candidates = List.copyOf(candidates);
        this.scoring = scoring;
        this.metrics = List.copyOf(metrics);
        this.returnTrainScore = returnTrainScore;
        this.halving = halving;
        this.setups = candidates.stream().map(c -> TrainingSetup.of(c.params())).toList();
        this.inputs = data.featureNames().size();
        this.plan = halving.map(this::halvingPlan).orElse(List.of(new Halving.Round(0, candidates.size(), 0)));
    }

    /**
     * The fits of {@code spec} on {@code data}: its space's distinct candidates (a note in {@code notes}
     * for each one left out as the same as an earlier one), validated, and the rounds planned.
     *
     * @throws IllegalArgumentException when a candidate is not valid or the halving plan cannot be made
     */
    static SearchFits of(Dataset data, SearchSpec spec, List<String> notes) {
        List<Candidate> distinct = Candidate.distinct(spec.space().candidates(spec.seed()), notes);
        return new SearchFits(data, FoldSet.Recipe.of(spec), distinct, spec.scoring(), spec.allMetrics(),
                spec.returnTrainScore(), spec.halving());
    }

    /** The rounds of {@code h} for these candidates, after checking that the grid leaves the resource free. */
    private List<Halving.Round> halvingPlan(Halving h) {
        if (h.resource() == Halving.Resource.EPOCHS) {
            for (Candidate c : candidates) {
                if (c.params().containsKey(Hyperparameters.EPOCHS)) {
                    throw new IllegalArgumentException("epochs is the resource of the halving search, so the grid cannot "
                            + "set it (candidate " + c.index() + " " + c + "): remove epochs from the grid; max_resources "
                            + "sets the epochs of the last round");
                }
            }
            return h.plan(candidates.size(), 1, setups.get(0).epochs());
        }
        // scikit-learn's 'smallest' for a regressor: twice cv.get_n_splits(), which counts the repeats too.
        return h.plan(candidates.size(), 2 * splits(), data.rows());
    }

    /** The data set. */
    public Dataset data() {
        return data;
    }

    /** The distinct candidates, indexed from 0 in order. */
    public List<Candidate> candidates() {
        return candidates;
    }

    /** Splits per candidate and round: folds x repeats. */
    public int splits() {
        return recipe.folds() * recipe.repeats();
    }

    /** The rounds as planned: one round of every candidate without halving. */
    List<Halving.Round> plan() {
        return plan;
    }

    /** What the rounds give more of; empty for an exhaustive search. */
    Optional<Halving.Resource> resource() {
        return halving.map(Halving::resource);
    }

    /** Whether the rounds give more epochs, so that a fit's epochs come from its round. */
    boolean overEpochs() {
        return resource().equals(Optional.of(Halving.Resource.EPOCHS));
    }

    /** The training set-up of candidate {@code c}. */
    TrainingSetup setup(int c) {
        return setups.get(c);
    }

    /** The number of input features. */
    int inputs() {
        return inputs;
    }

    /** The full splits, cut and preprocessed the first time they are needed. */
    FoldSet folds() {
        FoldSet f = folds;
        if (f == null) {
            synchronized (this) {
                f = folds;
                if (f == null) {
                    f = FoldSet.prepare(data, recipe);
                    folds = f;
                }
            }
        }
        return f;
    }

    /** The splits of round {@code round}: subsampled when the round's resource is rows. */
    FoldSet folds(int round, int resources) {
        if (!resource().equals(Optional.of(Halving.Resource.N_SAMPLES))) {
            return folds();
        }
        return subsamples.computeIfAbsent(round, r -> FoldSet.subsample(data, recipe, (double) resources / data.rows(),
                new Rng(recipe.seed() + r).nextLong()));
    }

    /** Lets go of what rounds before {@code round} kept: their subsamples, and the sessions of candidates not in {@code kept}. */
    void forgetBefore(int round, Set<Integer> kept) {
        subsamples.keySet().removeIf(r -> r < round);
        sessions.keySet().removeIf(key -> !kept.contains((int) (key >>> 32)));
    }

    /**
     * Fits {@code task}'s candidate on its split with the task's resources and scores it in every
     * metric, on the test rows (and the training rows if the search returns train scores), in the
     * target's original units. A fit that throws or diverges is a result with NaN scores and the reason,
     * never an exception.
     *
     * @param cancelled asked after every epoch; the fit stops early when it says so (its result is then
     *                  of no use)
     */
    public SplitResult fit(FitTask task, BooleanSupplier cancelled) {
        FoldSet.Split split = folds(task.round(), task.resources()).get(task.split());
        int s = task.split();
        Trained trained;
        try {
            trained = train(task, split, cancelled);
        } catch (FitProblem p) {
            return SplitResult.problem(s, metrics, returnTrainScore, p.status, p.getMessage(), p.seconds, 0, p.epochsRun,
                    p.trainingLoss);
        }
        int epochs = trained.history.epochsRun();
        List<Double> loss = losses(trained.history);
        long scoreStart = System.nanoTime();
        Map<Scoring, Double> test;
        Map<Scoring, Double> train = Map.of();
        try {
            test = scores(trained.model, split.testX(), split.testY(), split);
            if (returnTrainScore) {
                train = scores(trained.model, split.trainX(), split.trainY().toArray(), split);
            }
        } catch (RuntimeException e) {
            return SplitResult.problem(s, metrics, returnTrainScore, SplitResult.Status.FAILED,
                    "scoring failed: " + describe(e), trained.seconds, secondsSince(scoreStart), epochs, loss);
        }
        double scoreSeconds = secondsSince(scoreStart);
        double score = test.get(scoring);
        if (!Double.isFinite(score)) {
            return SplitResult.problem(s, metrics, returnTrainScore, SplitResult.Status.FAILED, "the test "
                    + scoring.shortName() + " is " + score + " (the predictions are not all finite numbers)",
                    trained.seconds, scoreSeconds, epochs, loss);
        }
        return SplitResult.ok(s, scoring, test, train, trained.seconds, scoreSeconds, epochs, loss);
    }

    /**
     * Candidate {@code c}'s fits on the folds of the first repeat, trained again exactly as in the
     * cross-validation (the same seeds, so the same weights), and their predictions for each fold's test
     * rows.
     */
    OutOfFold outOfFold(int c, int round, int resources, BooleanSupplier cancelled) throws FitProblem {
        List<Double> actual = new ArrayList<>();
        List<Double> predicted = new ArrayList<>();
        FoldSet splits = folds(round, resources);
        for (int s = 0; s < recipe.folds(); s++) {
            FoldSet.Split split = splits.get(s);
            Trained trained = train(new FitTask(c, s, round, resources), split, cancelled);
            float[] p = trained.model.predict(split.testX()).toArray();
            for (int i = 0; i < p.length; i++) {
                actual.add(split.preprocessing().inverseTarget(split.testY()[i]));
                predicted.add(split.preprocessing().inverseTarget(p[i]));
            }
        }
        return new OutOfFold(actual, predicted);
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

    /**
     * Trains {@code task}'s candidate on its split: afresh, or with epochs halving by going on with the
     * training of the earlier rounds when this copy ran them.
     */
    private Trained train(FitTask task, FoldSet.Split split, BooleanSupplier cancelled) throws FitProblem {
        int c = task.candidate();
        FitSeeds seeds = FitSeeds.of(recipe.seed(), candidates.get(c), task.split());
        String place = Integer.toString(task.split());
        if (!overEpochs()) {
            return train(c, place, seeds, split.trainX(), split.trainY(), 0, cancelled);
        }
        long start = System.nanoTime();
        long key = (long) c << 32 | task.split();
        // A copy that gets no say in the promotions (on another JVM) lets go of the fits that sat out a round.
        sessions.values().removeIf(old -> old.round() < task.round() - 1);
        try {
            Session session = sessions.get(key);
            if (session == null) {
                Model model = setups.get(c).network(inputs).build(seeds.weights());
                session = new Session(model, model.startFit(split.trainX(), split.trainY(),
                        fitOptions(c, place, seeds, plan.get(plan.size() - 1).resources(), cancelled)), task.round());
            }
            sessions.put(key, new Session(session.model(), session.training(), task.round()));
            History history = session.training().continueTo(task.resources());
            return trained(session.model(), history, start);
        } catch (RuntimeException e) {
            throw new FitProblem(SplitResult.Status.FAILED, "training failed: " + describe(e), secondsSince(start));
        }
    }

    /**
     * Candidate {@code c} trained on all rows, seeded as split {@link #splits()} of that candidate, for
     * {@code epochs} epochs (as many as its set-up says when 0), with a preprocessing fitted on all rows.
     */
    Trained refit(int c, int epochs, Preprocessing p, int[] all, BooleanSupplier cancelled) throws FitProblem {
        return train(c, "refit", FitSeeds.of(recipe.seed(), candidates.get(c), splits()), p.features(data, all),
                p.target(data, all), epochs, cancelled);
    }

    /** The one training routine of the fits and the refit; {@code split} names the fit in its callbacks' files. */
    private Trained train(int c, String split, FitSeeds seeds, Matrix x, Matrix y, int epochs, BooleanSupplier cancelled)
            throws FitProblem {
        long start = System.nanoTime();
        Model model;
        History history;
        try {
            model = setups.get(c).network(inputs).build(seeds.weights());
            history = model.fit(x, y, fitOptions(c, split, seeds, epochs, cancelled));
        } catch (RuntimeException e) {
            throw new FitProblem(SplitResult.Status.FAILED, "training failed: " + describe(e), secondsSince(start));
        }
        return trained(model, history, start);
    }

    private FitOptions fitOptions(int c, String split, FitSeeds seeds, int epochs, BooleanSupplier cancelled) {
        Callback stop = () -> (logs, control) -> {
            if (cancelled.getAsBoolean()) {
                control.stop();
            }
        };
        FitOptions options = TrainingSetup.placeFiles(setups.get(c).fitOptions(seeds.training(), stop), c, split);
        return epochs > 0 ? options.epochs(epochs) : options;
    }

    private static Trained trained(Model model, History history, long start) throws FitProblem {
        if (history.diverged()) {
            throw new FitProblem(SplitResult.Status.DIVERGED, history.divergence().orElseThrow().reason(),
                    secondsSince(start), history.epochsRun(), losses(history));
        }
        return new Trained(model, history, secondsSince(start));
    }

    /** The training loss of every epoch of {@code history}. */
    private static List<Double> losses(History history) {
        return Arrays.stream(history.loss()).boxed().collect(Collectors.toList());
    }

    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Serial
    private Object writeReplace() {
        List<Map<String, String>> canonical = new ArrayList<>();
        List<Map<String, String>> texts = new ArrayList<>();
        for (Candidate c : candidates) {
            Map<String, String> m = new LinkedHashMap<>();
            c.params().forEach((name, typed) -> m.put(name, Hyperparameters.format(name, typed)));
            canonical.add(m);
            texts.add(new LinkedHashMap<>(c.texts()));
        }
        return new Form(data, recipe, canonical, texts, scoring, new ArrayList<>(metrics), returnTrainScore,
                halving.orElse(null));
    }

    /**
     * The serial form: candidates as the canonical texts of their values, which parse back to the same
     * typed values (and so to the same seeds), and the texts as written, for messages.
     */
    private record Form(Dataset data, FoldSet.Recipe recipe, List<Map<String, String>> canonical,
                        List<Map<String, String>> texts, Scoring scoring, List<Scoring> metrics, boolean returnTrainScore,
                        Halving halving) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        @Serial
        private Object readResolve() {
            List<Candidate> candidates = new ArrayList<>();
            for (int i = 0; i < canonical.size(); i++) {
                Map<String, Object> params = new LinkedHashMap<>();
                canonical.get(i).forEach((name, text) -> params.put(name, Hyperparameters.parse(name, text)));
                candidates.add(new Candidate(i, new TreeMap<>(params), new TreeMap<>(texts.get(i))));
            }
            return new SearchFits(data, recipe, candidates, scoring, metrics, returnTrainScore, Optional.ofNullable(halving));
        }
    }

    @Override
    public String toString() {
        return candidates.size() + " candidates x " + splits() + " splits of " + data.rows() + " rows";
    }
}
