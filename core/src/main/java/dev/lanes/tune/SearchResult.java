package dev.lanes.tune;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SortedMap;

/**
 * The outcome of a search, as scikit-learn's {@code cv_results_} plus {@code best_index_},
 * {@code best_params_}, {@code best_score_} and {@code best_estimator_}.
 *
 * @param scoring       the metric that ranked the candidates (errors lower-is-better, R² higher-is-better)
 * @param metrics       every metric the splits were scored on, {@code scoring} first
 * @param splits        the splits each candidate was fitted on: folds x repeats
 * @param candidates    one result per candidate, in candidate order
 * @param bestIndex     the first candidate of rank 1; empty when every candidate scored NaN
 * @param refit         the best candidate trained on all rows; empty when refit is off, there is no best,
 *                      or the refit failed ({@link #refitProblem})
 * @param refitProblem  why the refit failed or diverged, empty otherwise
 * @param notes         what the user should know about the search (e.g. n_iter capped, duplicates merged)
 * @param wallSeconds   wall time of the whole search, refit included
 * @param parallelism   threads the fits ran on
 * @param cvWallSeconds wall time of the cross-validation fits, from the first start to the last end
 * @param fitCpuSeconds CPU time the fit threads used in that time; NaN where the JVM cannot measure it
 * @param rounds        the rounds of a successive-halving search, as they ran; empty for an exhaustive
 *                      search. Then {@code candidates} has one row per candidate and round, and the best
 *                      is the best of the last round
 * @param references    the {@link ReferenceModel}s scored on the same splits in the same metrics
 * @param outOfFold     the best candidate's out-of-fold predictions, when the search was asked for them
 *                      ({@link SearchSpec#outOfFold}) and every refit of it trained
 */
public record SearchResult(Scoring scoring, List<Scoring> metrics, int splits, List<CandidateResult> candidates,
                           OptionalInt bestIndex, Optional<FittedModel> refit, Optional<String> refitProblem,
                           List<String> notes, double wallSeconds, int parallelism, double cvWallSeconds,
                           double fitCpuSeconds, List<Halving.Round> rounds, List<ReferenceResult> references,
                           Optional<OutOfFold> outOfFold) {

    /** Copies the lists and checks for nulls. */
    public SearchResult {
        Objects.requireNonNull(scoring, "scoring");
        metrics = List.copyOf(metrics);
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(bestIndex, "bestIndex");
        Objects.requireNonNull(refit, "refit");
        Objects.requireNonNull(refitProblem, "refitProblem");
        notes = List.copyOf(notes);
        rounds = List.copyOf(rounds);
        references = List.copyOf(references);
        Objects.requireNonNull(outOfFold, "outOfFold");
    }

    /** The best candidate's result. */
    public Optional<CandidateResult> best() {
        return bestIndex.isPresent() ? Optional.of(candidates.get(bestIndex.getAsInt())) : Optional.empty();
    }

    /** The best candidate's mean score in the ranking metric. */
    public OptionalDouble bestScore() {
        return bestIndex.isPresent() ? OptionalDouble.of(candidates.get(bestIndex.getAsInt()).meanScore())
                : OptionalDouble.empty();
    }

    /** The best candidate's typed parameters, sorted by name. */
    public Optional<SortedMap<String, Object>> bestParams() {
        return best().map(CandidateResult::params);
    }

    /** The best candidate's parameters as written, sorted by name. */
    public Optional<SortedMap<String, String>> bestParamTexts() {
        return best().map(CandidateResult::paramTexts);
    }

    /** Number of cross-validation fits (rows of {@link #candidates} x splits). */
    public int fits() {
        return candidates.size() * splits;
    }

    /** The resources of a row's round, 0 for an exhaustive search. */
    public int resources(CandidateResult row) {
        return rounds.isEmpty() ? 0 : rounds.get(row.round()).resources();
    }

    /**
     * How busy the fit threads kept their cores during the cross-validation: their CPU time over
     * (wall time x threads), 1 when no thread ever waited. NaN where CPU time cannot be measured.
     */
    public double coreUtilisation() {
        int threads = Math.max(1, Math.min(parallelism, fits()));
        return fitCpuSeconds / (cvWallSeconds * threads);
    }
}
