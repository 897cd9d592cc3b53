package dev.lanes.tune;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Any hyperparameter names and value texts, as a POM or a Java caller gives them, build a grid or a
 * random space or are refused with an {@link IllegalArgumentException} with a message, before any
 * training. Names are picked mostly from the real ones, so that the value parsers are reached.
 */
class SearchSpaceFuzzTest {

    private static final List<String> NAMES = List.copyOf(Hyperparameters.names());

    @FuzzTest(maxDuration = "5m")
    void anyGridIsBuiltOrRefusedWithAMessage(FuzzedDataProvider data) {
        Map<String, List<String>> grid = new LinkedHashMap<>();
        int names = data.consumeInt(1, 4);
        for (int n = 0; n < names; n++) {
            String name = data.consumeBoolean() ? data.pickValue(NAMES) : data.consumeString(20);
            List<String> values = new ArrayList<>();
            int count = data.consumeInt(1, 3);
            for (int v = 0; v < count; v++) {
                values.add(data.consumeString(40));
            }
            grid.put(name, values);
        }
        boolean random = data.consumeBoolean();
        int nIter = data.consumeInt();
        try {
            SearchSpace space = random ? SearchSpace.random(grid, nIter) : SearchSpace.grid(grid);
            space.candidates(1);
        } catch (IllegalArgumentException e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "an IllegalArgumentException without a message");
        }
    }
}
