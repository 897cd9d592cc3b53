package dev.lanes.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files built to exhaust memory are refused with a message, within the reader's stated limits: a header
 * of a million columns, a line longer than {@link CsvFile#MAX_RECORD_CHARS}, a quoted field that never
 * ends. The files are streamed to disk, so the test needs no more heap than the reader may use.
 */
class CsvLimitsTest {

    @TempDir
    Path dir;

    @Test
    void aMillionColumnHeaderIsRefused() throws IOException {
        Path file = write("wide.csv", out -> {
            for (int c = 0; c < 1_000_000; c++) {
                out.write("c" + c + ",");
            }
            out.write("y\n1,2\n");
        });
        DataException e = assertThrows(DataException.class, () -> Dataset.load(file, DataSpec.target("y")));
        assertEquals(file + ": the header names 1000001 columns when split at the comma; Lanes reads at most "
                + "16384: is the delimiter right?", e.getMessage());
    }

    @Test
    void aDataRowOfTooManyFieldsIsRefused() throws IOException {
        Path file = write("wide_row.csv", out -> out.write("x,y\n1,2\n" + "3,".repeat(20_000) + "4\n"));
        DataException e = assertThrows(DataException.class, () -> Dataset.load(file, DataSpec.target("y")));
        assertEquals(file + ": cannot be parsed after line 2 (Record starting at line 3 has surpassed the maximum limit"
                + " of 16384 fields); a record is at most 16777216 characters and 16384 fields: is a quote left open?",
                e.getMessage());
    }

    @Test
    void aHeaderLineLongerThanTheLimitIsRefusedWhileDetectingTheDelimiter() throws IOException {
        Path file = write("long_header.csv", out -> repeat(out, 'a', CsvFile.MAX_RECORD_CHARS + 1));
        DataException e = assertThrows(DataException.class, () -> Dataset.load(file, DataSpec.target("y")));
        assertEquals(file + ": the header line is longer than 16777216 characters; is this a CSV file?", e.getMessage());
    }

    @Test
    void aDataLineLongerThanTheLimitIsRefused() throws IOException {
        Path file = write("long_line.csv", out -> {
            out.write("x,y\n1,2\n3,");
            repeat(out, '4', CsvFile.MAX_RECORD_CHARS + 1);
            out.write("\n");
        });
        DataException e = assertThrows(DataException.class, () -> Dataset.load(file, DataSpec.target("y")));
        assertTrue(e.getMessage().startsWith(file + ": cannot be parsed after line 2 ("), e.getMessage());
    }

    @Test
    void aQuotedFieldThatNeverEndsIsRefused() throws IOException {
        Path file = write("open_quote.csv", out -> {
            out.write("x,y\n1,2\n\"");
            for (int i = 0; i < CsvFile.MAX_RECORD_CHARS / 8 + 1; i++) {
                out.write("3,4\n5,6\n");
            }
        });
        DataException e = assertThrows(DataException.class, () -> Dataset.load(file, DataSpec.target("y")));
        assertTrue(e.getMessage().startsWith(file + ": cannot be parsed after line 2 (")
                && e.getMessage().endsWith(" 16384 fields: is a quote left open?"), e.getMessage());
    }

    private interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private Path write(String name, Content content) throws IOException {
        Path file = dir.resolve(name);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            content.writeTo(out);
        }
        return file;
    }

    private static void repeat(Writer out, char ch, int count) throws IOException {
        char[] block = new char[8192];
        Arrays.fill(block, ch);
        for (int left = count; left > 0; left -= block.length) {
            out.write(block, 0, Math.min(left, block.length));
        }
    }
}
