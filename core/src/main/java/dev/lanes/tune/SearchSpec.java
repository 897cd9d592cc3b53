package dev.lanes.tune;

import dev.lanes.data.Scaling;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link Search} does: the space of candidates, (repeated) k-fold cross-validation shuffled
 * with the seed, the metric that ranks the candidates and any further metrics, the number of threads,
 * the scaling of features and target, and whether to refit the best candidate on all rows. Immutable;
 * start from {@link #of(SearchSpace)} and change what you need:
 * {@code SearchSpec.of(space).folds(5).scoring(Scoring.RMSE).metrics(Scoring.MAE, Scoring.R2)}.
 *
 * @param space            the candidates
 * @param folds            k of the K-fold split, >= 2 (default 3)
 * @param repeats          how many times the K-fold split is made, each time shuffled anew, >= 1
 *                         (default 1): {@code repeats x folds} splits, as scikit-learn's
 *                         {@code RepeatedKFold}
 * @param seed             seeds the fold shuffle, random draws and every fit (default 42)
 * @param scoring          the metric that ranks the candidates and picks the best, scikit-learn's
 *                         {@code refit} metric (default {@link Scoring#MSE})
 * @param metrics          further metrics every split is scored on, from the same fits (default none);
 *                         {@code scoring} itself may be among them
 * @param returnTrainScore also score every fit on its own training rows (default false)
 * @param parallelism      fits trained at once, each on one thread, >= 1 (default: available processors)
 * @param featureScaling   scaling of the numeric features, fitted on each fit's training rows (default STANDARD)
 * @param targetScaling    scaling of the target, likewise (default STANDARD); scores are still reported in
 *                         the target's original units
 * @param refit            train the best candidate on all rows at the end (default true)
 * @param halving          successive halving instead of fitting every candidate fully (default: none)
 * @param outOfFold        after the search, train the best candidate's fits of the first repeat again and
 *                         keep their predictions for the test rows ({@link SearchResult#outOfFold()}):
 *                         k more fits (default false)
 */
public record SearchSpec(SearchSpace space, int folds, int repeats, long seed, Scoring scoring, List<Scoring> metrics,
                         boolean returnTrainScore, int parallelism, Scaling featureScaling, Scaling targetScaling,
                         boolean refit, Optional<Halving> halving, boolean outOfFold) {

    /** The default seed, as in the reference grid. */
    public static final long DEFAULT_SEED = 42;
    /** The default number of folds, as scikit-learn's. */
    public static final int DEFAULT_FOLDS = 3;

    /** Checks the arguments and copies the metrics. */
    public SearchSpec {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(scoring, "scoring");
        metrics = List.copyOf(metrics);
        Objects.requireNonNull(featureScaling, "featureScaling");
        Objects.requireNonNull(targetScaling, "targetScaling");
        Objects.requireNonNull(halving, "halving");
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be an integer >= 2, got " + folds);
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be an integer >= 1, got " + repeats);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be an integer >= 1, got " + parallelism);
        }
    }

    /** {@code space} with every default. */
    public static SearchSpec of(SearchSpace space) {
        return new SearchSpec(space, DEFAULT_FOLDS, 1, DEFAULT_SEED, Scoring.MSE, List.of(), false,
                Runtime.getRuntime().availableProcessors(), Scaling.STANDARD, Scaling.STANDARD, true,
                Optional.empty(), false);
    }

    /** Every metric scored, the ranking one first, each once, in the order given. */
    public List<Scoring> allMetrics() {
        Set<Scoring> all = new LinkedHashSet<>();
        all.add(scoring);
        all.addAll(metrics);
        return List.copyOf(all);
    }

    /** The number of splits each candidate is fitted on: {@code repeats x folds}. */
    public int splits() {
        return repeats * folds;
    }

    /** With another space. */
    public SearchSpec space(SearchSpace value) {
        return new SearchSpec(value, folds, repeats, seed, scoring, metrics, returnTrainScore, parallelism,
                featureScaling, targetScaling, refit, halving, outOfFold);
    }

    /** With k folds. */
    public SearchSpec folds(int k) {
        return new SearchSpec(space, k, repeats, seed, scoring, metrics, returnTrainScore, parallelism,
                featureScaling, targetScaling, refit, halving, outOfFold);
    }

    /** With the K-fold split made {@code n} times (repeated K-fold). */
    public SearchSpec repeats(int n) {
        return new SearchSpec(space, folds, n, seed, scoring, metrics, returnTrainScore, parallelism,
                featureScaling, targetScaling, refit, halving, outOfFold);
    }

    /** With another seed. */
    public SearchSpec seed(long value) {
        return new SearchSpec(space, folds, repeats, value, scoring, metrics, returnTrainScore, parallelism,
                featureScaling, targetScaling, refit, halving, outOfFold);
    }

    /** With another ranking metric. */
    public SearchSpec scoring(Scoring value) {
        return new SearchSpec(space, folds, repeats, seed, value, metrics, returnTrainScore, parallelism,
                featureScaling, targetScaling, refit, halving, outOfFold);
    }

    /** With these further metrics, replacing any given before. */
    public SearchSpec metrics(Scoring... values) {
        return metrics(List.of(values));
    }

    /** With these further metrics, replacing any given before. */
    public SearchSpec metrics(List<Scoring> values) {
        return new SearchSpec(space, folds, repeats, seed, scoring, values, returnTrainScore, parallelism,
                featureScaling, targetScaling, refit, halving, outOfFold);
    }

    /** With or without scores on the training rows. */
    public SearchSpec returnTrainScore(boolean value) {
        return new SearchSpec(space, folds, repeats, seed, scoring, metrics, value, parallelism,
                featureScaling, targetScaling, refit, halving, outOfFold);
    }

    /** With another number of threads; the results do not depend on it. */
    public SearchSpec parallelism(int threads) {
        return new SearchSpec(space, folds, repeats, seed, scoring, metrics, returnTrainScore, threads,
                featureScaling, targetScaling, refit, halving, outOfFold);
    }

    /** With another feature scaling. */
    public SearchSpec featureScaling(Scaling value) {
        return new SearchSpec(space, folds, repeats, seed, scoring, metrics, returnTrainScore, parallelism,
                value, targetScaling, refit, halving, outOfFold);
    }

    /** With another target scaling. */
    public SearchSpec targetScaling(Scaling value) {
        return new SearchSpec(space, folds, repeats, seed, scoring, metrics, returnTrainScore, parallelism,
                featureScaling, value, refit, halving, outOfFold);
    }

    /** With successive halving ({@link Halving}). */
    public SearchSpec halving(Halving value) {
        return new SearchSpec(space, folds, repeats, seed, scoring, metrics, returnTrainScore, parallelism,
                featureScaling, targetScaling, refit, Optional.of(value), outOfFold);
    }

    /** Fitting every candidate fully, without successive halving. */
    public SearchSpec exhaustive() {
        return new SearchSpec(space, folds, repeats, seed, scoring, metrics, returnTrainScore, parallelism,
                featureScaling, targetScaling, refit, Optional.empty(), outOfFold);
    }

    /** With or without the final refit. */
    public SearchSpec refit(boolean value) {
        return new SearchSpec(space, folds, repeats, seed, scoring, metrics, returnTrainScore, parallelism,
                featureScaling, targetScaling, value, halving, outOfFold);
    }

    /** With or without the best candidate's out-of-fold predictions. */
    public SearchSpec outOfFold(boolean value) {
        return new SearchSpec(space, folds, repeats, seed, scoring, metrics, returnTrainScore, parallelism,
                featureScaling, targetScaling, refit, halving, value);
    }
}
