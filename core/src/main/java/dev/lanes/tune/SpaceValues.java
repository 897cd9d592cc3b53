package dev.lanes.tune;

import dev.lanes.base.KerasCall;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How the maps of a search space are read and checked, for {@link GridSpace} and {@link RandomSpace}
 * alike: each hyperparameter name checked, each value parsed once (as typed value and text), a random
 * space's distributions checked against their hyperparameter, and a map refused that sets an optimizer
 * argument none of its optimizers takes.
 */
final class SpaceValues {

    /** One value as parsed and as written. */
    record Choice(Object typed, String text) {
    }

    /** The values of one hyperparameter in one map: a list of choices, or a distribution. */
    record Values(List<Choice> choices, Optional<Distribution> distribution) {
        long size() {
            return choices.size();
        }
    }

    private SpaceValues() {
    }

    static List<SortedMap<String, Values>> parse(List<? extends Map<String, ?>> raw, boolean random) {
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
            optimizers.add(((KerasCall) Hyperparameters.defaultValue(Hyperparameters.OPTIMIZER).orElseThrow()).name());
        } else {
            for (Choice c : given.choices) {
                optimizers.add(((KerasCall) c.typed).name());
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

    /** The candidate itself, once {@link TrainingSetup#of} accepts it as a whole. */
    static Candidate validated(Candidate c) {
        try {
            TrainingSetup.of(c.params());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Candidate " + c.index() + " " + c.texts() + " is not valid: "
                    + e.getMessage(), e);
        }
        return c;
    }

    /** The maps as {@code {name=[values], ...}, ...}, for a space's {@code toString}. */
    static String describe(List<SortedMap<String, Values>> maps) {
        StringBuilder s = new StringBuilder();
        String sep = "";
        for (SortedMap<String, Values> m : maps) {
            s.append(sep).append('{');
            String inner = "";
            for (Map.Entry<String, Values> e : m.entrySet()) {
                s.append(inner).append(e.getKey()).append('=');
                if (e.getValue().distribution().isPresent()) {
                    s.append(e.getValue().distribution().get());
                } else {
                    s.append(e.getValue().choices().stream().map(Choice::text).toList());
                }
                inner = ", ";
            }
            s.append('}');
            sep = ", ";
        }
        return s.toString();
    }
}
