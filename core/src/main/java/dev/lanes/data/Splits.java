package dev.lanes.data;

import java.util.List;

/** Ways to split rows into training and test sets, all seeded and reproducible. */
public final class Splits {

    private Splits() {
    }

    /**
     * K folds: rows (shuffled with {@code seed} when {@code shuffle}) cut into k contiguous parts whose
     * sizes differ by at most one (the first {@code rows % k} parts get one more, as scikit-learn's KFold);
     * fold i tests on part i and trains on the rest.
     *
     * @throws IllegalArgumentException unless 2 <= k <= rows
     */
    public static List<Fold> kFold(int rows, int k, boolean shuffle, long seed) {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** {@code repeats} rounds of shuffled K folds, round r seeded from {@code seed} and r. */
    public static List<Fold> repeatedKFold(int rows, int k, int repeats, long seed) {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** One shuffled split that tests on {@code testFraction} of the rows (at least one row each side). */
    public static Fold holdOut(int rows, double testFraction, long seed) {
        throw new UnsupportedOperationException("to be implemented");
    }
}
