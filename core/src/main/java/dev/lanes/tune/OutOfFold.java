package dev.lanes.tune;

import java.util.List;

/**
 * The best candidate's out-of-fold predictions: for each test row of each fold of the first repeat,
 * the target and what the fit on the other folds predicted for it, in the target's units. Each row of
 * the data appears once (once per round's subsample with rows halving), fold after fold, in the folds'
 * row order. Residuals are {@code actual - predicted}.
 *
 * @param actual    the targets of the test rows
 * @param predicted the predictions, in the same order
 */
public record OutOfFold(List<Double> actual, List<Double> predicted) {

    /** Copies the lists, which must be of the same length. */
    public OutOfFold {
        actual = List.copyOf(actual);
        predicted = List.copyOf(predicted);
        if (actual.size() != predicted.size()) {
            throw new IllegalArgumentException(actual.size() + " targets but " + predicted.size() + " predictions");
        }
    }
}
