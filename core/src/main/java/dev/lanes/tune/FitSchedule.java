package dev.lanes.tune;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which a search's threads take its (candidate, split) fits: the costliest candidates
 * first, ties in candidate order. Handing out the longest jobs first (the LPT rule) leaves the short ones
 * to fill the gaps at the end, so the threads finish close together instead of one long fit running
 * alone while the other cores idle. Only the order changes: every fit has its own seeds and its result is
 * stored by (candidate, split), so the results are the same whatever the order.
 */
final class FitSchedule {

    /** Multiply-adds of an optimizer update per weight per step, next to 3 for a sample's passes. */
    private static final double UPDATE_COST_PER_WEIGHT = 5;

    private FitSchedule() {
    }

    /**
     * The tasks {@code candidate * splits + split} in the order to run them.
     *
     * @param setups       the candidates' training set-ups, in candidate order
     * @param inputs       feature columns
     * @param trainingRows training rows of a split
     * @param splits       splits per candidate
     */
    static int[] order(List<TrainingSetup> setups, int inputs, int trainingRows, int splits) {
        double[] cost = new double[setups.size()];
        for (int c = 0; c < cost.length; c++) {
            cost[c] = cost(setups.get(c), inputs, trainingRows);
        }
        Integer[] candidates = new Integer[setups.size()];
        Arrays.setAll(candidates, c -> c);
        Arrays.sort(candidates, Comparator.comparingDouble((Integer c) -> -cost[c]).thenComparingInt(c -> c));
        int[] tasks = new int[candidates.length * splits];
        int t = 0;
        for (int c : candidates) {
            for (int s = 0; s < splits; s++) {
                tasks[t++] = c * splits + s;
            }
        }
        return tasks;
    }

    /**
     * A fit's cost in multiply-adds, as far as it is known before training: per epoch, a forward and a
     * backward pass of every row (3 per weight) and an optimizer update per step. Early stopping may end
     * a fit sooner; that is not known beforehand.
     */
    static double cost(TrainingSetup setup, int inputs, int trainingRows) {
        double weights = 0;
        int in = inputs;
        for (int width : setup.hiddenLayers()) {
            weights += (in + 1.0) * width;
            in = width;
        }
        weights += in + 1.0;
        double steps = Math.ceil((double) trainingRows / setup.batchSize());
        return setup.epochs() * weights * (3.0 * trainingRows + UPDATE_COST_PER_WEIGHT * steps);
    }
}
