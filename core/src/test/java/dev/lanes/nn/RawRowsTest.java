package dev.lanes.nn;

import dev.lanes.base.InputColumn;
import dev.lanes.data.DataSpec;
import dev.lanes.data.Dataset;
import dev.lanes.data.MissingValues;
import dev.lanes.data.Preprocessing;
import dev.lanes.data.Scaling;
import dev.lanes.simd.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model trained on a CSV file with a categorical column, saved and loaded elsewhere, predicts the
 * file's raw rows (text cells, by column name) exactly as the training side predicts its features.
 */
class RawRowsTest {

    private static final String[] COLORS = {"red", "green", "blue"};

    @Test
    void aLoadedModelPredictsRawRowsAsTheDataSetsFeatures(@TempDir Path dir) throws IOException {
        List<String> lines = new ArrayList<>(List.of("note,x,color,z,y"));
        for (int r = 0; r < 60; r++) {
            String x = r % 7 == 3 ? "" : Integer.toString(r % 11 - 5);
            String color = r % 13 == 5 ? "" : COLORS[r % 3];
            lines.add("row " + r + "," + x + "," + color + "," + (r * 0.25) + "," + (r % 3 * 10 + r % 11));
        }
        Path csv = dir.resolve("colors.csv");
        Files.write(csv, lines);
        Dataset data = Dataset.load(csv, DataSpec.target("y").exclude("note").categorical("color")
                .missing(MissingValues.MEAN));
        assertEquals(List.of(InputColumn.numeric("x"), InputColumn.categorical("color", List.of("blue", "green", "red")),
                InputColumn.numeric("z")), data.columns());

        int[] all = IntStream.range(0, data.rows()).toArray();
        Preprocessing p = Preprocessing.fit(data, all, Scaling.STANDARD, Scaling.STANDARD);
        Model model = Sequential.input(5).dense(8, Activation.TANH).dense(1).build(11);
        model.fit(p.features(data, all), p.target(data, all), FitOptions.defaults().epochs(3));
        Path file = dir.resolve("colors.lanes");
        Model trained = model.withScalers(p.toScalers(data));
        trained.save(file);

        Model loaded = Model.load(file);
        List<Map<String, String>> rows = new ArrayList<>();
        String[] header = lines.get(0).split(",", -1);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < header.length; c++) {
                row.put(header[c], cells[c]);
            }
            rows.add(row);
        }
        float[] fromRows = loaded.predictRaw(rows).toArray();
        assertArrayEquals(trained.predictRaw(data.features()).toArray(), fromRows);
        for (float v : fromRows) {
            assertTrue(Float.isFinite(v));
        }

        rows.get(4).put("color", "purple");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loaded.predictRaw(rows));
        assertTrue(e.getMessage().startsWith("row 5, column 'color': 'purple' is not a category the model was trained on."),
                e.getMessage());
    }
}
