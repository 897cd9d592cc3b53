package dev.lanes.maven;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GridParserTest {

    private static Map<String, String> grid(String... nameValue) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put(nameValue[i], nameValue[i + 1]);
        }
        return m;
    }

    @Test
    void barsSeparateValuesAndCommasStayInside() {
        List<Map<String, List<String>>> grids = GridParser.grids(
                grid("learning_rate", "0.001|0.01", "hidden_layers", " 64 | 64,32 |128,64,32 "), null);
        assertEquals(List.of(Map.of("hidden_layers", List.of("64", "64,32", "128,64,32"),
                "learning_rate", List.of("0.001", "0.01"))), grids);
    }

    @Test
    void namesComeOutSorted() {
        Map<String, List<String>> g = GridParser.grid(grid("optimizer", "adam", "activation", "relu", "epochs", "20"), "<grid>");
        assertEquals(List.of("activation", "epochs", "optimizer"), List.copyOf(g.keySet()));
    }

    @Test
    void aSingleValueFixesTheParameter() {
        assertEquals(List.of("20"), GridParser.values("epochs", "20", "<grid>"));
    }

    @Test
    void aDistributionIsOneValue() {
        assertEquals(List.of("log_uniform(1e-4, 1e-2)"), GridParser.values("learning_rate", "log_uniform(1e-4, 1e-2)", "<grid>"));
    }

    @Test
    void severalGridsKeepTheirOrder() {
        List<Map<String, List<String>>> grids = GridParser.grids(null,
                List.of(grid("optimizer", "sgd", "momentum", "0.9|0.99"), grid("optimizer", "adam")));
        assertEquals(2, grids.size());
        assertEquals(List.of("sgd"), grids.get(0).get("optimizer"));
        assertEquals(List.of("adam"), grids.get(1).get("optimizer"));
    }

    @Test
    void noGridIsAnErrorThatShowsHowToWriteOne() {
        ConfigurationError e = assertThrows(ConfigurationError.class, () -> GridParser.grids(null, null));
        assertTrue(e.getMessage().startsWith("No grid is configured: add a <grid>"), e.getMessage());
    }

    @Test
    void gridAndGridsTogetherAreAnError() {
        ConfigurationError e = assertThrows(ConfigurationError.class,
                () -> GridParser.grids(grid("epochs", "1"), List.of(grid("epochs", "2"))));
        assertTrue(e.getMessage().startsWith("Both <grid> and <grids> are configured"), e.getMessage());
    }

    @Test
    void emptyGridsAreErrors() {
        assertThrows(ConfigurationError.class, () -> GridParser.grids(Map.of(), null));
        assertThrows(ConfigurationError.class, () -> GridParser.grids(null, List.of()));
        ConfigurationError e = assertThrows(ConfigurationError.class,
                () -> GridParser.grids(null, List.of(grid("epochs", "1"), Map.of())));
        assertTrue(e.getMessage().startsWith("<grids> grid 2 is empty"), e.getMessage());
    }

    @Test
    void emptyValuesAreErrors() {
        ConfigurationError blank = assertThrows(ConfigurationError.class, () -> GridParser.values("epochs", " ", "<grid>"));
        assertTrue(blank.getMessage().contains("<epochs> has no value"), blank.getMessage());
        assertThrows(ConfigurationError.class, () -> GridParser.values("epochs", null, "<grid>"));
        ConfigurationError between = assertThrows(ConfigurationError.class,
                () -> GridParser.values("activation", "relu||tanh", "<grid>"));
        assertTrue(between.getMessage().contains("<activation>relu||tanh</activation> has an empty value"), between.getMessage());
        assertThrows(ConfigurationError.class, () -> GridParser.values("activation", "relu|", "<grid>"));
    }
}
