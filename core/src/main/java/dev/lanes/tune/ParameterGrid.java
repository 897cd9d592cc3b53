package dev.lanes.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The union of maps of value lists, as scikit-learn's {@code ParameterGrid}: within a map the names
 * iterate sorted and the first name varies slowest; maps follow in the order given. A position in it
 * is a candidate, computed on demand, so a random search can draw from a grid too large to list.
 */
final class ParameterGrid {

    private final List<SortedMap<String, SpaceValues.Values>> maps;
    private final long size;

    ParameterGrid(List<SortedMap<String, SpaceValues.Values>> maps) {
        this.maps = maps;
        long n = 0;
        for (SortedMap<String, SpaceValues.Values> m : maps) {
            n = n > Long.MAX_VALUE - mapSize(m) ? Long.MAX_VALUE : n + mapSize(m);
        }
        this.size = n;
    }

    /**
     * How many candidates the grid holds, or {@link Long#MAX_VALUE} when that is more: every position
     * below it is still a candidate of the grid.
     */
    long size() {
        return size;
    }

    /** The candidate at position {@code gridIndex} of the union grid, given index {@code index}. */
    Candidate candidateAt(long gridIndex, int index) {
        long rest = gridIndex;
        for (SortedMap<String, SpaceValues.Values> m : maps) {
            long inMap = mapSize(m);
            if (rest >= inMap) {
                rest -= inMap;
                continue;
            }
            // Mixed radix with the last name as the fastest digit, so the first name varies slowest.
            List<String> names = new ArrayList<>(m.keySet());
            SortedMap<String, Object> params = new TreeMap<>();
            SortedMap<String, String> texts = new TreeMap<>();
            for (int k = names.size() - 1; k >= 0; k--) {
                List<SpaceValues.Choice> choices = m.get(names.get(k)).choices();
                SpaceValues.Choice c = choices.get((int) (rest % choices.size()));
                rest /= choices.size();
                params.put(names.get(k), c.typed());
                texts.put(names.get(k), c.text());
            }
            return new Candidate(index, params, texts);
        }
        throw new IndexOutOfBoundsException(gridIndex + " >= " + size);
    }

    private static long mapSize(SortedMap<String, SpaceValues.Values> m) {
        long size = 1;
        for (SpaceValues.Values v : m.values()) {
            size = size > Long.MAX_VALUE / v.size() ? Long.MAX_VALUE : size * v.size();
        }
        return size;
    }
}
