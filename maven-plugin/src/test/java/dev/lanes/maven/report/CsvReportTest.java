package dev.lanes.maven.report;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The CSV table: quoted only where needed, and read back cell for cell. */
class CsvReportTest {

    @Test
    void quotesOnlyWhatNeedsItAndReadsBack() throws IOException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("params", Map.of("hidden_layers", "64,32"));
        row.put("param_hidden_layers", "64,32");
        row.put("note", "two\nlines and \"quotes\"");
        row.put("split0_test_score", 53142.5);
        row.put("status", List.of("ok"));
        String text = CsvReport.text(List.of(row));
        assertEquals("params,param_hidden_layers,note,split0_test_score\n"
                + "\"{\"\"hidden_layers\"\":\"\"64,32\"\"}\",\"64,32\",\"two\nlines and \"\"quotes\"\"\",53142.5\n", text);
        List<CsvRecord> records = CsvReader.builder().ofCsvRecord(text).stream().toList();
        assertEquals(List.of("{\"hidden_layers\":\"64,32\"}", "64,32", "two\nlines and \"quotes\"", "53142.5"),
                records.get(1).getFields());
    }
}
