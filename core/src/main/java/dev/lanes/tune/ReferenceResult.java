package dev.lanes.tune;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ReferenceModel}'s scores on the search's splits, in every metric of the search.
 *
 * @param model       the reference model
 * @param splitScores per metric, the score on each split, in split order
 */
public record ReferenceResult(ReferenceModel model, Map<Scoring, double[]> splitScores) {

    /** Copies the map. */
    public ReferenceResult {
        splitScores = Collections.unmodifiableMap(new EnumMap<>(splitScores));
    }

    /** The mean over the splits in {@code metric}; NaN when it was not scored. */
    public double meanScore(Scoring metric) {
        double[] s = splitScores.get(metric);
        return s == null ? Double.NaN : CandidateResult.mean(s);
    }

    /** The population standard deviation over the splits in {@code metric}; NaN when it was not scored. */
    public double stdScore(Scoring metric) {
        double[] s = splitScores.get(metric);
        return s == null ? Double.NaN : CandidateResult.std(s);
    }

    /** The scores on each split in {@code metric} (a copy); empty when it was not scored. */
    public double[] scores(Scoring metric) {
        double[] s = splitScores.get(metric);
        return s == null ? new double[0] : s.clone();
    }

    /** Each reference model that fits the data, fitted and scored on every split of {@code folds}. */
    static List<ReferenceResult> score(FoldSet folds, List<Scoring> metrics, int features) {
        return Arrays.stream(ReferenceModel.values()).filter(m -> m.fits(features)).map(m -> {
            Map<Scoring, double[]> scores = new EnumMap<>(Scoring.class);
            for (Scoring metric : metrics) {
                scores.put(metric, new double[folds.size()]);
            }
            for (int k = 0; k < folds.size(); k++) {
                FoldSet.Split split = folds.get(k);
                float[] predicted = m.fitPredict(split.trainX(), split.trainY(), split.testX());
                for (Scoring metric : metrics) {
                    scores.get(metric)[k] = metric.score(predicted, split.testY(),
                            split.preprocessing().targetOrigin(), split.preprocessing().targetUnit());
                }
            }
            return new ReferenceResult(m, scores);
        }).toList();
    }
}
