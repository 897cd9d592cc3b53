package dev.lanes.tune;

import java.util.Arrays;

/**
 * Ranks of mean scores as scikit-learn's {@code rank_test_score}: 1 is best, equal scores share the
 * smallest rank of their group ({@code rankdata(method="min")}), and every NaN ranks after all numbers,
 * tied with the other NaNs.
 */
final class Ranking {

    private Ranking() {
    }

    /** The rank of each score, better meaning higher when {@code greaterIsBetter}. */
    static int[] ranks(double[] scores, boolean greaterIsBetter) {
        int numbers = 0;
        for (double s : scores) {
            if (!Double.isNaN(s)) {
                numbers++;
            }
        }
        int[] ranks = new int[scores.length];
        Integer[] order = new Integer[numbers];
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                ranks[i] = numbers + 1;
            } else {
                order[n++] = i;
            }
        }
        Arrays.sort(order, (a, b) -> greaterIsBetter ? Double.compare(scores[b], scores[a])
                : Double.compare(scores[a], scores[b]));
        for (int k = 0; k < numbers; k++) {
            boolean tiedWithPrevious = k > 0 && scores[order[k]] == scores[order[k - 1]];
            ranks[order[k]] = tiedWithPrevious ? ranks[order[k - 1]] : k + 1;
        }
        return ranks;
    }

    /** The first index of rank 1 among numbers, or -1 when every score is NaN. */
    static int best(double[] scores, int[] ranks) {
        for (int i = 0; i < scores.length; i++) {
            if (ranks[i] == 1 && !Double.isNaN(scores[i])) {
                return i;
            }
        }
        return -1;
    }
}
