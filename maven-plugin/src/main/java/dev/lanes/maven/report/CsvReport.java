package dev.lanes.maven.report;

import dev.lanes.maven.job.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code gridsearch.csv}: one row per candidate with scikit-learn's {@code cv_results_} column names
 * ({@link CvResults}), so that {@code pandas.read_csv} gives the familiar table. {@code params} holds a
 * JSON object; a failed fit's score is {@code NaN}. The per-split {@code epochs_run}, {@code status} and
 * {@code problems} are left to {@code gridsearch.json}, the timings to {@code timings.json}. RFC 4180
 * quoting, {@code \n} line ends.
 */
final class CsvReport {

    private static final List<String> JSON_ONLY = List.of("epochs_run", "status", "problems");

    private CsvReport() {
    }

    /** Writes the rows of {@code outcome} to {@code file}. */
    static void write(CompletedSearch outcome, Path file) throws IOException {
        List<Map<String, Object>> rows = CvResults.rows(outcome);
        List<String> columns = new ArrayList<>(rows.get(0).keySet());
        columns.removeAll(JSON_ONLY);
        StringBuilder out = new StringBuilder();
        line(out, columns);
        for (Map<String, Object> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                Object v = row.get(column);
                cells.add(v == null ? "" : v instanceof Map ? Json.MAPPER.writeValueAsString(v) : v.toString());
            }
            line(out, cells);
        }
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quoted(cells.get(i)));
        }
        out.append('\n');
    }

    /** A cell, quoted when it holds a comma, a quote or a line break. */
    static String quoted(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
