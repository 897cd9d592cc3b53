package dev.lanes.data;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.lanes.base.Cells;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A UTF-8 CSV file opened for reading: its delimiter (given, or detected from the header line), its
 * header (names trimmed) and then its data records, each with the physical line it starts on. Problems
 * with the file as a whole (missing, unreadable, empty, no delimiter, duplicate column names) are
 * reported here as {@link DataException}s naming the file.
 */
final class CsvFile implements AutoCloseable {

    /** The delimiters detection chooses from, in the order that breaks ties. */
    private static final String DETECTABLE = ",;\t";
    /**
     * The longest record read, in characters (16 Mi, FastCSV's default, made explicit): a longer line,
     * or a quoted field that never ends, is refused instead of filling the heap.
     */
    static final int MAX_RECORD_CHARS = 16 * 1024 * 1024;
    /** The most columns a header may name: FastCSV's limit on the fields of a record. */
    static final int MAX_COLUMNS = 16_384;

    private final String file;
    private final char delimiter;
    private final CsvReader<CsvRecord> reader;
    private final CloseableIterator<CsvRecord> records;
    private final List<String> header;
    /** The line the header is on: 1, unless empty lines precede it. */
    private final long headerLine;
    private long lastLine;

    private CsvFile(String file, char delimiter, CsvReader<CsvRecord> reader) {
        this.file = file;
        this.delimiter = delimiter;
        this.reader = reader;
        this.records = reader.iterator();
        CsvRecord first = nextRecord();
        if (first == null) {
            throw new DataException(file + ": the file is empty; a data set starts with a header row naming"
                    + " the columns, followed by one row per example");
        }
        this.headerLine = first.getStartingLineNumber();
        this.header = trimmedNames(first.getFields());
        if (header.size() < 2) {
            throw new DataException(file + ":" + headerLine + ": the header '" + Cells.shown(header.get(0))
                    + "' is a single column when split at the " + describe(delimiter) + "; a data set needs a"
                    + " target and at least one feature column: is the delimiter right?");
        }
        checkUnique();
    }

    /**
     * Opens {@code path}, with {@code delimiter} or the one detected from the header line.
     *
     * @throws DataException when the file is missing, unreadable, empty, or has no detectable delimiter
     */
    static CsvFile open(Path path, Optional<Character> delimiter) {
        String file = path.toString();
        if (Files.isDirectory(path)) {
            throw new DataException(file + ": is a directory, not a CSV file");
        }
        String firstLine = firstNonEmptyLine(path, file);
        char chosen = delimiter.isPresent() ? checked(file, delimiter.get()) : detect(firstLine, file);
        int columns = firstLine == null ? 0 : countOutsideQuotes(firstLine, chosen) + 1;
        if (columns > MAX_COLUMNS) {
            throw new DataException(file + ": the header names " + columns + " columns when split at the "
                    + describe(chosen) + "; Lanes reads at most " + MAX_COLUMNS + ": is the delimiter right?");
        }
        try {
            CsvReader<CsvRecord> reader = CsvReader.builder()
                    .fieldSeparator(chosen)
                    .detectBomHeader(true)
                    .skipEmptyLines(true)
                    // Field counts are checked by the caller, which words the error for the user.
                    .allowExtraFields(true)
                    .allowMissingFields(true)
                    .maxBufferSize(MAX_RECORD_CHARS)
                    .ofCsvRecord(path, StandardCharsets.UTF_8);
            try {
                return new CsvFile(file, chosen, reader);
            } catch (RuntimeException e) {
                reader.close();
                throw e;
            }
        } catch (NoSuchFileException e) {
            throw notFound(path);
        } catch (IOException e) {
            throw new DataException(file + ": cannot be read: " + e, e);
        }
    }

    /** The file as named in messages. */
    String file() {
        return file;
    }

    /** The column names of the header, trimmed, in file order. */
    List<String> header() {
        return header;
    }

    /** The delimiter in words, for messages. */
    String delimiterName() {
        return describe(delimiter);
    }

