package dev.lanes.tune;

import dev.lanes.base.Rng;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The candidates a search tries, as scikit-learn's {@code param_grid} and {@code param_distributions}.
 *
 * <p><b>Grid</b> ({@link #grid}): a map from hyperparameter name to a list of values, or a list of such
 * maps meaning their union. Within a map the names iterate sorted and the first name varies slowest
 * (scikit-learn's {@code ParameterGrid}); maps follow in the order given. The order is deterministic and
 * gives each candidate its index.
 *
 * <p><b>Random</b> ({@link #random}): {@code nIter} candidates drawn with a seed, each value from a list
 * or a {@link Distribution}, as scikit-learn's {@code ParameterSampler}: when every value is a list, the
 * candidates are drawn from the grid those lists span <em>without</em> replacement, and {@code nIter} is
 * capped at the grid's size (reported in {@link #notes()}); otherwise each candidate first picks one map
 * (when there are several), then draws each hyperparameter, names sorted, with replacement.
 *
 * <p>Everything is checked when the space is built (or, for random spaces, when candidates are drawn),
 * before any training: names, values, and each candidate as a whole ({@link TrainingSetup#of}). A grid
 * that sets an optimizer argument no optimizer of that grid takes is refused, naming the argument.
 * Immutable.
 */
public final class SearchSpace {

    /** One value as parsed and as written. */
    private record Choice(Object typed, String text) {
    }

    /** The values of one hyperparameter in one map: a list of choices, or a distribution. */
    private record Values(List<Choice> choices, Optional<Distribution> distribution) {
        long size() {
            return choices.size();
        }
    }

    private final List<SortedMap<String, Values>> maps;
    private final Optional<Integer> nIter;
    private final boolean allLists;
    private final long gridSize;
    private final List<Candidate> grid;
    private final List<String> notes;

    private SearchSpace(List<SortedMap<String, Values>> maps, Optional<Integer> nIter) {
        this.maps = maps;
        this.nIter = nIter;
        this.allLists = maps.stream().allMatch(m -> m.values().stream().allMatch(v -> v.distribution.isEmpty()));
        long size = 0;
        if (allLists) {
            for (SortedMap<String, Values> m : maps) {
                size = Math.addExact(size, mapSize(m));
            }
        }
        this.gridSize = size;
        List<String> messages = new ArrayList<>();
        if (nIter.isPresent() && allLists && nIter.get() > gridSize) {
            messages.add("n_iter " + nIter.get() + " is more than the " + gridSize
                    + " combinations of the lists given: each combination is tried once, " + gridSize + " candidates");
        }
        this.notes = List.copyOf(messages);
        if (nIter.isEmpty()) {
            if (gridSize > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("The grid has " + gridSize + " candidates, too many to try");
            }
            List<Candidate> all = new ArrayList<>((int) gridSize);
            for (long i = 0; i < gridSize; i++) {
                all.add(validated(candidateAt(i, (int) i)));
            }
            this.grid = Collections.unmodifiableList(all);
        } else {
            this.grid = List.of();
        }
    }

    /**
     * A grid: every combination of the listed values.
     *
     * @param grid hyperparameter name to its values ({@code String}s or typed values)
     * @throws IllegalArgumentException for an empty grid, an empty list of values, an unknown name, an
     *                                  invalid value, an invalid candidate, or an optimizer argument no
     *                                  optimizer of the grid takes
     */
    public static SearchSpace grid(Map<String, ? extends List<?>> grid) {
        return grid(List.of(Objects.requireNonNull(grid, "grid")));
    }

    /**
     * The union of several grids, in order (scikit-learn's list of dicts).
     *
     * @throws IllegalArgumentException as {@link #grid(Map)}, and for an empty list of grids
     */
    public static SearchSpace grid(List<? extends Map<String, ? extends List<?>>> grids) {
        return new SearchSpace(parse(grids, false), Optional.empty());
    }

    /**
     * A random search of {@code nIter} candidates. Each value of {@code distributions} is a list of values,
     * a {@link Distribution}, or a {@code String} written as a distribution ({@code log_uniform(1e-4, 1e-2)}).
     *
     * @throws IllegalArgumentException as {@link #grid(Map)}, for {@code nIter < 1}, or for a distribution
     *                                  that does not suit its hyperparameter
     */
    public static SearchSpace random(Map<String, ?> distributions, int nIter) {
        return random(List.of(Objects.requireNonNull(distributions, "distributions")), nIter);
    }

    /** A random search over several maps: each draw picks one of them uniformly first. */
    public static SearchSpace random(List<? extends Map<String, ?>> distributions, int nIter) {
        if (nIter < 1) {
            throw new IllegalArgumentException("n_iter must be >= 1, got " + nIter);
        }
        return new SearchSpace(parse(distributions, true), Optional.of(nIter));
    }

    /** Whether this is a random search. */
    public boolean isRandom() {
        return nIter.isPresent();
    }

    /** The requested number of random candidates; empty for a grid. */
    public Optional<Integer> nIter() {
        return nIter;
    }

    /** How many candidates {@link #candidates} returns. */
    public int size() {
        if (nIter.isEmpty()) {
            return grid.size();
        }
        return allLists ? (int) Math.min(nIter.get(), gridSize) : nIter.get();
    }

    /** What the user should know about how the space was read, e.g. that n_iter was capped. */
    public List<String> notes() {
        return notes;
    }

    /**
     * The candidates in order, each validated. A grid ignores {@code seed}; a random space draws the same
     * candidates for the same seed on every machine.
     *
     * @throws IllegalArgumentException when a drawn candidate is not valid
     */
    public List<Candidate> candidates(long seed) {
        if (nIter.isEmpty()) {
            return grid;
        }
        Rng rng = new Rng(seed);
        List<Candidate> out = new ArrayList<>();
        if (allLists) {
            int index = 0;
            for (long gridIndex : sampleWithoutReplacement(gridSize, size(), rng)) {
                out.add(validated(candidateAt(gridIndex, index++)));
            }
        } else {
            for (int i = 0; i < nIter.get(); i++) {
                SortedMap<String, Values> m = maps.size() == 1 ? maps.get(0) : maps.get(rng.nextInt(maps.size()));
                SortedMap<String, Object> params = new TreeMap<>();
                SortedMap<String, String> texts = new TreeMap<>();
                for (Map.Entry<String, Values> e : m.entrySet()) {
                    Values v = e.getValue();
                    if (v.distribution.isPresent()) {
                        Object typed = Hyperparameters.parse(e.getKey(), v.distribution.get().sample(rng));
                        params.put(e.getKey(), typed);
                        texts.put(e.getKey(), Hyperparameters.format(e.getKey(), typed));
                    } else {
                        Choice c = v.choices.get(rng.nextInt(v.choices.size()));
                        params.put(e.getKey(), c.typed);
                        texts.put(e.getKey(), c.text);
                    }
                }
                out.add(validated(new Candidate(i, params, texts)));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The candidate at position {@code gridIndex} of the union grid, given index {@code index}. */
    private Candidate candidateAt(long gridIndex, int index) {
        long rest = gridIndex;
        for (SortedMap<String, Values> m : maps) {
            long size = mapSize(m);
            if (rest >= size) {
                rest -= size;
                continue;
            }
            // Mixed radix with the last name as the fastest digit, so the first name varies slowest.
            List<String> names = new ArrayList<>(m.keySet());
            SortedMap<String, Object> params = new TreeMap<>();
            SortedMap<String, String> texts = new TreeMap<>();
            for (int k = names.size() - 1; k >= 0; k--) {
                List<Choice> choices = m.get(names.get(k)).choices;
                Choice c = choices.get((int) (rest % choices.size()));
                rest /= choices.size();
                params.put(names.get(k), c.typed);
                texts.put(names.get(k), c.text);
            }
            return new Candidate(index, params, texts);
        }
        throw new IndexOutOfBoundsException(gridIndex + " >= " + gridSize);
    }

    private static long mapSize(SortedMap<String, Values> m) {
        long size = 1;
        for (Values v : m.values()) {
            size = Math.multiplyExact(size, v.size());
        }
        return size;
    }

    private static Candidate validated(Candidate c) {
        try {
            TrainingSetup.of(c.params());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Candidate " + c.index() + " " + c.texts() + " is not valid: "
                    + e.getMessage(), e);
        }
        return c;
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

    private static List<SortedMap<String, Values>> parse(List<? extends Map<String, ?>> raw, boolean random) {
        Objects.requireNonNull(raw, "grids");
        String what = random ? "search space" : "grid";
        if (raw.isEmpty()) {
            throw new IllegalArgumentException("The " + what + " is empty: give at least one hyperparameter and its values");
        }
        List<SortedMap<String, Values>> maps = new ArrayList<>();
        for (Map<String, ?> m : raw) {
            Objects.requireNonNull(m, what);
            if (m.isEmpty()) {
                throw new IllegalArgumentException("The " + what + (raw.size() > 1 ? " " + (maps.size() + 1) : "")
                        + " is empty: give at least one hyperparameter and its values");
            }
            SortedMap<String, Values> parsed = new TreeMap<>();
            for (Map.Entry<String, ?> e : m.entrySet()) {
                String name = Hyperparameters.checkName(e.getKey());
                parsed.put(name, values(name, e.getValue(), random));
            }
            checkOptimizerArguments(parsed, what);
            maps.add(Collections.unmodifiableSortedMap(parsed));
        }
        return List.copyOf(maps);
    }

    private static Values values(String name, Object raw, boolean random) {
        if (random && raw instanceof String && Distribution.looksLikeOne((String) raw)) {
            raw = Distribution.parse((String) raw);
        }
        if (random && raw instanceof Distribution) {
            return new Values(List.of(), Optional.of(checkDistribution(name, (Distribution) raw)));
        }
        if (!(raw instanceof List)) {
            throw new IllegalArgumentException("The values of " + name + " must be a list"
                    + (random ? " or a distribution" : "") + ", got "
                    + (raw == null ? "null" : raw.getClass().getSimpleName() + " '" + raw + "'"));
        }
        List<?> list = (List<?>) raw;
        if (list.isEmpty()) {
            throw new IllegalArgumentException("The list of values of " + name + " is empty: give at least one value");
        }
        List<Choice> choices = new ArrayList<>();
        for (Object value : list) {
            Object typed = Hyperparameters.parse(name, value);
            choices.add(new Choice(typed, value instanceof String ? (String) value : Hyperparameters.format(name, typed)));
        }
        return new Values(List.copyOf(choices), Optional.empty());
    }

    private static Distribution checkDistribution(String name, Distribution d) {
        Class<?> type = Hyperparameters.type(name);
        if (type == Double.class && d.isInteger() || type == Integer.class && !d.isInteger()
                || type != Double.class && type != Integer.class) {
            String use = type == Double.class ? "uniform(lo, hi) or log_uniform(lo, hi)"
                    : type == Integer.class ? "int_range(lo, hi)" : "a list of values";
            throw new IllegalArgumentException(name + " cannot be drawn from " + d + ": use " + use);
        }
        try {
            Hyperparameters.parse(name, d.isInteger() ? (Object) (int) d.lo() : (Object) d.lo());
            if (d.isInteger()) {
                Hyperparameters.parse(name, (int) d.hi());
            } else {
                // hi itself is never drawn: only the values just below it must be valid (dropout up to 1).
                Hyperparameters.parse(name, Math.nextDown(d.hi()));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " cannot be drawn from " + d + ": " + e.getMessage(), e);
        }
        return d;
    }

    /** Refuses a map that sets an optimizer argument none of its optimizers takes. */
    private static void checkOptimizerArguments(SortedMap<String, Values> m, String what) {
        List<String> optimizers = new ArrayList<>();
        Values given = m.get(Hyperparameters.OPTIMIZER);
        if (given == null) {
            optimizers.add((String) Hyperparameters.defaultValue(Hyperparameters.OPTIMIZER).orElseThrow());
        } else {
            for (Choice c : given.choices) {
                optimizers.add((String) c.typed);
            }
        }
        for (String name : m.keySet()) {
            if (!Hyperparameters.isOptimizerArgument(name)) {
                continue;
            }
            boolean taken = optimizers.stream().anyMatch(o -> Hyperparameters.optimizerTakes(o, name));
            if (!taken) {
                throw new IllegalArgumentException(name + " is set, but no optimizer of the " + what + " takes it ("
                        + String.join(", ", new LinkedHashSet<>(optimizers)) + (given == null ? ", the default" : "")
                        + "); the optimizers that take " + name + ": "
                        + String.join(", ", Hyperparameters.optimizersTaking(name)));
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(nIter.isPresent() ? "random(n_iter=" + nIter.get() + ", " : "grid(");
        String sep = "";
        for (SortedMap<String, Values> m : maps) {
            s.append(sep).append('{');
            String inner = "";
            for (Map.Entry<String, Values> e : m.entrySet()) {
                s.append(inner).append(e.getKey()).append('=');
                if (e.getValue().distribution.isPresent()) {
                    s.append(e.getValue().distribution.get());
                } else {
                    s.append(e.getValue().choices.stream().map(Choice::text).toList());
                }
                inner = ", ";
            }
            s.append('}');
            sep = ", ";
        }
        return s.append(')').toString();
    }
}
