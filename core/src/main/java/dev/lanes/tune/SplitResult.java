package dev.lanes.tune;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One fit of one candidate on one split: its scores on the split's test rows in every metric of the
 * search (in the target's original units), optionally on its training rows too, timings, epochs, and
 * what went wrong if anything did. A fit that diverged or failed scores NaN in every metric and keeps
 * its reason; it never aborts the search.
 *
 * @param fold         the split index, 0-based: with repeated K-fold, repeat {@code r} of fold {@code f}
 *                     is split {@code r * k + f}
 * @param scoring      the metric that ranks the candidates; {@link #testScore()} is its score
 * @param testScores   the score of every metric on the test rows, in the search's metric order (the
 *                     ranking metric first); NaN for all unless {@link Status#OK}
 * @param trainScores  the same on the training rows; empty unless the search returns train scores
 * @param fitSeconds   wall time of the training
 * @param scoreSeconds wall time of predicting and scoring (0 when not scored)
 * @param epochsRun    epochs completed (fewer than asked with early stopping or divergence)
 * @param trainingLoss the training loss of each epoch run (on the scaled target), up to the divergence of a
 *                     fit that diverged; empty for one that failed
 * @param status       how the fit ended
 * @param problem      why it diverged or failed; empty when {@link Status#OK}
 */
public record SplitResult(int fold, Scoring scoring, Map<Scoring, Double> testScores, Map<Scoring, Double> trainScores,
                          double fitSeconds, double scoreSeconds, int epochsRun, List<Double> trainingLoss, Status status,
                          Optional<String> problem)
        implements Serializable {

    /** How a fit ended. */
    public enum Status {
        /** Trained and scored. */
        OK,
        /** The training or validation loss became NaN or infinite. */
        DIVERGED,
        /** The fit threw, or its test score was not a finite number. */
        FAILED
    }

    /**
     * Checks that the ranking metric is scored, that a score in it goes with OK and a problem with the
     * other statuses, and copies the maps in their order.
     */
    public SplitResult {
        Objects.requireNonNull(scoring, "scoring");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(problem, "problem");
        trainingLoss = List.copyOf(trainingLoss);
        testScores = Collections.unmodifiableMap(new LinkedHashMap<>(testScores));
        trainScores = Collections.unmodifiableMap(new LinkedHashMap<>(trainScores));
        if (!testScores.containsKey(scoring)) {
            throw new IllegalArgumentException("the test scores " + testScores.keySet() + " lack the ranking metric " + scoring);
        }
        boolean ok = status == Status.OK;
        if (ok != problem.isEmpty() || ok == Double.isNaN(testScores.get(scoring))
                || !ok && testScores.values().stream().anyMatch(v -> !Double.isNaN(v))) {
            throw new IllegalArgumentException("status " + status + " with scores " + testScores + " and problem " + problem);
        }
    }

    /** A fit that trained and scored. */
    static SplitResult ok(int fold, Scoring scoring, Map<Scoring, Double> test, Map<Scoring, Double> train,
                          double fitSeconds, double scoreSeconds, int epochsRun, List<Double> trainingLoss) {
        return new SplitResult(fold, scoring, test, train, fitSeconds, scoreSeconds, epochsRun, trainingLoss, Status.OK,
                Optional.empty());
    }

    /** A fit that diverged or failed, for {@code reason}: NaN in every metric. */
    static SplitResult problem(int fold, List<Scoring> metrics, boolean withTrain, Status status, String reason,
                               double fitSeconds, double scoreSeconds, int epochsRun, List<Double> trainingLoss) {
        Map<Scoring, Double> nan = new LinkedHashMap<>();
        metrics.forEach(m -> nan.put(m, Double.NaN));
        return new SplitResult(fold, metrics.get(0), nan, withTrain ? nan : Map.of(), fitSeconds, scoreSeconds, epochsRun,
                trainingLoss, status, Optional.of(reason));
    }

    /** The score of the ranking metric on the test rows, NaN unless the fit is OK. */
    public double testScore() {
        return testScores.get(scoring);
    }

    /** The score of {@code metric} on the test rows; NaN unless OK or when the metric was not computed. */
    public double testScore(Scoring metric) {
        return testScores.getOrDefault(metric, Double.NaN);
    }

    /** The score of {@code metric} on the training rows; NaN when not computed. */
    public double trainScore(Scoring metric) {
        return trainScores.getOrDefault(metric, Double.NaN);
    }

    /** Whether the fit trained and scored. */
    public boolean ok() {
        return status == Status.OK;
    }

    @Serial
    private Object writeReplace() {
        return new Form(fold, scoring, new LinkedHashMap<>(testScores), new LinkedHashMap<>(trainScores), fitSeconds,
                scoreSeconds, epochsRun, new ArrayList<>(trainingLoss), status, problem.orElse(null));
    }

    /** The serial form, for results that come back from other JVMs: the problem as text or null. */
    private record Form(int fold, Scoring scoring, LinkedHashMap<Scoring, Double> testScores,
                        LinkedHashMap<Scoring, Double> trainScores, double fitSeconds, double scoreSeconds, int epochsRun,
                        ArrayList<Double> trainingLoss, Status status, String problem) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        @Serial
        private Object readResolve() {
            return new SplitResult(fold, scoring, testScores, trainScores, fitSeconds, scoreSeconds, epochsRun,
                    trainingLoss, status, Optional.ofNullable(problem));
        }
    }
}
