package dev.lanes.tune;

import dev.lanes.base.Rng;
import dev.lanes.simd.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchSpaceTest {

    /** Values to draw grids from: a few valid strings per hyperparameter. */
    private static final Map<String, List<String>> POOL = pool();

    private static Map<String, List<String>> pool() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("hidden_layers", List.of("64", "64,32", "128-64-32", ""));
        m.put("activation", List.of("relu", "tanh", "sigmoid"));
        m.put("optimizer", List.of("sgd", "adam", "rmsprop"));
        m.put("learning_rate", List.of("0.001", "0.01", "0.1"));
        m.put("batch_size", List.of("16", "32", "128"));
        m.put("epochs", List.of("5", "10"));
        m.put("dropout", List.of("0", "0.2"));
        m.put("l2", List.of("0", "1e-4"));
        m.put("shuffle", List.of("true", "false"));
        return m;
    }

    @Test
    void gridIteratesSortedNamesFirstSlowest() {
        Map<String, List<?>> grid = new LinkedHashMap<>();
        grid.put("optimizer", List.of("sgd", "adam"));
        grid.put("batch_size", List.of(32, 128));
        grid.put("activation", List.of("relu", "tanh"));
        List<Candidate> c = SearchSpace.grid(grid).candidates(0);
        List<String> seen = new ArrayList<>();
        for (Candidate x : c) {
            seen.add(x.texts().toString());
        }
        assertEquals(List.of(
                "{activation=relu, batch_size=32, optimizer=sgd}", "{activation=relu, batch_size=32, optimizer=adam}",
                "{activation=relu, batch_size=128, optimizer=sgd}", "{activation=relu, batch_size=128, optimizer=adam}",
                "{activation=tanh, batch_size=32, optimizer=sgd}", "{activation=tanh, batch_size=32, optimizer=adam}",
                "{activation=tanh, batch_size=128, optimizer=sgd}", "{activation=tanh, batch_size=128, optimizer=adam}"),
                seen);
        for (int i = 0; i < c.size(); i++) {
            assertEquals(i, c.get(i).index());
        }
        assertEquals(Activation.TANH, c.get(7).params().get("activation"));
        assertEquals(128, c.get(7).params().get("batch_size"));
    }

    @Test
    void unionKeepsGridOrderAndWhatTheUserWrote() {
        SearchSpace space = SearchSpace.grid(List.of(
                Map.of("optimizer", List.of("sgd"), "momentum", List.of("0.9", "0.5")),
                Map.of("hidden_layers", List.of("128-64-32", List.of(8, 4)))));
        List<Candidate> c = space.candidates(123);
        assertEquals(4, c.size());
        assertEquals(4, space.size());
        assertEquals("{momentum=0.9, optimizer=sgd}", c.get(0).toString());
        assertEquals("{momentum=0.5, optimizer=sgd}", c.get(1).toString());
        assertEquals("{hidden_layers=128-64-32}", c.get(2).toString());
        assertEquals(List.of(128, 64, 32), c.get(2).params().get("hidden_layers"));
        assertEquals("{hidden_layers=8,4}", c.get(3).toString());
        assertEquals(3, c.get(3).index());
        assertSame(c, space.candidates(456), "a grid ignores the seed");
    }

    /** Random grids: the expansion equals an odometer over the sorted names, last name fastest. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomGridsExpandAsAnOdometer(long seed) {
        Rng rng = new Rng(seed);
        List<Map<String, List<?>>> grids = new ArrayList<>();
        for (int g = 0, n = 1 + rng.nextInt(3); g < n; g++) {
            grids.add(randomGrid(rng));
        }
        List<Candidate> actual = SearchSpace.grid(grids).candidates(seed);
        List<Map<String, String>> expected = new ArrayList<>();
        for (Map<String, List<?>> grid : grids) {
            List<String> names = new ArrayList<>(new TreeMap<>(grid).keySet());
            int[] digit = new int[names.size()];
            while (true) {
                Map<String, String> m = new TreeMap<>();
                for (int k = 0; k < names.size(); k++) {
                    m.put(names.get(k), (String) grid.get(names.get(k)).get(digit[k]));
                }
                expected.add(m);
                int k = names.size() - 1;
                while (k >= 0 && ++digit[k] == grid.get(names.get(k)).size()) {
                    digit[k--] = 0;
                }
                if (k < 0) {
                    break;
                }
            }
        }
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i).texts(), "candidate " + i);
            assertEquals(i, actual.get(i).index());
        }
    }

    private static Map<String, List<?>> randomGrid(Rng rng) {
        List<String> names = new ArrayList<>(POOL.keySet());
        Map<String, List<?>> grid = new LinkedHashMap<>();
        int keys = 1 + rng.nextInt(4);
        while (grid.size() < keys) {
            String name = names.get(rng.nextInt(names.size()));
            List<String> values = POOL.get(name);
            int[] order = new int[values.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            rng.shuffle(order, order.length);
            List<String> chosen = new ArrayList<>();
            for (int i = 0, n = 1 + rng.nextInt(values.size()); i < n; i++) {
                chosen.add(values.get(order[i]));
            }
            grid.put(name, chosen);
        }
        return grid;
    }

    @Test
    void emptyGridsAndEmptyListsFail() {
        assertEquals("The grid is empty: give at least one hyperparameter and its values",
                assertThrows(IllegalArgumentException.class, () -> SearchSpace.grid(Map.of())).getMessage());
        assertEquals("The grid is empty: give at least one hyperparameter and its values",
                assertThrows(IllegalArgumentException.class, () -> SearchSpace.grid(List.of())).getMessage());
        assertEquals("The grid 2 is empty: give at least one hyperparameter and its values",
                assertThrows(IllegalArgumentException.class,
                        () -> SearchSpace.grid(List.of(Map.of("epochs", List.of(1)), Map.of()))).getMessage());
        assertEquals("The list of values of batch_size is empty: give at least one value",
                assertThrows(IllegalArgumentException.class,
                        () -> SearchSpace.grid(Map.of("batch_size", List.of()))).getMessage());
        assertEquals("The search space is empty: give at least one hyperparameter and its values",
                assertThrows(IllegalArgumentException.class, () -> SearchSpace.random(Map.of(), 3)).getMessage());
        Map<String, Object> notAList = Map.of("batch_size", "32");
        assertEquals("The values of batch_size must be a list or a distribution, got String '32'",
                assertThrows(IllegalArgumentException.class, () -> SearchSpace.random(notAList, 2)).getMessage());
    }

    @Test
    void unknownNamesAndInvalidValuesFailWhenTheGridIsBuilt() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SearchSpace.grid(Map.of("learnig_rate", List.of(0.1)))).getMessage()
                .startsWith("Unknown hyperparameter 'learnig_rate'. Did you mean 'learning_rate'? Valid names: activation,"));
        assertEquals("batch_size must be an integer >= 1, got '0'", assertThrows(IllegalArgumentException.class,
                () -> SearchSpace.grid(Map.of("batch_size", List.of("32", "0")))).getMessage());
        assertEquals("Candidate 1 {early_stopping_patience=3, validation_split=0} is not valid: early_stopping_patience "
                + "needs validation_split > 0: early stopping watches the loss on the held-out validation rows, and "
                + "validation_split is 0", assertThrows(IllegalArgumentException.class, () -> SearchSpace.grid(
                Map.of("early_stopping_patience", List.of(3), "validation_split", List.of("0.2", "0")))).getMessage());
    }

    @Test
    void anOptimizerArgumentNoOptimizerOfTheGridTakesFails() {
        assertEquals("momentum is set, but no optimizer of the grid takes it (adam); the optimizers that take "
                + "momentum: rmsprop, sgd", assertThrows(IllegalArgumentException.class, () -> SearchSpace.grid(
                Map.of("optimizer", List.of("adam"), "momentum", List.of(0.9)))).getMessage());
        assertEquals("rho is set, but no optimizer of the grid takes it (adam, the default); the optimizers that "
                + "take rho: adadelta, rmsprop", assertThrows(IllegalArgumentException.class,
                () -> SearchSpace.grid(Map.of("rho", List.of(0.9)))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> SearchSpace.grid(List.of(
                Map.of("optimizer", List.of("sgd"), "nesterov", List.of(true)),
                Map.of("optimizer", List.of("adam", "lion"), "nesterov", List.of(true)))));
        // The reference grid: momentum for sgd, ignored by adam.
        assertEquals(4, SearchSpace.grid(Map.of("optimizer", List.of("sgd", "adam"), "momentum", List.of("0.9"),
                "learning_rate", List.of("0.001", "0.01"))).size());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {0, 42, -7, 123456789})
    void randomSearchOverListsSamplesTheGridWithoutReplacement(long seed) {
        Map<String, List<?>> lists = Map.of("activation", List.of("relu", "tanh", "sigmoid"),
                "batch_size", List.of(32, 128), "learning_rate", List.of("0.001", "0.01"));
        SearchSpace five = SearchSpace.random(lists, 5);
        List<Candidate> a = five.candidates(seed);
        assertEquals(a, five.candidates(seed), "same seed, same candidates");
        assertEquals(5, a.size());
        assertEquals(5, new HashSet<>(texts(a)).size(), "no candidate twice");
        assertEquals(List.of(), five.notes());

        SearchSpace all = SearchSpace.random(lists, 12);
        Set<Map<String, String>> grid = new HashSet<>(texts(SearchSpace.grid(lists).candidates(0)));
        assertEquals(grid, new HashSet<>(texts(all.candidates(seed))), "n_iter = grid size draws every candidate once");

        SearchSpace capped = SearchSpace.random(lists, 100);
        assertEquals(12, capped.size());
        assertEquals(12, capped.candidates(seed).size());
        assertEquals(List.of("n_iter 100 is more than the 12 combinations of the lists given: each combination is "
                + "tried once, 12 candidates"), capped.notes());
    }

    @Test
    void anotherSeedDrawsOtherCandidates() {
        Map<String, List<?>> lists = Map.of("batch_size", List.of(8, 16, 32, 64, 128, 256),
                "learning_rate", List.of("0.001", "0.003", "0.01", "0.03"));
        SearchSpace space = SearchSpace.random(lists, 6);
        assertNotEquals(texts(space.candidates(1)), texts(space.candidates(2)));
        Map<String, Object> dists = Map.of("learning_rate", "log_uniform(1e-4, 1e-1)");
        assertNotEquals(texts(SearchSpace.random(dists, 3).candidates(1)), texts(SearchSpace.random(dists, 3).candidates(2)));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {0, 42, -7, 123456789})
    void randomSearchWithDistributionsSamplesWithReplacementReproducibly(long seed) {
        Map<String, Object> space = new LinkedHashMap<>();
        space.put("learning_rate", "log_uniform(1e-4, 1e-1)");
        space.put("dropout", Distribution.uniform(0, 0.5));
        space.put("batch_size", Distribution.intRange(1, 3));
        space.put("activation", List.of("relu", "tanh"));
        SearchSpace random = SearchSpace.random(space, 40);
        List<Candidate> a = random.candidates(seed);
        assertEquals(a, random.candidates(seed));
        assertEquals(40, a.size());
        Set<Integer> batches = new HashSet<>();
        for (Candidate c : a) {
            double lr = (Double) c.params().get("learning_rate");
            assertTrue(lr >= 1e-4 && lr < 1e-1, "lr " + lr);
            double dropout = (Double) c.params().get("dropout");
            assertTrue(dropout >= 0 && dropout < 0.5, "dropout " + dropout);
            batches.add((Integer) c.params().get("batch_size"));
            assertEquals(Hyperparameters.format("learning_rate", lr), c.texts().get("learning_rate"));
        }
        assertEquals(Set.of(1, 2, 3), batches, "int_range includes both ends");
    }

    @Test
    void severalMapsAreEachDrawnFrom() {
        SearchSpace space = SearchSpace.random(List.of(
                Map.of("optimizer", List.of("sgd"), "momentum", Distribution.uniform(0.5, 0.99)),
                Map.of("optimizer", List.of("adam"), "beta_1", Distribution.uniform(0.8, 0.95))), 30);
        Set<Object> optimizers = new HashSet<>();
        for (Candidate c : space.candidates(9)) {
            String optimizer = c.texts().get("optimizer");
            optimizers.add(optimizer);
            assertTrue(c.params().containsKey(optimizer.equals("sgd") ? "momentum" : "beta_1"));
        }
        assertEquals(Set.of("sgd", "adam"), optimizers);
    }

    @Test
    void distributionsMustSuitTheirHyperparameter() {
        assertEquals("batch_size cannot be drawn from uniform(1, 10): use int_range(lo, hi)",
                message(() -> SearchSpace.random(Map.of("batch_size", Distribution.uniform(1, 10)), 2)));
        assertEquals("dropout cannot be drawn from int_range(0, 1): use uniform(lo, hi) or log_uniform(lo, hi)",
                message(() -> SearchSpace.random(Map.of("dropout", "int_range(0, 1)"), 2)));
        assertEquals("optimizer cannot be drawn from uniform(0, 1): use a list of values",
                message(() -> SearchSpace.random(Map.of("optimizer", "uniform(0,1)"), 2)));
        assertEquals("learning_rate cannot be drawn from uniform(0, 1): learning_rate must be a number > 0, got '0.0'",
                message(() -> SearchSpace.random(Map.of("learning_rate", "uniform(0, 1)"), 2)));
        assertEquals("epochs cannot be drawn from int_range(0, 5): epochs must be an integer >= 1, got '0'",
                message(() -> SearchSpace.random(Map.of("epochs", "int_range(0, 5)"), 2)));
        assertEquals(2, SearchSpace.random(Map.of("dropout", "uniform(0, 1)"), 2).candidates(1).size(),
                "the excluded upper end may be invalid");
        assertEquals("n_iter must be between 1 and 1000000, got 0",
                message(() -> SearchSpace.random(Map.of("epochs", List.of(1)), 0)));
        assertEquals("n_iter must be between 1 and 1000000, got 1000001",
                message(() -> SearchSpace.random(Map.of("epochs", List.of(1)), 1_000_001)));
    }

    /** A grid too large to list is refused before anything is allocated, even past the range of a long. */
    @Test
    void aGridOfMoreThanAMillionCandidatesIsRefused() {
        List<String> thousand = IntStream.rangeClosed(1, 1000).mapToObj(Integer::toString).toList();
        assertEquals("The grid has 1000001 candidates (the product of the numbers of values); a search tries at most "
                        + "1000000: give fewer values, or draw nIter of them in a random search",
                message(() -> SearchSpace.grid(List.of(Map.of("epochs", thousand, "batch_size", thousand),
                        Map.of("epochs", List.of("1"))))));
        Map<String, List<String>> huge = new TreeMap<>();
        for (String name : List.of("epochs", "batch_size", "hidden_layers", "learning_rate", "l1", "l2", "clipnorm")) {
            huge.put(name, thousand);
        }
        assertEquals("The grid has more than 9223372036854775807 candidates (the product of the numbers of values); a "
                + "search tries at most 1000000: give fewer values, or draw nIter of them in a random search",
                message(() -> SearchSpace.grid(huge)));
        assertEquals(5, SearchSpace.random(Map.of("epochs", thousand, "batch_size", thousand), 5).candidates(1).size(),
                "a random search draws from the same lists");
    }

    @Test
    void distributionsParseFromText() {
        assertEquals(Distribution.logUniform(1e-4, 1e-2), Distribution.parse(" log_uniform( 1e-4 , 0.01 ) "));
        assertEquals(Distribution.intRange(16, 256), Distribution.parse("int_range(16,256)"));
        assertEquals("uniform(0.1, 0.5)", Distribution.parse("uniform(0.1, 0.5)").toString());
        assertEquals("A distribution is written uniform(lo, hi), log_uniform(lo, hi) or int_range(lo, hi), got 'normal(0, 1)'",
                message(() -> Distribution.parse("normal(0, 1)")));
        assertEquals("A distribution is written uniform(lo, hi), log_uniform(lo, hi) or int_range(lo, hi), got 'int_range(1.5, 3)'",
                message(() -> Distribution.parse("int_range(1.5, 3)")));
        assertEquals("log_uniform(lo, hi) needs finite 0 < lo < hi, got log_uniform(0, 1)",
                message(() -> Distribution.parse("log_uniform(0, 1)")));
        assertEquals("uniform(lo, hi) needs finite lo < hi, got uniform(2, 1)", message(() -> Distribution.uniform(2, 1)));
        assertEquals("int_range(lo, hi) needs lo <= hi (and fewer than 2^31 - 1 values), got int_range(5, 1)",
                message(() -> Distribution.intRange(5, 1)));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3, 5, 8})
    void distributionDrawsStayInRange(long seed) {
        Rng rng = new Rng(seed);
        Distribution u = Distribution.uniform(-2, 3);
        Distribution l = Distribution.logUniform(1e-5, 1);
        Distribution i = Distribution.intRange(-1, 1);
        int belowMilli = 0;
        for (int n = 0; n < 2000; n++) {
            double a = (Double) u.sample(rng);
            assertTrue(a >= -2 && a < 3);
            double b = (Double) l.sample(rng);
            assertTrue(b >= 1e-5 && b < 1);
            belowMilli += b < 1e-3 ? 1 : 0;
            int c = (Integer) i.sample(rng);
            assertTrue(c >= -1 && c <= 1);
        }
        // log-uniform: 2 of the 5 decades lie below 1e-3.
        assertEquals(0.4, belowMilli / 2000.0, 0.05);
    }

    private static List<Map<String, String>> texts(List<Candidate> candidates) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Candidate c : candidates) {
            SortedMap<String, String> t = c.texts();
            out.add(t);
        }
        return out;
    }

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }
}
