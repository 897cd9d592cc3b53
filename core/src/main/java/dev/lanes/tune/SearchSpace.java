package dev.lanes.tune;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The candidates a search tries, as scikit-learn's {@code param_grid} and {@code param_distributions}:
 * a {@link GridSpace} ({@link #grid}: every combination of listed values) or a {@link RandomSpace}
 * ({@link #random}: {@code nIter} seeded draws from lists or {@link Distribution}s).
 *
 * <p>Everything is checked when the space is built (or, for random spaces, when candidates are drawn),
 * before any training: names, values, and each candidate as a whole ({@link TrainingSetup#of}). A map
 * that sets an optimizer argument no optimizer of that map takes is refused, naming the argument.
 */
public sealed interface SearchSpace permits GridSpace, RandomSpace {

    /**
     * The most candidates a space may hold: a million candidates of a few folds each is already days of
     * training, and a larger grid is a typo that would exhaust the heap before the first fit.
     */
    int MAX_CANDIDATES = 1_000_000;

    /**
     * A grid: every combination of the listed values.
     *
     * @param grid hyperparameter name to its values ({@code String}s or typed values)
     * @throws IllegalArgumentException for an empty grid, an empty list of values, an unknown name, an
     *                                  invalid value, an invalid candidate, an optimizer argument no
     *                                  optimizer of the grid takes, or more than {@link #MAX_CANDIDATES}
     *                                  candidates
     */
    static GridSpace grid(Map<String, ? extends List<?>> grid) {
        return grid(List.of(Objects.requireNonNull(grid, "grid")));
    }

    /**
     * The union of several grids, in order (scikit-learn's list of dicts).
     *
     * @throws IllegalArgumentException as {@link #grid(Map)}, and for an empty list of grids
     */
    static GridSpace grid(List<? extends Map<String, ? extends List<?>>> grids) {
        return new GridSpace(SpaceValues.parse(grids, false));
    }

    /**
     * A random search of {@code nIter} candidates. Each value of {@code distributions} is a list of values,
     * a {@link Distribution}, or a {@code String} written as a distribution ({@code log_uniform(1e-4, 1e-2)}).
     *
     * @throws IllegalArgumentException as {@link #grid(Map)}, for {@code nIter} outside [1, {@link #MAX_CANDIDATES}], or for a distribution
     *                                  that does not suit its hyperparameter
     */
    static RandomSpace random(Map<String, ?> distributions, int nIter) {
        return random(List.of(Objects.requireNonNull(distributions, "distributions")), nIter);
    }

    /** A random search over several maps: each draw picks one of them uniformly first. */
    static RandomSpace random(List<? extends Map<String, ?>> distributions, int nIter) {
        if (nIter < 1 || nIter > MAX_CANDIDATES) {
            throw new IllegalArgumentException("n_iter must be between 1 and " + MAX_CANDIDATES + ", got " + nIter);
        }
        return new RandomSpace(SpaceValues.parse(distributions, true), nIter);
    }

    /** How many candidates {@link #candidates} returns. */
    int size();

    /** What the user should know about how the space was read, e.g. that n_iter was capped. */
    List<String> notes();

    /**
     * The candidates in order, each validated. A grid ignores {@code seed}; a random space draws the same
     * candidates for the same seed on every machine.
     *
     * @throws IllegalArgumentException when a drawn candidate is not valid
     */
    List<Candidate> candidates(long seed);
}
