package dev.lanes.data;

import dev.lanes.base.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** K-fold, repeated K-fold and hold-out splits, on seeded random sizes. */
class SplitsTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void kFoldPartitionsEveryRowIntoBalancedFolds(long seed) {
        Rng rng = new Rng(seed);
        for (int trial = 0; trial < 50; trial++) {
            int rows = 2 + rng.nextInt(300);
            int k = 2 + rng.nextInt(Math.min(rows, 12) - 1);
            boolean shuffle = rng.nextInt(2) == 0;
            long foldSeed = rng.nextLong();
            List<Fold> folds = Splits.kFold(rows, k, shuffle, foldSeed);
            String what = rows + " rows, k " + k + ", shuffle " + shuffle;

            assertEquals(k, folds.size(), what);
            int[] testedBy = new int[rows];
            Arrays.fill(testedBy, -1);
            int start = 0;
            for (int i = 0; i < k; i++) {
                Fold fold = folds.get(i);
                int size = rows / k + (i < rows % k ? 1 : 0);
                assertEquals(size, fold.test().length, what);
                assertAscending(fold.test());
                assertAscending(fold.train());
                assertIsComplement(rows, fold);
                for (int r : fold.test()) {
                    assertEquals(-1, testedBy[r], what);
                    testedBy[r] = i;
                }
                if (!shuffle) {
                    // Ascending, distinct, and spanning exactly size values: the contiguous part.
                    assertEquals(start, fold.test()[0], what);
                    assertEquals(start + size - 1, fold.test()[size - 1], what);
                }
                start += size;
            }
            assertFalse(Arrays.stream(testedBy).anyMatch(f -> f < 0), what + ": a row is never tested");
            assertSameFolds(folds, Splits.kFold(rows, k, shuffle, foldSeed));
        }
    }

    @Test
    void firstRowsModKFoldsAreOneLargerAsInScikitLearn() {
        List<Fold> folds = Splits.kFold(10, 3, false, 0);
        assertArrayEquals(new int[] {0, 1, 2, 3}, folds.get(0).test());
        assertArrayEquals(new int[] {4, 5, 6}, folds.get(1).test());
        assertArrayEquals(new int[] {7, 8, 9}, folds.get(2).test());
        assertArrayEquals(new int[] {0, 1, 2, 3, 7, 8, 9}, folds.get(1).train());
    }

    /** Pins the shuffle: a change here changes every user's cross-validation scores. */
    @Test
    void shuffledFoldsAreFixedBySeed() {
        List<Fold> folds = Splits.kFold(10, 3, true, 42);
        assertArrayEquals(new int[] {1, 3, 5, 9}, folds.get(0).test());
        assertArrayEquals(new int[] {0, 4, 6}, folds.get(1).test());
        assertArrayEquals(new int[] {2, 7, 8}, folds.get(2).test());
        assertFalse(Arrays.equals(Splits.kFold(100, 5, true, 1).get(0).test(),
                Splits.kFold(100, 5, true, 2).get(0).test()));
    }

    @Test
    void kOutsideTwoToRowsIsRejected() {
        IllegalArgumentException low = assertThrows(IllegalArgumentException.class,
                () -> Splits.kFold(10, 1, true, 0));
        assertEquals("K-fold needs 2 <= k <= rows, got k = 1 for 10 rows", low.getMessage());
        IllegalArgumentException high = assertThrows(IllegalArgumentException.class,
                () -> Splits.kFold(10, 11, false, 0));
        assertEquals("K-fold needs 2 <= k <= rows, got k = 11 for 10 rows", high.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Splits.repeatedKFold(10, 3, 0, 0));
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23})
    void repeatedKFoldIsRoundsOfDistinctPartitions(long seed) {
        Rng rng = new Rng(seed);
        int rows = 20 + rng.nextInt(200);
        int k = 2 + rng.nextInt(6);
        int repeats = 2 + rng.nextInt(3);
        List<Fold> folds = Splits.repeatedKFold(rows, k, repeats, seed);
        assertEquals(k * repeats, folds.size());
        for (int round = 0; round < repeats; round++) {
            boolean[] tested = new boolean[rows];
            for (Fold fold : folds.subList(round * k, (round + 1) * k)) {
                assertIsComplement(rows, fold);
                for (int r : fold.test()) {
                    assertFalse(tested[r]);
                    tested[r] = true;
                }
            }
            for (boolean t : tested) {
                assertTrue(t);
            }
        }
        assertFalse(Arrays.equals(folds.get(0).test(), folds.get(k).test()), "rounds should shuffle differently");
        assertSameFolds(folds, Splits.repeatedKFold(rows, k, repeats, seed));
        assertSameFolds(Splits.kFold(rows, k, true, seed), folds.subList(0, k));
        for (int round = 1; round < repeats; round++) {
            assertFalse(Arrays.equals(folds.get(0).test(), folds.get(round * k).test()), "round " + round + " is shuffled anew");
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33, 34})
    void holdOutTestsOnTheCeilingOfTheFraction(long seed) {
        Rng rng = new Rng(seed);
        for (int trial = 0; trial < 50; trial++) {
            int rows = 2 + rng.nextInt(500);
            double fraction = 0.01 + 0.98 * rng.nextDouble();
            Fold fold = Splits.holdOut(rows, fraction, seed + trial);
            int expected = (int) Math.min(rows - 1, Math.max(1, Math.ceil(fraction * rows)));
            assertEquals(expected, fold.test().length, rows + " rows, fraction " + fraction);
            assertAscending(fold.test());
            assertAscending(fold.train());
            assertIsComplement(rows, fold);
        }
    }

    @Test
    void holdOutKeepsARowOnEachSide() {
        assertEquals(1, Splits.holdOut(2, 0.01, 0).test().length);
        assertEquals(2, Splits.holdOut(3, 0.99, 0).test().length);
        assertThrows(IllegalArgumentException.class, () -> Splits.holdOut(1, 0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> Splits.holdOut(10, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Splits.holdOut(10, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Splits.holdOut(10, Double.NaN, 0));
    }

    private static void assertAscending(int[] rows) {
        for (int i = 1; i < rows.length; i++) {
            if (rows[i - 1] >= rows[i]) {
                fail("not ascending: " + Arrays.toString(rows));
            }
        }
    }

    /** Train and test are disjoint and together are every row. */
    private static void assertIsComplement(int rows, Fold fold) {
        boolean[] seen = new boolean[rows];
        for (int r : fold.test()) {
            seen[r] = true;
        }
        for (int r : fold.train()) {
            if (seen[r]) {
                fail("row " + r + " is in train and test");
            }
            seen[r] = true;
        }
        assertEquals(rows, fold.train().length + fold.test().length);
    }

    private static void assertSameFolds(List<Fold> expected, List<Fold> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i).train(), actual.get(i).train());
            assertArrayEquals(expected.get(i).test(), actual.get(i).test());
        }
    }
}
