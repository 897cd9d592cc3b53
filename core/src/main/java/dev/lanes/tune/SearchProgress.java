package dev.lanes.tune;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Where a search stands after one more fit.
 *
 * @param fitsDone      fits finished so far, this one included
 * @param fitsTotal     fits of the whole search (candidates x folds, without the refit)
 * @param elapsed       wall time since the search started
 * @param eta           estimated wall time left: elapsed per fit so far times fits left
 * @param bestMeanScore best mean score among candidates whose folds are all done; empty before the first
 *                      complete candidate with a number
 * @param candidate     index of the candidate just fitted
 * @param fold          fold just fitted
 * @param split         what that fit produced
 */
public record SearchProgress(int fitsDone, int fitsTotal, Duration elapsed, Duration eta, OptionalDouble bestMeanScore,
                             int candidate, int fold, SplitResult split) {

    /** Checks for nulls. */
    public SearchProgress {
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(eta, "eta");
        Objects.requireNonNull(bestMeanScore, "bestMeanScore");
        Objects.requireNonNull(split, "split");
    }

    /** One line for a log: {@code fit 12/216 (5%), 0:42 elapsed, ETA 12:18, best 2.79e9}. */
    @Override
    public String toString() {
        return "fit " + fitsDone + "/" + fitsTotal + " (" + (100 * fitsDone / fitsTotal) + "%), " + clock(elapsed)
                + " elapsed, ETA " + clock(eta)
                + (bestMeanScore.isPresent() ? ", best " + String.format("%.6g", bestMeanScore.getAsDouble()) : "");
    }

    private static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
