package dev.lanes.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the {@code <grid>} and {@code <grids>} elements: each child element names a hyperparameter and
 * holds its values separated by {@code |}, so that a comma can stay inside a value:
 * {@code <hidden_layers>64|64,32|128,64,32</hidden_layers>} is three architectures, and
 * {@code <epochs>20</epochs>} fixes a parameter. The names and values themselves are checked by the
 * search (with did-you-mean hints), not here.
 */
final class GridParser {

    /** Separates the alternatives of one hyperparameter. */
    static final String SEPARATOR = "|";

    private GridParser() {
    }

    /**
     * The grids to search: {@code grid} alone, or {@code grids} (their union, in order).
     *
     * @throws ConfigurationError when neither or both are given, a grid is empty, or a value is empty
     */
    static List<Map<String, List<String>>> grids(Map<String, String> grid, List<? extends Map<String, String>> grids) {
        boolean hasGrid = grid != null;
        boolean hasGrids = grids != null;
        if (hasGrid && hasGrids) {
            throw new ConfigurationError("Both <grid> and <grids> are configured: use <grid> for one grid, or put every "
                    + "grid inside <grids> as <grid> elements (their candidates are tried one after the other).");
        }
        if (!hasGrid && !hasGrids) {
            throw new ConfigurationError("No grid is configured: add a <grid> with one element per hyperparameter and "
                    + "its values separated by '|', e.g. <grid><hidden_layers>64|64,32</hidden_layers>"
                    + "<learning_rate>0.001|0.01</learning_rate></grid>.");
        }
        List<Map<String, List<String>>> out = new ArrayList<>();
        if (hasGrid) {
            out.add(grid(grid, "<grid>"));
        } else {
            if (grids.isEmpty()) {
                throw new ConfigurationError("<grids> is empty: put at least one <grid> inside it.");
            }
            for (int i = 0; i < grids.size(); i++) {
                out.add(grid(grids.get(i), "<grids> grid " + (i + 1)));
            }
        }
        return out;
    }

    /** One grid: hyperparameter name to its values, names sorted. */
    static Map<String, List<String>> grid(Map<String, String> raw, String where) {
        if (raw == null || raw.isEmpty()) {
            throw new ConfigurationError(where + " is empty: give at least one hyperparameter and its values, e.g. "
                    + "<learning_rate>0.001|0.01</learning_rate>.");
        }
        Map<String, List<String>> out = new TreeMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            out.put(e.getKey(), values(e.getKey(), e.getValue(), where));
        }
        return new LinkedHashMap<>(out);
    }

    /** The alternatives of one hyperparameter, trimmed; none may be empty. */
    static List<String> values(String name, String text, String where) {
        if (text == null || text.isBlank()) {
            throw new ConfigurationError(where + ": <" + name + "> has no value: write its values separated by '|', "
                    + "e.g. <" + name + ">a|b</" + name + ">, or one value to fix it.");
        }
        List<String> values = new ArrayList<>();
        for (String part : text.split("\\" + SEPARATOR, -1)) {
            String value = part.strip();
            if (value.isEmpty()) {
                throw new ConfigurationError(where + ": <" + name + ">" + text.strip() + "</" + name + "> has an empty "
                        + "value between '|' separators.");
            }
            values.add(value);
        }
        return values;
    }
}
