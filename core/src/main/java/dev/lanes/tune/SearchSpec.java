package dev.lanes.tune;

import dev.lanes.data.Scaling;

import java.util.Objects;

/**
 * What a {@link Search} does: the space of candidates, k-fold cross-validation (shuffled with the seed),
 * the scoring, the number of threads, the scaling of features and target, and whether to refit the best
 * candidate on all rows. Immutable; start from {@link #of(SearchSpace)} and change what you need:
 * {@code SearchSpec.of(space).folds(5).scoring(Scoring.RMSE).parallelism(2)}.
 *
 * @param space          the candidates
 * @param folds          k of the K-fold split, >= 2 (default 3)
 * @param seed           seeds the fold shuffle, random draws and every fit (default 42)
 * @param scoring        how a fit is scored on its test fold (default {@link Scoring#MSE})
 * @param parallelism    fits trained at once, each on one thread, >= 1 (default: available processors)
 * @param featureScaling scaling of the numeric features, fitted on each fit's training rows (default STANDARD)
 * @param targetScaling  scaling of the target, likewise (default STANDARD); scores are still reported in
 *                       the target's original units
 * @param refit          train the best candidate on all rows at the end (default true)
 */
public record SearchSpec(SearchSpace space, int folds, long seed, Scoring scoring, int parallelism,
                         Scaling featureScaling, Scaling targetScaling, boolean refit) {

    /** The default seed, as in the reference grid. */
    public static final long DEFAULT_SEED = 42;
    /** The default number of folds, as scikit-learn's. */
    public static final int DEFAULT_FOLDS = 3;

    /** Checks the arguments. */
    public SearchSpec {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(scoring, "scoring");
        Objects.requireNonNull(featureScaling, "featureScaling");
        Objects.requireNonNull(targetScaling, "targetScaling");
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be an integer >= 2, got " + folds);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be an integer >= 1, got " + parallelism);
        }
    }

    /** {@code space} with every default. */
    public static SearchSpec of(SearchSpace space) {
        return new SearchSpec(space, DEFAULT_FOLDS, DEFAULT_SEED, Scoring.MSE,
                Runtime.getRuntime().availableProcessors(), Scaling.STANDARD, Scaling.STANDARD, true);
    }

    /** With another space. */
    public SearchSpec space(SearchSpace value) {
        return new SearchSpec(value, folds, seed, scoring, parallelism, featureScaling, targetScaling, refit);
    }

    /** With k folds. */
    public SearchSpec folds(int k) {
        return new SearchSpec(space, k, seed, scoring, parallelism, featureScaling, targetScaling, refit);
    }

    /** With another seed. */
    public SearchSpec seed(long value) {
        return new SearchSpec(space, folds, value, scoring, parallelism, featureScaling, targetScaling, refit);
    }

    /** With another scoring. */
    public SearchSpec scoring(Scoring value) {
        return new SearchSpec(space, folds, seed, value, parallelism, featureScaling, targetScaling, refit);
    }

    /** With another number of threads; the results do not depend on it. */
    public SearchSpec parallelism(int threads) {
        return new SearchSpec(space, folds, seed, scoring, threads, featureScaling, targetScaling, refit);
    }

    /** With another feature scaling. */
    public SearchSpec featureScaling(Scaling value) {
        return new SearchSpec(space, folds, seed, scoring, parallelism, value, targetScaling, refit);
    }

    /** With another target scaling. */
    public SearchSpec targetScaling(Scaling value) {
        return new SearchSpec(space, folds, seed, scoring, parallelism, featureScaling, value, refit);
    }

    /** With or without the final refit. */
    public SearchSpec refit(boolean value) {
        return new SearchSpec(space, folds, seed, scoring, parallelism, featureScaling, targetScaling, value);
    }
}
