package dev.lanes.tune;

import java.util.Objects;
import java.util.Optional;

/**
 * One fit of one candidate on one fold: its test score (in the target's original units), timings,
 * epochs, and what went wrong if anything did. A fit that diverged or failed scores NaN and keeps its
 * reason; it never aborts the search.
 *
 * @param fold         the fold index, 0-based
 * @param testScore    the score on the fold's test rows, NaN unless {@link Status#OK}
 * @param fitSeconds   wall time of the training
 * @param scoreSeconds wall time of predicting and scoring the test rows (0 when not scored)
 * @param epochsRun    epochs completed (fewer than asked with early stopping or divergence)
 * @param status       how the fit ended
 * @param problem      why it diverged or failed; empty when {@link Status#OK}
 */
public record SplitResult(int fold, double testScore, double fitSeconds, double scoreSeconds, int epochsRun,
                          Status status, Optional<String> problem) {

    /** How a fit ended. */
    public enum Status {
        /** Trained and scored. */
        OK,
        /** The training or validation loss became NaN or infinite. */
        DIVERGED,
        /** The fit threw, or its test score was not a finite number. */
        FAILED
    }

    /** Checks that a score goes with OK and a problem with the other statuses. */
    public SplitResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(problem, "problem");
        if ((status == Status.OK) != problem.isEmpty() || (status == Status.OK) == Double.isNaN(testScore)) {
            throw new IllegalArgumentException("status " + status + " with score " + testScore + " and problem " + problem);
        }
    }

    /** A fit that trained and scored {@code score}. */
    static SplitResult ok(int fold, double score, double fitSeconds, double scoreSeconds, int epochsRun) {
        return new SplitResult(fold, score, fitSeconds, scoreSeconds, epochsRun, Status.OK, Optional.empty());
    }

    /** A fit that diverged or failed, for {@code reason}. */
    static SplitResult problem(int fold, Status status, String reason, double fitSeconds, double scoreSeconds,
                               int epochsRun) {
        return new SplitResult(fold, Double.NaN, fitSeconds, scoreSeconds, epochsRun, status, Optional.of(reason));
    }

    /** Whether the fit trained and scored. */
    public boolean ok() {
        return status == Status.OK;
    }
}
