package dev.lanes.tune;

import dev.lanes.base.KerasCall;
import dev.lanes.nn.Callbacks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One point of a search space: the hyperparameters it sets, as typed values and as the text the user
 * wrote (or the canonical text of a typed value or a random draw), both sorted by name. Hyperparameters
 * it does not set take their defaults ({@link TrainingSetup}).
 *
 * @param index  position in the space's candidate order, 0-based
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

    /**
     * The parameters in their canonical form, names sorted and each value as
     * {@link Hyperparameters#format} writes it: {@code activation=tanh;hidden_layers=128,64,32}. Two
     * candidates with the same canonical form train the same network the same way; the fits' seeds
     * are derived from it, so a candidate scores the same wherever it stands in a grid.
     */
    public String canonical() {
        return canonical(params);
    }

    private static String canonical(SortedMap<String, Object> params) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, Object> e : params.entrySet()) {
            s.append(s.length() == 0 ? "" : ";").append(e.getKey()).append('=')
                    .append(Hyperparameters.format(e.getKey(), e.getValue()));
        }
        return s.toString();
    }

    /**
     * What seeds the candidate's fits: its {@link #canonical()} form without the names of the files its
     * callbacks write ({@link Callbacks#withoutFiles}), which do not change how it trains.
     */
    String seedForm() {
        List<?> callbacks = (List<?>) params.get(Hyperparameters.CALLBACKS);
        if (callbacks == null || callbacks.stream().allMatch(c -> Callbacks.withoutFiles((KerasCall) c).equals(c))) {
            return canonical();
        }
        SortedMap<String, Object> others = new TreeMap<>(params);
        others.remove(Hyperparameters.CALLBACKS);
        return canonical(others) + ";" + Hyperparameters.CALLBACKS + "=" + KerasCall.toString(callbacks.stream()
                .map(c -> Callbacks.withoutFiles((KerasCall) c)).toList());
    }

    /**
     * {@code candidates} without those whose canonical form an earlier one has, reindexed from 0; a
     * note in {@code notes} names each one left out and the candidate it equals.
     */
    static List<Candidate> distinct(List<Candidate> candidates, List<String> notes) {
        Map<String, Candidate> first = new LinkedHashMap<>();
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : candidates) {
            Candidate same = first.putIfAbsent(c.canonical(), c);
            if (same != null) {
                notes.add("candidate " + c.index() + " " + c + " is candidate " + same.index() + " " + same
                        + " once names and values are normalised: it is tried once");
            } else {
                out.add(out.size() == c.index() ? c : new Candidate(out.size(), c.params(), c.texts()));
            }
        }
        return out;
    }

    /** As the user wrote it: {@code {activation=tanh, hidden_layers=128-64-32}}. */
    @Override
    public String toString() {
        return texts.toString();
    }
}
