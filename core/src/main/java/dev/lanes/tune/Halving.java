package dev.lanes.tune;

import dev.lanes.base.Suggestions;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Successive halving, as scikit-learn's {@code HalvingGridSearchCV} and {@code HalvingRandomSearchCV}:
 * every candidate is first fitted with a small amount of a resource, only the best
 * {@code 1/factor} of them go on to the next round with {@code factor} times the resource, and so on;
 * the best candidate is chosen among those of the last round.
 *
 * <p>The resource is the number of training rows ({@link Resource#N_SAMPLES}: each round subsamples
 * every split's training and test rows, and the fits start afresh) or the number of epochs
 * ({@link Resource#EPOCHS}, as in Hyperband: a survivor continues training from where it stopped, so
 * a candidate that reaches the last round has trained exactly as one fit of that many epochs).
 *
 * <p>The rounds follow scikit-learn's rules ({@link #plan}); the defaults are its defaults: factor 3,
 * {@code min_resources='exhaust'}, {@code max_resources='auto'} and no aggressive elimination.
 * Immutable: start from {@link #over(Resource)}.
 *
 * @param resource              what a round gives more of
 * @param factor                how much more each round gives, and how few candidates it keeps (1 in
 *                              {@code factor}); > 1
 * @param minResources          the first round's resources, or 0 to derive them ({@code exhaust} or the
 *                              smallest amount: 2 x splits rows, or 1 epoch)
 * @param exhaust               with {@code minResources} 0: start as high as lets the last round use as
 *                              much of {@code maxResources} as it can (scikit-learn's {@code 'exhaust'});
 *                              else the smallest amount ({@code 'smallest'})
 * @param maxResources          the most any round gives, or 0 for {@code 'auto'}: all rows, or the epochs
 *                              the candidates would train without halving
 * @param aggressiveElimination start with as many rounds at the first round's resources as it takes for
 *                              the last round to have fewer than {@code factor} candidates
 */
public record Halving(Resource resource, double factor, int minResources, boolean exhaust, int maxResources,
                      boolean aggressiveElimination) implements Serializable {

    /** What a round gives more of. */
    public enum Resource {
        /** Training rows: each round subsamples every split. */
        N_SAMPLES,
        /** Epochs: the survivors of a round go on training. */
        EPOCHS;

        /** The name in configuration and results: {@code n_samples} or {@code epochs}. */
        public String shortName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * By name, ignoring case.
         *
         * @throws IllegalArgumentException for any other name
         */
        public static Resource fromName(String name) {
            return Suggestions.byName("halving resource", name, List.of(values()), Resource::shortName);
        }
    }

    /**
     * One round of a successive-halving search.
     *
     * @param iter       0-based ({@code iter} in {@code cv_results_})
     * @param candidates candidates fitted in it
     * @param resources  rows or epochs each of them gets ({@code n_resources})
     */
    public record Round(int iter, int candidates, int resources) {
    }

    /** Checks the arguments. */
    public Halving {
        if (resource == null) {
            throw new IllegalArgumentException("resource is null");
        }
        if (!(factor > 1) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("the halving factor must be a number > 1, got " + factor);
        }
        if (minResources < 0 || maxResources < 0) {
            throw new IllegalArgumentException("min_resources and max_resources must be >= 1 (or derived), got "
                    + minResources + " and " + maxResources);
        }
    }

    /** Halving over {@code resource} with scikit-learn's defaults. */
    public static Halving over(Resource resource) {
        return new Halving(resource, 3, 0, true, 0, false);
    }

    /** With another factor. */
    public Halving factor(double value) {
        return new Halving(resource, value, minResources, exhaust, maxResources, aggressiveElimination);
    }

    /** With the first round's resources given. */
    public Halving minResources(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("min_resources must be >= 1, got " + value);
        }
        return new Halving(resource, factor, value, false, maxResources, aggressiveElimination);
    }

    /** Starting with the smallest amount: 2 x splits rows, or 1 epoch ({@code 'smallest'}). */
    public Halving minResourcesSmallest() {
        return new Halving(resource, factor, 0, false, maxResources, aggressiveElimination);
    }

    /** Starting so that the last round uses as much as it can ({@code 'exhaust'}, the default). */
    public Halving minResourcesExhaust() {
        return new Halving(resource, factor, 0, true, maxResources, aggressiveElimination);
    }

    /** With the most a round gives. */
    public Halving maxResources(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("max_resources must be >= 1, got " + value);
        }
        return new Halving(resource, factor, minResources, exhaust, value, aggressiveElimination);
    }

    /** With or without aggressive elimination. */
    public Halving aggressiveElimination(boolean value) {
        return new Halving(resource, factor, minResources, exhaust, maxResources, value);
    }

    /**
     * The rounds for {@code candidates} candidates, by scikit-learn's rules
     * ({@code BaseSuccessiveHalving._run_search}):
     * <ul>
     *   <li>required rounds {@code 1 + floor(log(candidates) / log(factor))}, so that the last has fewer
     *       than {@code factor} candidates;</li>
     *   <li>with {@code exhaust}, the first round's resources are raised to
     *       {@code floor(max / factor^(required - 1))} if that is more;</li>
     *   <li>possible rounds {@code 1 + floor(log(floor(max / min)) / log(factor))};</li>
     *   <li>the rounds run are the fewer of the two, or the required ones with aggressive elimination,
     *       whose first rounds then repeat the first round's resources;</li>
     *   <li>round i gives {@code min(int(factor^i x min), max)} and keeps {@code ceil(n / factor)} of its
     *       n candidates for the next.</li>
     * </ul>
     *
     * @param smallest the smallest amount: 2 x splits for rows, 1 for epochs
     * @param auto     the most with {@code max_resources='auto'}: all rows, or the candidates' epochs
     * @throws IllegalArgumentException when the first round would get more than the most a round gives
     */
    public List<Round> plan(int candidates, int smallest, int auto) {
        int max = maxResources > 0 ? maxResources : auto;
        int min = minResources > 0 ? minResources : smallest;
        if (min > max) {
            throw new IllegalArgumentException("min_resources " + min + " is more than max_resources " + max
                    + " (" + resource.shortName() + "): lower min_resources or raise max_resources");
        }
        int required = 1 + (int) Math.floor(StrictMath.log(candidates) / StrictMath.log(factor));
        if (minResources == 0 && exhaust) {
            min = Math.max(min, (int) Math.floor(max / StrictMath.pow(factor, required - 1)));
        }
        int possible = 1 + (int) Math.floor(StrictMath.log(max / min) / StrictMath.log(factor));
        int rounds = aggressiveElimination ? required : Math.min(possible, required);
        List<Round> out = new ArrayList<>();
        int n = candidates;
        for (int i = 0; i < rounds; i++) {
            int power = aggressiveElimination ? Math.max(0, i - required + possible) : i;
            int resources = (int) Math.min((long) (StrictMath.pow(factor, power) * min), max);
            out.add(new Round(i, n, resources));
            n = (int) Math.ceil(n / factor);
        }
        return out;
    }
}
