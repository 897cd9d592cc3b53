package dev.lanes.maven.job;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code gridsearch.json}, the one schema of a search's results: the worker writes these records and the
 * build reads them back, for this run and for a baseline committed from an earlier one. Names are
 * {@code snake_case}; a number JSON cannot hold (NaN for a failed fit) is written as {@code null} and read
 * back as NaN ({@link Json}). {@link #FORMAT} changes whenever a reader would have to. Read with
 * {@link Json#strictly}, a document with a field missing, unknown or of another type is refused with the
 * field's path, and one that contradicts itself (split counts, metrics, {@code best_index}) by this record.
 *
 * <p>It has no wall-clock times (they are in {@link Timings}), so the same seed, data and grid give the
 * same bytes whatever the parallelism.
 *
 * @param format           {@link #FORMAT}
 * @param pluginVersion    the plugin's version
 * @param dataset          what was read
 * @param search           how the search was set up and how big it was
 * @param environment      what the numbers may depend on besides the data: the JDK and the SIMD kernels
 * @param bestIndex        the best candidate's index in {@code candidates}, null when every candidate failed
 * @param bestParams       its parameters as written, empty when there is none
 * @param bestScore        its mean score in the ranking metric, NaN when there is none
 * @param bestScores       its mean score in every metric, by short name; empty when there is none
 * @param referenceModels  each reference model's scores by metric, by model name ({@code mean},
 *                         {@code linear_regression})
 * @param candidates       one per candidate (with successive halving one per candidate and round), in
 *                         candidate order
 * @param refit            the best candidate refitted on all rows
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GridSearchResults(String format, String pluginVersion, DatasetInfo dataset, SearchInfo search,
                                Environment environment, Integer bestIndex, Map<String, String> bestParams,
                                double bestScore, Map<String, Double> bestScores,
                                Map<String, Map<String, Scores>> referenceModels, List<Candidate> candidates,
                                Refit refit) {

    /** The layout this plugin writes and reads. */
    public static final String FORMAT = "lanes-gridsearch/2";

    /** Refuses a document whose parts are missing (Jackson leaves them null). */
    public GridSearchResults {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(pluginVersion, "plugin_version");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(environment, "environment");
        bestParams = Json.orderedCopy(Objects.requireNonNull(bestParams, "best_params"));
        bestScores = Json.orderedCopy(Objects.requireNonNull(bestScores, "best_scores"));
        referenceModels = Json.orderedCopy(Objects.requireNonNull(referenceModels, "reference_models"));
        candidates = List.copyOf(Objects.requireNonNull(candidates, "candidates"));
        Objects.requireNonNull(refit, "refit");
        if (bestIndex != null && (bestIndex < 0 || bestIndex >= candidates.size())) {
            throw new IllegalArgumentException("best_index " + bestIndex + " is not the index of one of the "
                    + candidates.size() + " candidates");
        }
        List<String> metrics = search.metrics();
        for (Candidate c : candidates) {
            consistent("candidates[" + c.index() + "].test", c.test(), metrics, search.splits());
            if (!c.train().isEmpty()) {
                consistent("candidates[" + c.index() + "].train", c.train(), metrics, search.splits());
            }
        }
        referenceModels.forEach((name, scores) -> consistent("reference_models." + name, scores, metrics, search.splits()));
    }

    /** Scores in every metric of the search, each with one score per split, or the document contradicts itself. */
    private static void consistent(String where, Map<String, Scores> scores, List<String> metrics, int splits) {
        if (!scores.keySet().equals(Set.copyOf(metrics))) {
            throw new IllegalArgumentException(where + " has the metrics " + scores.keySet() + "; the search scored "
                    + metrics);
        }
        scores.forEach((metric, s) -> {
            if (s.splits().size() != splits) {
                throw new IllegalArgumentException(where + "." + metric + " has " + s.splits().size()
                        + " split scores; the search has " + splits + " splits (folds x repeats)");
            }
        });
    }

    /** The best candidate, empty when every candidate failed. */
    @JsonIgnore
    public Optional<Candidate> best() {
        return bestIndex == null ? Optional.empty() : Optional.of(candidates.get(bestIndex));
    }

    /**
     * The data set.
     *
     * @param file          the CSV file as configured
     * @param sha256        its SHA-256, which a baseline's must match
     * @param target        the target column
     * @param include       feature columns asked for, empty for all but the target
     * @param exclude       columns left out
     * @param delimiter     the delimiter, null when it was detected
     * @param missing       the missing-value policy
     * @param categorical   the one-hot encoded columns
     * @param rows          rows used
     * @param droppedRows   rows dropped for a missing value
     * @param features      the feature columns after encoding, as the model reads them
     * @param targetSummary the target's spread
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DatasetInfo(String file, String sha256, String target, List<String> include, List<String> exclude,
                              String delimiter, String missing, List<String> categorical, int rows, int droppedRows,
                              List<String> features, TargetSummary targetSummary) {

        /** Refuses missing parts. */
        public DatasetInfo {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(target, "target");
            include = List.copyOf(Objects.requireNonNull(include, "include"));
            exclude = List.copyOf(Objects.requireNonNull(exclude, "exclude"));
            Objects.requireNonNull(missing, "missing");
            categorical = List.copyOf(Objects.requireNonNull(categorical, "categorical"));
            features = List.copyOf(Objects.requireNonNull(features, "features"));
            Objects.requireNonNull(targetSummary, "target_summary");
        }
    }

    /**
     * The target's spread over the rows, which tells whether any score means something.
     *
     * @param mean the mean
     * @param std  the population standard deviation
     * @param min  the smallest value
     * @param max  the largest value
     */
    public record TargetSummary(double mean, double std, double min, double max) {

        /** The summary of {@code y}. */
        public static TargetSummary of(float[] y) {
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (float v : y) {
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            double mean = sum / y.length;
            double squares = 0;
            for (float v : y) {
                squares += (v - mean) * (v - mean);
            }
            return new TargetSummary(mean, Math.sqrt(squares / y.length), min, max);
        }

        /**
         * Whether the target is constant, or so nearly that float32 cannot tell its values apart: then every
         * model's error is about 0 and its R² 0, and a threshold on them judges nothing.
         */
        public boolean degenerate() {
            return max == min || std <= 1e-6 * Math.abs(mean);
        }
    }

    /**
     * The search's set-up and size.
     *
     * @param type             {@code grid} or {@code random}
     * @param nIter            candidates drawn by a random search, null for a grid
     * @param grids            the grids as written: hyperparameter name to values
     * @param folds            K of the K-fold
     * @param repeats          how many times the K-fold split was made
     * @param shuffle          whether rows were shuffled before splitting (always)
     * @param seed             the seed of the folds, draws and fits
     * @param scoring          the metric candidates are ranked by
     * @param extraMetrics     further metrics every split was scored on
     * @param returnTrainScore whether splits were scored on their training rows too
     * @param halving          successive halving, null when every candidate was fitted fully
     * @param featureScaling   the features' scaling
     * @param targetScaling    the target's scaling
     * @param candidates       candidates searched
     * @param fits             fits trained, the refit and the reference models left out
     * @param notes            what the search wants a reader to know (a clamp, a dropped value)
     * @param rounds           the rounds of successive halving, empty without it
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SearchInfo(String type, Integer nIter, List<Map<String, List<String>>> grids, int folds, int repeats,
                             boolean shuffle, long seed, String scoring, List<String> extraMetrics,
                             boolean returnTrainScore, HalvingInfo halving, String featureScaling,
                             String targetScaling, int candidates, int fits, List<String> notes, List<Round> rounds) {

        /** Refuses missing parts. */
        public SearchInfo {
            Objects.requireNonNull(type, "type");
            grids = List.copyOf(Objects.requireNonNull(grids, "grids"));
            Objects.requireNonNull(scoring, "scoring");
            extraMetrics = List.copyOf(Objects.requireNonNull(extraMetrics, "extra_metrics"));
            Objects.requireNonNull(featureScaling, "feature_scaling");
            Objects.requireNonNull(targetScaling, "target_scaling");
            notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
            rounds = List.copyOf(Objects.requireNonNull(rounds, "rounds"));
        }

        /** The ranking metric, then the extra metrics. */
        @JsonIgnore
        public List<String> metrics() {
            List<String> all = new ArrayList<>(List.of(scoring));
            all.addAll(extraMetrics);
            return all;
        }

        /** The splits every candidate is fitted on: folds x repeats. */
        @JsonIgnore
        public int splits() {
            return folds * repeats;
        }
    }

    /**
     * Successive halving as configured, written as scikit-learn's {@code HalvingGridSearchCV} takes it.
     *
     * @param resource              {@code epochs} or {@code rows}
     * @param factor                the fraction of candidates kept each round is 1/factor
     * @param minResources          a number, {@code exhaust} or {@code smallest}
     * @param maxResources          a number or {@code auto}
     * @param aggressiveElimination whether rounds were added to end with few candidates
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record HalvingInfo(String resource, double factor, String minResources, String maxResources,
                              boolean aggressiveElimination) {
    }

    /**
     * One round of successive halving.
     *
     * @param iter        its number, from 0
     * @param nCandidates candidates fitted in it
     * @param nResources  epochs or rows each fit had
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Round(int iter, int nCandidates, int nResources) {
    }

    /**
     * The JDK and SIMD kernels the numbers came from.
     *
     * @param javaVersion    {@code java.version}
     * @param javaVendor     {@code java.vendor}
     * @param javaVm         the VM's name and version
     * @param osArch         {@code os.arch}
     * @param simdEnabled    whether the Vector API kernels ran
     * @param simdFloatLanes their float lanes
     * @param simd           the kernels, described
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Environment(String javaVersion, String javaVendor, String javaVm, String osArch, boolean simdEnabled,
                              int simdFloatLanes, String simd) {
    }

    /**
     * A candidate's scores in one metric.
     *
     * @param splits the score of every split, in split order (NaN for a failed fit)
     * @param mean   their mean
     * @param std    their population standard deviation
     */
    public record Scores(List<Double> splits, double mean, double std) {

        /** Refuses a missing list. */
        public Scores {
            splits = List.copyOf(Objects.requireNonNull(splits, "splits"));
        }

        /** The splits' scores as an array. */
        public double[] splitArray() {
            return splits.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /**
     * One candidate (and, with successive halving, one round of it).
     *
     * @param index      its index in {@code candidates}
     * @param iter       its round of successive halving, null without it
     * @param nResources the epochs or rows of its fits in that round, null without it
     * @param params     its parameters as written
     * @param rank       1 = best in the ranking metric; failed candidates rank last
     * @param test       its scores on the test folds, by metric (the ranking metric first)
     * @param train      its scores on the training folds, by metric; empty unless asked for
     * @param splits     how each split's fit ended
     * @param problems   what went wrong in its fits, empty when nothing did
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Candidate(int index, Integer iter, Integer nResources, Map<String, String> params, int rank,
                            Map<String, Scores> test, Map<String, Scores> train, List<Split> splits,
                            List<String> problems) {

        /** Refuses missing parts. */
        public Candidate {
            params = Json.orderedCopy(Objects.requireNonNull(params, "params"));
            test = Json.orderedCopy(Objects.requireNonNull(test, "test"));
            train = Json.orderedCopy(Objects.requireNonNull(train, "train"));
            splits = List.copyOf(Objects.requireNonNull(splits, "splits"));
            problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        }

        /** Its round of successive halving, 0 without it. */
        @JsonIgnore
        public int round() {
            return iter == null ? 0 : iter;
        }
    }

    /**
     * How one split's fit ended.
     *
     * @param status    {@code ok}, {@code diverged} or {@code failed}
     * @param epochsRun epochs trained (fewer than asked when early stopping stopped it)
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Split(String status, int epochsRun) {
    }

    /**
     * The best candidate refitted on all rows.
     *
     * @param index       the candidate refitted, null when there was none
     * @param model       the saved model's file name, null when the refit failed or there was none
     * @param problem     why the refit failed, null when it did not
     * @param historyNote what {@code history} holds
     * @param history     its loss per epoch
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Refit(Integer index, String model, String problem, String historyNote, List<Epoch> history) {

        /** Refuses a missing history. */
        public Refit {
            history = List.copyOf(Objects.requireNonNull(history, "history"));
        }
    }

    /**
     * One epoch of the refit.
     *
     * @param epoch        its number, from 1 as Keras prints it
     * @param loss         the training loss, on the scaled target
     * @param valLoss      the validation loss, NaN without validation
     * @param learningRate the learning rate it trained with
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Epoch(int epoch, double loss, double valLoss, double learningRate) {
    }
}
