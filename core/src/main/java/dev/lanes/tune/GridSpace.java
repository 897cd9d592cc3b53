package dev.lanes.tune;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;

/**
 * A grid of candidates, scikit-learn's {@code param_grid}: every combination of the listed values of
 * each map, the maps one after the other (their union). Within a map the names iterate sorted and the
 * first name varies slowest ({@code ParameterGrid}'s order), which gives each candidate its index.
 * Every candidate is checked when the grid is built. Immutable; made by {@link SearchSpace#grid}.
 */
public final class GridSpace implements SearchSpace {

    private final List<SortedMap<String, SpaceValues.Values>> maps;
    private final List<Candidate> candidates;

    GridSpace(List<SortedMap<String, SpaceValues.Values>> maps) {
        this.maps = maps;
        ParameterGrid grid = new ParameterGrid(maps);
        if (grid.size() > SearchSpace.MAX_CANDIDATES) {
            throw new IllegalArgumentException("The grid has " + (grid.size() == Long.MAX_VALUE ? "more than " : "")
                    + grid.size() + " candidates (the product of the numbers of values); a search tries at most "
                    + SearchSpace.MAX_CANDIDATES + ": give fewer values, or draw nIter of them in a random search");
        }
        List<Candidate> all = new ArrayList<>((int) grid.size());
        for (long i = 0; i < grid.size(); i++) {
            all.add(SpaceValues.validated(grid.candidateAt(i, (int) i)));
        }
        this.candidates = Collections.unmodifiableList(all);
    }

    @Override
    public int size() {
        return candidates.size();
    }

    @Override
    public List<String> notes() {
        return List.of();
    }

    /** Every combination, in order; the seed plays no part. */
    @Override
    public List<Candidate> candidates(long seed) {
        return candidates;
    }

    @Override
    public String toString() {
        return "grid(" + SpaceValues.describe(maps) + ")";
    }
}
