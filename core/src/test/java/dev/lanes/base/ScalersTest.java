package dev.lanes.base;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Raw rows into features: numbers, categories, missing cells, and the rows that are refused. */
class ScalersTest {

    private static final float NAN = Float.NaN;

    /** x (number), color (blue, green, red), z (number): 5 features. */
    private static Scalers scalers() {
        List<InputColumn> columns = List.of(InputColumn.numeric("x"),
                InputColumn.categorical("color", List.of("blue", "green", "red")), InputColumn.numeric("z"));
        return new Scalers(columns, new float[5], new float[] {1, 1, 1, 1, 1}, new float[5], "y", 0, 1);
    }

    private static Map<String, String> row(String... keysAndValues) {
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    @Test
    void rowsBecomeFeaturesInTheColumnsOrder() {
        Scalers s = scalers();
        assertEquals(List.of("x", "color=blue", "color=green", "color=red", "z"), s.featureNames());
        Matrix m = s.encode(List.of(
                row("z", "4", "color", "red", "x", "1.5", "ignored", "anything"),
                row("x", " -2 ", "color", " blue ", "z", "1e3"),
                row("x", "", "color", "", "z", "0"),
                row("x", null, "color", null, "z", "7")));
        assertArrayEquals(new float[] {
            1.5f, 0, 0, 1, 4,
            -2, 1, 0, 0, 1000,
            NAN, 0, 0, 0, 0,
            NAN, 0, 0, 0, 7}, m.toArray());
    }

    @Test
    void noRowsGiveAnEmptyMatrix() {
        Matrix m = scalers().encode(List.of());
        assertEquals(0, m.rows());
        assertEquals(5, m.cols());
    }

    @Test
    void anUnknownCategoryIsRefusedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> scalers().encode(List.of(row("x", "1", "color", "red", "z", "0"), row("x", "1", "color", "gren", "z", "0"))));
        assertEquals("row 2, column 'color': 'gren' is not a category the model was trained on. Did you mean 'green'?"
                + " Known: blue, green, red; leave the cell empty to read it as no category", e.getMessage());
    }

    @Test
    void aLongListOfCategoriesIsCutInTheMessage() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add("c" + i);
        }
        Scalers s = new Scalers(List.of(InputColumn.categorical("k", many)), new float[100], new float[100],
                new float[100], "y", 0, 1);
        String message = assertThrows(IllegalArgumentException.class, () -> s.encode(List.of(row("k", "zzzzzz"))))
                .getMessage();
        assertTrue(message.contains("c28, c29, ... (100 in all)"), message);
        assertTrue(!message.contains("c30"), message);
    }

    @Test
    void aMissingColumnIsNamedWithASuggestion() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> scalers().encode(List.of(row("x", "1", "colour", "red", "z", "0"))));
        assertEquals("row 1 has no column 'color'. Did you mean 'colour'? The model takes: x, color, z", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "inf", "-Infinity", "1,5", "0x1p3", "1.5f", "1e999", "twelve"})
    void aCellThatIsNotAFiniteDecimalIsRefused(String cell) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> scalers().encode(List.of(row("x", cell, "color", "red", "z", "0"))));
        assertEquals("row 1, column 'x': '" + cell + "' is not a finite decimal number (like 12, -0.5 or 1.5e-3);"
                + " leave the cell empty for a missing value", e.getMessage());
    }

    @Test
    void aVeryLongCellIsShownCutAndGetsNoSuggestion() {
        String runaway = "g".repeat(1_000_000);
        String message = assertThrows(IllegalArgumentException.class,
                () -> scalers().encode(List.of(row("x", "1", "color", runaway, "z", "0")))).getMessage();
        assertTrue(message.length() < 400, message);
        assertTrue(!message.contains("Did you mean"), message);
    }

    @Test
    void columnsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new InputColumn("x", false, List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> InputColumn.categorical("c", List.of("a", "b", "a")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Scalers(List.of(InputColumn.categorical("c", List.of("a", "b"))), new float[1], new float[1],
                        new float[1], "y", 0, 1));
        assertEquals("2 features need 2 fill, scale and shift values, got 1, 1 and 1", e.getMessage());
    }
}
