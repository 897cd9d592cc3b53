package dev.lanes.maven.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.lanes.maven.job.Json;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code gridsearch.csv}: one row per candidate with scikit-learn's {@code cv_results_} column names
 * ({@link CvResults}), so that {@code pandas.read_csv} gives the familiar table. {@code params} holds a
 * JSON object; a failed fit's score is {@code NaN}. Written with FastCSV's writer. The per-split {@code epochs_run}, {@code status} and
 * {@code problems} are left to {@code gridsearch.json}, the timings to {@code timings.json}. RFC 4180
 * quoting, {@code \n} line ends.
 */
final class CsvReport {

    private static final List<String> JSON_ONLY = List.of("epochs_run", "status", "problems");

    private CsvReport() {
    }

    /** Writes the rows of {@code outcome} to {@code file}. */
    static void write(CompletedSearch outcome, Path file) throws IOException {
        Files.writeString(file, text(CvResults.rows(outcome)), StandardCharsets.UTF_8);
    }

    /** The table of {@code rows}, with FastCSV's writer: fields quoted only when they need it. */
    static String text(List<Map<String, Object>> rows) throws IOException {
        List<String> columns = new ArrayList<>(rows.get(0).keySet());
        columns.removeAll(JSON_ONLY);
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out)) {
            csv.writeRecord(columns);
            for (Map<String, Object> row : rows) {
                List<String> cells = new ArrayList<>();
                for (String column : columns) {
                    Object v = row.get(column);
                    cells.add(v == null ? "" : v instanceof Map ? Json.MAPPER.writeValueAsString(v) : v.toString());
                }
                csv.writeRecord(cells);
            }
        }
        return out.toString();
    }
}