    /**
     * The next data record, or null at the end of the file. Lines holding only blanks are skipped like
     * empty lines, so trailing whitespace at the end of a file does not make a ragged row.
     */
    CsvRecord next() {
        CsvRecord record;
        do {
            record = nextRecord();
        } while (record != null && record.getFieldCount() == 1 && record.getField(0).isBlank());
        return record;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CsvRecord nextRecord() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CsvRecord record = records.next();
            lastLine = record.getStartingLineNumber();
            return record;
        } catch (UncheckedIOException | CsvParseException e) {
            String after = lastLine == 0 ? "" : " after line " + lastLine;
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new DataException(file + ": cannot be parsed" + after + " (" + cause.getMessage().strip() + "); a record is"
                    + " at most " + MAX_RECORD_CHARS + " characters and " + MAX_COLUMNS + " fields: is a quote left open?", e);
        }
    }

    private void checkUnique() {
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            Integer first = seen.putIfAbsent(header.get(c), c);
            if (first != null) {
                throw new DataException(file + ":" + headerLine + ": the column name '" + header.get(c)
                        + "' appears twice (columns " + (first + 1) + " and " + (c + 1)
                        + "); column names must be unique");
            }
        }
    }

    private static List<String> trimmedNames(List<String> fields) {
        List<String> names = new ArrayList<>(fields.size());
        for (String f : fields) {
            names.add(f.trim());
        }
        return List.copyOf(names);
    }

    private static char checked(String file, char delimiter) {
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
            throw new DataException(file + ": " + describe(delimiter) + " cannot be the delimiter;"
                    + " use a comma, semicolon, tab or another character");
        }
        return delimiter;
    }

    /**
     * The detectable delimiter found most often outside quotes in the first non-empty line; ties go to
     * comma, then semicolon, then tab.
     */
    private static char detect(String line, String file) {
        if (line == null) {
            throw new DataException(file + ": the file is empty; a data set starts with a header row naming"
                    + " the columns, followed by one row per example");
        }
        int[] counts = new int[DETECTABLE.length()];
        for (int d = 0; d < counts.length; d++) {
            counts[d] = countOutsideQuotes(line, DETECTABLE.charAt(d));
        }
        int best = 0;
        for (int d = 1; d < counts.length; d++) {
            if (counts[d] > counts[best]) {
                best = d;
            }
        }
        if (counts[best] == 0) {
            throw new DataException(file + ": cannot detect the delimiter: the header line '" + Cells.shown(line)
                    + "' has no comma, semicolon or tab outside quotes; a data set needs a target and at least"
                    + " one feature column, or give the delimiter explicitly");
        }
        return DETECTABLE.charAt(best);
    }

    /** How often {@code delimiter} occurs in {@code line} outside double quotes. */
    private static int countOutsideQuotes(String line, char delimiter) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && ch == delimiter) {
                count++;
            }
        }
        return count;
    }

    /** The first line that is not empty, without a byte-order mark; refused past {@link #MAX_RECORD_CHARS}. */
    private static String firstNonEmptyLine(Path path, String file) {
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            for (int ch = in.read(); ch != -1; ch = in.read()) {
                if (ch == '\n' || ch == '\r') {
                    if (line.length() > 0) {
                        return line.toString();
                    }
                } else if (ch != '\uFEFF' || line.length() > 0) {
                    if (line.length() == MAX_RECORD_CHARS) {
                        throw new DataException(file + ": the header line is longer than " + MAX_RECORD_CHARS
                                + " characters; is this a CSV file?");
                    }
                    line.append((char) ch);
                }
            }
            return line.length() > 0 ? line.toString() : null;
        } catch (NoSuchFileException e) {
            throw notFound(path);
        } catch (CharacterCodingException e) {
            throw new DataException(file + ": the header line is not UTF-8 text; save the file as UTF-8", e);
        } catch (IOException e) {
            throw new DataException(file + ": cannot be read: " + e, e);
        }
    }

    private static DataException notFound(Path path) {
        return new DataException(path + ": file not found (absolute path " + path.toAbsolutePath() + ")");
    }

    private static String describe(char delimiter) {
        return switch (delimiter) {
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '\t' -> "tab";
            default -> "'" + (Character.isISOControl(delimiter)
                    ? String.format("\\u%04x", (int) delimiter) : String.valueOf(delimiter)) + "'";
        };
    }
}
