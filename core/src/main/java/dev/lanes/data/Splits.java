package dev.lanes.data;

import dev.lanes.base.Rng;

import java.util.ArrayList;
import java.util.List;

/**
 * Ways to split rows into training and test sets, all seeded and reproducible. Shuffles use
 * {@link Rng}, so a seed gives the same splits on every JDK. Within a fold both row lists are in
 * ascending order, whatever the shuffle, so a fold does not depend on how its rows were found.
 */
public final class Splits {

    private Splits() {
    }

    /**
     * K folds: rows (shuffled with {@code seed} when {@code shuffle}) cut into k contiguous parts whose
     * sizes differ by at most one (the first {@code rows % k} parts get one more, as scikit-learn's KFold);
     * fold i tests on part i and trains on the rest.
     *
     * @throws IllegalArgumentException unless {@code 2 <= k <= rows}
     */
    public static List<Fold> kFold(int rows, int k, boolean shuffle, long seed) {
        if (k < 2 || k > rows) {
            throw new IllegalArgumentException("K-fold needs 2 <= k <= rows, got k = " + k + " for " + rows
                    + " rows");
        }
        int[] order = identity(rows);
        if (shuffle) {
            new Rng(seed).shuffle(order, rows);
        }
        List<Fold> folds = new ArrayList<>(k);
        int start = 0;
        for (int i = 0; i < k; i++) {
            int size = rows / k + (i < rows % k ? 1 : 0);
            folds.add(split(rows, order, start, start + size));
            start += size;
        }
        return List.copyOf(folds);
    }

    /**
     * {@code repeats} rounds of shuffled K folds, as scikit-learn's {@code RepeatedKFold}. Round 0 is
     * shuffled with {@code seed} itself, so that one round is {@link #kFold kFold(rows, k, true, seed)};
     * round r > 0 with the r-th value of {@code new Rng(seed)}. Folds are listed round by round.
     *
     * @throws IllegalArgumentException unless {@code 2 <= k <= rows} and {@code repeats >= 1}
     */
    public static List<Fold> repeatedKFold(int rows, int k, int repeats, long seed) {
        if (repeats < 1) {
            throw new IllegalArgumentException("Repeated K-fold needs repeats >= 1, got " + repeats);
        }
        Rng seeds = new Rng(seed);
        List<Fold> folds = new ArrayList<>(k * repeats);
        for (int r = 0; r < repeats; r++) {
            folds.addAll(kFold(rows, k, true, r == 0 ? seed : seeds.nextLong()));
        }
        return List.copyOf(folds);
    }

    /**
     * One shuffled split that tests on {@code testFraction} of the rows (at least one row each side). The
     * test size is {@code ceil(testFraction * rows)} as in scikit-learn, moved into {@code [1, rows - 1]}.
     *
     * @throws IllegalArgumentException unless {@code rows >= 2} and {@code 0 < testFraction < 1}
     */
    public static Fold holdOut(int rows, double testFraction, long seed) {
        if (rows < 2) {
            throw new IllegalArgumentException("A hold-out split needs at least 2 rows, got " + rows);
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("The test fraction must be in (0, 1), got " + testFraction);
        }
        int tests = (int) Math.min(rows - 1, Math.max(1, Math.ceil(testFraction * rows)));
        int[] order = identity(rows);
        new Rng(seed).shuffle(order, rows);
        return split(rows, order, 0, tests);
    }

    /** The fold testing on {@code order[from .. to)} and training on every other row, both ascending. */
    private static Fold split(int rows, int[] order, int from, int to) {
        boolean[] isTest = new boolean[rows];
        for (int i = from; i < to; i++) {
            isTest[order[i]] = true;
        }
        int[] test = new int[to - from];
        int[] train = new int[rows - test.length];
        int t = 0;
        int n = 0;
        for (int r = 0; r < rows; r++) {
            if (isTest[r]) {
                test[t++] = r;
            } else {
                train[n++] = r;
            }
        }
        return new Fold(train, test);
    }

    private static int[] identity(int rows) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        return order;
    }
}
