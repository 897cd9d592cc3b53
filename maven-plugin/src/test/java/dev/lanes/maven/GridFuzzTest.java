package dev.lanes.maven;

import dev.lanes.tune.Hyperparameters;
import dev.lanes.tune.SearchSpace;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Any {@code <grid>} element texts, as a POM writes them ({@code <activation>relu | tanh</activation>}),
 * are parsed and checked as the build and the worker do, or refused with a message: a
 * {@link ConfigurationError} from the POM parser or an {@link IllegalArgumentException} from the search
 * space, never another exception.
 */
class GridFuzzTest {

    private static final List<String> NAMES = List.copyOf(Hyperparameters.names());

    @FuzzTest(maxDuration = "5m")
    void anyGridElementIsParsedOrRefusedWithAMessage(FuzzedDataProvider data) {
        Map<String, String> raw = new LinkedHashMap<>();
        int names = data.consumeInt(1, 4);
        for (int n = 0; n < names; n++) {
            raw.put(data.consumeBoolean() ? data.pickValue(NAMES) : data.consumeString(20), data.consumeString(80));
        }
        try {
            SearchSpace.grid(GridParser.grid(raw, "<grid>")).candidates(1);
        } catch (ConfigurationError | IllegalArgumentException e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "an error without a message");
        }
    }
}
