package dev.lanes.tune;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Everything the search measured for one candidate, as one row of scikit-learn's {@code cv_results_}:
 * its parameters, the score of every split in every metric, their mean and (population) standard
 * deviation, its rank in each metric, fit and score times, epochs run and problems per split. The
 * accessors without a metric ({@link #meanScore()}, {@link #rank()}, ...) are those of the ranking metric.
 *
 * @param candidate        the candidate: index and parameters, typed and as written
 * @param splits           one result per split, in split order
 * @param scoring          the metric that ranks the candidates
 * @param ranks            the rank in each metric of {@link #metrics()}: 1 = best; equal means share the
 *                         smallest rank; NaN means rank after all numbers
 * @param meanFitSeconds   mean training time per split
 * @param stdFitSeconds    its population standard deviation
 * @param meanScoreSeconds mean scoring time per split
 * @param stdScoreSeconds  its population standard deviation
 * @param round            the round of a successive-halving search ({@code iter}), 0 in an exhaustive one
 */
public record CandidateResult(Candidate candidate, List<SplitResult> splits, Scoring scoring, Map<Scoring, Integer> ranks,
                              double meanFitSeconds, double stdFitSeconds, double meanScoreSeconds,
                              double stdScoreSeconds, int round) {

    /** Copies the list and the map and checks that every metric has a rank >= 1. */
    public CandidateResult {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(scoring, "scoring");
        splits = List.copyOf(splits);
        ranks = Collections.unmodifiableMap(new LinkedHashMap<>(ranks));
        if (splits.isEmpty()) {
            throw new IllegalArgumentException("a candidate result needs at least one split");
        }
        if (!ranks.keySet().equals(splits.get(0).testScores().keySet())) {
            throw new IllegalArgumentException("ranks " + ranks.keySet() + " for metrics "
                    + splits.get(0).testScores().keySet());
        }
        for (int r : ranks.values()) {
            if (r < 1) {
                throw new IllegalArgumentException("a rank must be >= 1 but was " + r);
            }
        }
    }

    /** The result of {@code candidate} in {@code round} with these splits and ranks; times averaged. */
    static CandidateResult of(Candidate candidate, List<SplitResult> splits, Scoring scoring, Map<Scoring, Integer> ranks,
                              int round) {
        double[] fit = splits.stream().mapToDouble(SplitResult::fitSeconds).toArray();
        double[] score = splits.stream().mapToDouble(SplitResult::scoreSeconds).toArray();
        return new CandidateResult(candidate, splits, scoring, ranks, mean(fit), std(fit), mean(score), std(score), round);
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

    /** The metrics every split was scored on, the ranking one first. */
    public List<Scoring> metrics() {
        return List.copyOf(ranks.keySet());
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

    /** The test score of each split in the ranking metric, in split order ({@code split<k>_test_score}). */
    public double[] splitScores() {
        return splitScores(scoring);
    }

    /** The test score of each split in {@code metric} ({@code split<k>_test_<metric>}). */
    public double[] splitScores(Scoring metric) {
        return splits.stream().mapToDouble(s -> s.testScore(metric)).toArray();
    }

    /** The mean test score in the ranking metric ({@code mean_test_score}); NaN if any split is. */
    public double meanScore() {
        return meanScore(scoring);
    }

    /** The mean test score in {@code metric}; NaN if any split is. */
    public double meanScore(Scoring metric) {
        return mean(splitScores(metric));
    }

    /** The population standard deviation of the test scores in the ranking metric. */
    public double stdScore() {
        return stdScore(scoring);
    }

    /** The population standard deviation of the test scores in {@code metric}. */
    public double stdScore(Scoring metric) {
        return std(splitScores(metric));
    }

    /** The rank in the ranking metric ({@code rank_test_score}). */
    public int rank() {
        return ranks.get(scoring);
    }

    /** The rank in {@code metric}. */
    public int rank(Scoring metric) {
        Integer r = ranks.get(metric);
        if (r == null) {
            throw new IllegalArgumentException(metric + " was not scored; the metrics are " + ranks.keySet());
        }
        return r;
    }

    /** Whether the splits were also scored on their training rows. */
    public boolean hasTrainScores() {
        return !splits.get(0).trainScores().isEmpty();
    }

    /** The training-rows score of each split in {@code metric} ({@code split<k>_train_<metric>}). */
    public double[] splitTrainScores(Scoring metric) {
        return splits.stream().mapToDouble(s -> s.trainScore(metric)).toArray();
    }

    /** The mean training-rows score in {@code metric}; NaN when not computed or if any split is NaN. */
    public double meanTrainScore(Scoring metric) {
        return mean(splitTrainScores(metric));
    }

    /** The population standard deviation of the training-rows scores in {@code metric}. */
    public double stdTrainScore(Scoring metric) {
        return std(splitTrainScores(metric));
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
