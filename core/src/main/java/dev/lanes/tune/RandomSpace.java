package dev.lanes.tune;

import dev.lanes.base.Rng;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code nIter} candidates drawn with the search's seed, scikit-learn's {@code ParameterSampler}: each
 * value from a list or a {@link Distribution}. When every value is a list, the candidates are drawn from
 * the grid those lists span <em>without</em> replacement, and {@code nIter} is capped at the grid's
 * size (said in {@link #notes()}); otherwise each candidate first picks one map (when there are
 * several), then draws each hyperparameter, names sorted, with replacement. Drawn candidates are checked
 * when they are drawn, before any training. Immutable; made by {@link SearchSpace#random}.
 */
public final class RandomSpace implements SearchSpace {

    private final List<SortedMap<String, SpaceValues.Values>> maps;
    private final int nIter;
    /** The grid the lists span, when every value is a list; null otherwise. */
    private final ParameterGrid lists;
    private final List<String> notes;

    RandomSpace(List<SortedMap<String, SpaceValues.Values>> maps, int nIter) {
        this.maps = maps;
        this.nIter = nIter;
        boolean allLists = maps.stream().allMatch(m -> m.values().stream().allMatch(v -> v.distribution().isEmpty()));
        this.lists = allLists ? new ParameterGrid(maps) : null;
        this.notes = lists != null && nIter > lists.size()
                ? List.of("n_iter " + nIter + " is more than the " + lists.size() + " combinations of the lists given: "
                + "each combination is tried once, " + lists.size() + " candidates")
                : List.of();
    }

    /** The requested number of candidates. */
    public int nIter() {
        return nIter;
    }

    @Override
    public int size() {
        return lists != null ? (int) Math.min(nIter, lists.size()) : nIter;
    }

    @Override
    public List<String> notes() {
        return notes;
    }

    /**
     * The candidates drawn with {@code seed}, the same on every machine.
     *
     * @throws IllegalArgumentException when a drawn candidate is not valid
     */
    @Override
    public List<Candidate> candidates(long seed) {
        Rng rng = new Rng(seed);
        List<Candidate> out = new ArrayList<>();
        if (lists != null) {
            int index = 0;
            for (long gridIndex : sampleWithoutReplacement(lists.size(), size(), rng)) {
                out.add(SpaceValues.validated(lists.candidateAt(gridIndex, index++)));
            }
            return Collections.unmodifiableList(out);
        }
        for (int i = 0; i < nIter; i++) {
            SortedMap<String, SpaceValues.Values> m = maps.size() == 1 ? maps.get(0) : maps.get(rng.nextInt(maps.size()));
            SortedMap<String, Object> params = new TreeMap<>();
            SortedMap<String, String> texts = new TreeMap<>();
            for (Map.Entry<String, SpaceValues.Values> e : m.entrySet()) {
                SpaceValues.Values v = e.getValue();
                if (v.distribution().isPresent()) {
                    Object typed = Hyperparameters.parse(e.getKey(), v.distribution().get().sample(rng));
                    params.put(e.getKey(), typed);
                    texts.put(e.getKey(), Hyperparameters.format(e.getKey(), typed));
                } else {
                    SpaceValues.Choice c = v.choices().get(rng.nextInt(v.choices().size()));
                    params.put(e.getKey(), c.typed());
                    texts.put(e.getKey(), c.text());
                }
            }
            out.add(SpaceValues.validated(new Candidate(i, params, texts)));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * {@code n} distinct indices in {@code [0, size)}, uniformly, by Floyd's algorithm (no array of
     * {@code size} entries), in a deterministic order.
     */
    private static Set<Long> sampleWithoutReplacement(long size, int n, Rng rng) {
        Set<Long> chosen = new LinkedHashSet<>();
        for (long j = size - n; j < size; j++) {
            long t = below(j + 1, rng);
            chosen.add(chosen.contains(t) ? j : t);
        }
        return chosen;
    }

    /** Uniform in {@code [0, bound)} without modulo bias. */
    private static long below(long bound, Rng rng) {
        if (bound <= Integer.MAX_VALUE) {
            return rng.nextInt((int) bound);
        }
        long limit = Long.MAX_VALUE - Long.MAX_VALUE % bound;
        long r;
        do {
            r = rng.nextLong() >>> 1;
        } while (r >= limit);
        return r % bound;
    }
    @Override
    public String toString() {
        return "random(n_iter=" + nIter + ", " + SpaceValues.describe(maps) + ")";
    }
}
