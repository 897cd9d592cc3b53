package dev.lanes.tune;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One point of a search space: the hyperparameters it sets, as typed values and as the text the user
 * wrote (or the canonical text of a typed value or a random draw), both sorted by name. Hyperparameters
 * it does not set take their defaults ({@link TrainingSetup}).
 *
 * @param index  position in the space's candidate order, 0-based; it also selects the fits' seeds
 * @param params typed values by name, as {@link Hyperparameters#parse} returns them
 * @param texts  the same values as text, e.g. {@code hidden_layers=128-64-32}
 */
public record Candidate(int index, SortedMap<String, Object> params, SortedMap<String, String> texts) {

    /** Checks that both maps name the same hyperparameters and copies them, unmodifiable. */
    public Candidate {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0 but was " + index);
        }
        params = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(params, "params")));
        texts = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(texts, "texts")));
        if (!params.keySet().equals(texts.keySet())) {
            throw new IllegalArgumentException("params " + params.keySet() + " and texts " + texts.keySet()
                    + " name different hyperparameters");
        }
    }

    /** As the user wrote it: {@code {activation=tanh, hidden_layers=128-64-32}}. */
    @Override
    public String toString() {
        return texts.toString();
    }
}
