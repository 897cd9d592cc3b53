package dev.lanes.maven;

import dev.lanes.nn.Optimizers;
import dev.lanes.tune.Hyperparameters;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hyperparameter table of docs/plugin-reference.md against the declarations in
 * {@link Hyperparameters}: the same names, the same defaults, the same optimizers. A declaration changed
 * without its documentation fails here.
 */
class HyperparameterReferenceTest {

    private static final Path REFERENCE = Path.of("..", "docs", "plugin-reference.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z_0-9]+)` \\| [^|]+ \\| ([^|]+) \\| (.*) \\|$");

    /** The table's rows: name to (default cell, meaning cell). */
    private static Map<String, String[]> rows() throws IOException {
        String text = Files.readString(REFERENCE);
        String table = text.substring(text.indexOf("## Hyperparameters"), text.indexOf("## Successive halving"));
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : table.split("\n")) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                rows.put(m.group(1), new String[] {m.group(2).strip(), m.group(3)});
            }
        }
        return rows;
    }

    @Test
    void everyHyperparameterIsDocumentedAndNothingElse() throws IOException {
        List<String> documented = new ArrayList<>(rows().keySet());
        documented.sort(null);
        assertEquals(Hyperparameters.names(), documented);
    }

    @Test
    void theDocumentedDefaultsAreTheDeclaredOnes() throws IOException {
        Map<String, String[]> rows = rows();
        for (String name : Hyperparameters.names()) {
            Hyperparameters.defaultValue(name).ifPresent(d -> {
                String shown = Hyperparameters.format(name, d);
                String cell = rows.get(name)[0];
                assertTrue(cell.equals("`" + shown + "`") || cell.equals(shown) || cell.startsWith(shown + " "),
                        name + ": the reference says " + cell + ", the declaration " + shown);
            });
        }
    }

    @Test
    void theOptimizerRowListsEveryOptimizer() throws IOException {
        String meaning = rows().get(Hyperparameters.OPTIMIZER)[1];
        for (String o : Optimizers.names()) {
            assertTrue(meaning.contains("`" + o + "`"), o + " is missing from the optimizer row: " + meaning);
        }
    }
}
