package dev.lanes.nn;

import de.siegmar.fastcsv.writer.CsvWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Keras' {@code CSVLogger}: one row per epoch in a CSV file, {@code epoch} first and then the logged
 * quantities in name order, as Keras writes them: {@code learning_rate}, {@code loss}, and with
 * validation data {@code val_loss} and {@code val_<metric>} for each requested metric. Without
 * {@code append} the file is replaced when the fit's first epoch ends; with it, rows are added to it
 * and a header is written only into an empty or missing file. Each row is written and flushed as its
 * epoch ends, so the file is complete up to the last finished epoch.
 *
 * @param file      the CSV file
 * @param separator the field separator (Keras' {@code separator}, default ',')
 * @param append    whether to add to an existing file
 */
public record CsvLogger(Path file, char separator, boolean append) implements Callback {

    /** Checks the arguments. */
    public CsvLogger {
        Objects.requireNonNull(file, "file");
        if (separator == '"' || separator == '\n' || separator == '\r') {
            throw new IllegalArgumentException("CsvLogger's separator cannot be a quote or a line break");
        }
    }

    /** Keras writes it {@code CSVLogger}. */
    @Override
    public String kerasName() {
        return "CSVLogger";
    }

    @Override
    public List<Path> files() {
        return List.of(file);
    }

    @Override
    public CsvLogger relocated(UnaryOperator<Path> where) {
        return new CsvLogger(where.apply(file), separator, append);
    }

    /** Keras' defaults: separator ',', the file replaced. */
    public static CsvLogger to(Path file) {
        return new CsvLogger(file, ',', false);
    }

    /** With another field separator. */
    public CsvLogger separator(char value) {
        return new CsvLogger(file, value, append);
    }

    /** With append set. */
    public CsvLogger append(boolean value) {
        return new CsvLogger(file, separator, value);
    }

    @Override
    public Hook start() {
        return new Hook() {
            private List<String> columns;

            @Override
            public void onEpochEnd(EpochLogs logs, TrainingControl control) {
                Map<String, Double> values = logs.quantities();
                try {
                    boolean first = columns == null;
                    if (first) {
                        columns = new ArrayList<>(values.keySet());
                    } else if (!columns.equals(new ArrayList<>(values.keySet()))) {
                        throw new IllegalStateException("CsvLogger: epoch " + logs.epoch() + " logs " + values.keySet()
                                + " but the file's columns are " + columns);
                    }
                    boolean replace = first && !append;
                    Path parent = file.toAbsolutePath().getParent();
                    if (first && parent != null) {
                        Files.createDirectories(parent);
                    }
                    boolean header = replace || !Files.exists(file) || Files.size(file) == 0;
                    try (CsvWriter csv = CsvWriter.builder().fieldSeparator(separator).build(file, StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            replace ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND)) {
                        if (header) {
                            List<String> names = new ArrayList<>(List.of("epoch"));
                            names.addAll(columns);
                            csv.writeRecord(names);
                        }
                        List<String> row = new ArrayList<>(List.of(Integer.toString(logs.epoch())));
                        for (String c : columns) {
                            row.add(Double.toString(values.get(c)));
                        }
                        csv.writeRecord(row);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("CsvLogger could not write " + file.toAbsolutePath() + ": "
                            + e.getMessage(), e);
                }
            }
        };
    }
}
