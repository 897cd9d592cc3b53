package dev.lanes.tune;

import dev.lanes.base.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RankingTest {

    private static final double NAN = Double.NaN;

    @Test
    void lowerErrorsRankFirstTiesShareTheMinRankNaNLast() {
        double[] mse = {3, 1, NAN, 1, 2, NAN, 5};
        int[] ranks = Ranking.ranks(mse, false);
        assertArrayEquals(new int[] {4, 1, 6, 1, 3, 6, 5}, ranks);
        assertEquals(1, Ranking.best(mse, ranks), "the first of the tied best");
    }

    @Test
    void higherR2RanksFirst() {
        double[] r2 = {0.5, 0.9, NAN, -3, 0.9};
        int[] ranks = Ranking.ranks(r2, true);
        assertArrayEquals(new int[] {3, 1, 5, 4, 1}, ranks);
        assertEquals(1, Ranking.best(r2, ranks));
    }

    @Test
    void allNaNRankFirstTogetherWithoutABest() {
        double[] scores = {NAN, NAN};
        int[] ranks = Ranking.ranks(scores, false);
        assertArrayEquals(new int[] {1, 1}, ranks);
        assertEquals(-1, Ranking.best(scores, ranks));
    }

    /** Against the definition: rank = 1 + number of strictly better numbers; NaN = numbers + 1. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void matchesTheDefinitionOnRandomScoresWithTies(long seed) {
        Rng rng = new Rng(seed);
        for (boolean greaterIsBetter : new boolean[] {false, true}) {
            double[] scores = new double[1 + rng.nextInt(40)];
            int numbers = 0;
            for (int i = 0; i < scores.length; i++) {
                // Few distinct values, so ties are common.
                scores[i] = rng.nextInt(6) == 0 ? NAN : rng.nextInt(7) - 3;
                numbers += Double.isNaN(scores[i]) ? 0 : 1;
            }
            int[] ranks = Ranking.ranks(scores, greaterIsBetter);
            for (int i = 0; i < scores.length; i++) {
                int expected = numbers + 1;
                if (!Double.isNaN(scores[i])) {
                    expected = 1;
                    for (double other : scores) {
                        if (greaterIsBetter ? other > scores[i] : other < scores[i]) {
                            expected++;
                        }
                    }
                }
                assertEquals(expected, ranks[i], "score " + scores[i]);
            }
        }
    }
}
