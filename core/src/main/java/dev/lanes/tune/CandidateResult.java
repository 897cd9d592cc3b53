package dev.lanes.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Everything the search measured for one candidate, as one row of scikit-learn's {@code cv_results_}:
 * its parameters, the test score of every split, their mean and (population) standard deviation, its
 * rank, fit and score times, epochs run and problems per split.
 *
 * @param candidate        the candidate: index and parameters, typed and as written
 * @param splits           one result per fold, in fold order
 * @param meanScore        mean of the split scores; NaN if any split is NaN
 * @param stdScore         population standard deviation of the split scores (numpy's default); NaN if any is
 * @param rank             1 = best; equal means share the smallest rank; NaN means rank after all numbers
 * @param meanFitSeconds   mean training time per split
 * @param stdFitSeconds    its population standard deviation
 * @param meanScoreSeconds mean scoring time per split
 * @param stdScoreSeconds  its population standard deviation
 */
public record CandidateResult(Candidate candidate, List<SplitResult> splits, double meanScore, double stdScore,
                              int rank, double meanFitSeconds, double stdFitSeconds, double meanScoreSeconds,
                              double stdScoreSeconds) {

    /** Copies the list. */
    public CandidateResult {
        Objects.requireNonNull(candidate, "candidate");
        splits = List.copyOf(splits);
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be >= 1 but was " + rank);
        }
    }

    /** The result of {@code candidate} with these splits and rank; means and deviations computed. */
    static CandidateResult of(Candidate candidate, List<SplitResult> splits, int rank) {
        double[] scores = splits.stream().mapToDouble(SplitResult::testScore).toArray();
        double[] fit = splits.stream().mapToDouble(SplitResult::fitSeconds).toArray();
        double[] score = splits.stream().mapToDouble(SplitResult::scoreSeconds).toArray();
        return new CandidateResult(candidate, splits, mean(scores), std(scores), rank, mean(fit), std(fit),
                mean(score), std(score));
    }

    /** The arithmetic mean, summed in order; NaN if any value is. */
    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The population standard deviation, as numpy's {@code std} with {@code ddof=0}. */
    static double std(double[] values) {
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / values.length);
    }

    /** The candidate's index. */
    public int index() {
        return candidate.index();
    }

    /** The typed parameters, sorted by name. */
    public SortedMap<String, Object> params() {
        return candidate.params();
    }

    /** The parameters as written, sorted by name. */
    public SortedMap<String, String> paramTexts() {
        return candidate.texts();
    }

    /** The test score of each split, in fold order ({@code split<k>_test_score}). */
    public double[] splitScores() {
        return splits.stream().mapToDouble(SplitResult::testScore).toArray();
    }

    /** Epochs run in each split. */
    public int[] epochsRun() {
        return splits.stream().mapToInt(SplitResult::epochsRun).toArray();
    }

    /** Whether every split trained and scored. */
    public boolean ok() {
        return splits.stream().allMatch(SplitResult::ok);
    }

    /** The problems of the splits that diverged or failed, as {@code fold 2: <reason>}. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        for (SplitResult s : splits) {
            s.problem().ifPresent(p -> out.add("fold " + s.fold() + ": " + p));
        }
        return out;
    }
}
