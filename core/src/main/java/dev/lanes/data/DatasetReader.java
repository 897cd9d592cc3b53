package dev.lanes.data;

import de.siegmar.fastcsv.reader.CsvRecord;
import dev.lanes.base.Cells;
import dev.lanes.base.InputColumn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the data rows of a {@link CsvFile} into a {@link Dataset}: checks and parses every used cell,
 * applies the missing-value policy, and one-hot encodes the categorical columns once all rows are known.
 * The first problem found ends the read with a {@link DataException} naming the file, line, column and
 * value.
 */
final class DatasetReader {

    private final Path source;
    private final CsvFile csv;
    private final List<String> header;
    private final ColumnSelection columns;
    private final MissingValues policy;
    private final int categoricalCount;

    /** The current row's feature values; NaN marks a missing numeric cell. */
    private final float[] rowValues;
    /** The current row's categorical cells, by feature; null for numeric features and missing cells. */
    private final String[] rowCategories;
    private float rowTarget;

    private float[] values = new float[0];
    private float[] targets = new float[0];
    /** Per kept row, a category code per categorical feature (-1 for missing), in order of first use. */
    private int[] codes = new int[0];
    private final List<Map<String, Integer>> categoryCodes = new ArrayList<>();
    private int rows;
    private int dropped;

    private DatasetReader(Path source, CsvFile csv, DataSpec spec) {
        this.source = source;
        this.csv = csv;
        this.header = csv.header();
        this.columns = ColumnSelection.resolve(csv.file(), header, spec);
        this.policy = spec.missing();
        int count = 0;
        for (boolean c : columns.categorical()) {
            if (c) {
                count++;
                categoryCodes.add(new HashMap<>());
            }
        }
        this.categoricalCount = count;
        this.rowValues = new float[columns.features().length];
        this.rowCategories = new String[columns.features().length];
    }

    /** Reads {@code source} as {@code spec} says (see {@link Dataset#load}). */
    static Dataset read(Path source, DataSpec spec) {
        try (CsvFile csv = CsvFile.open(source, spec.delimiter())) {
            return new DatasetReader(source, csv, spec).readRows();
        }
    }

    private Dataset readRows() {
        for (CsvRecord record = csv.next(); record != null; record = csv.next()) {
            if (record.getFieldCount() != header.size()) {
                throw ragged(record);
            }
            if (readRow(record)) {
                keepRow();
            } else {
                dropped++;
            }
        }
        if (rows == 0) {
            throw new DataException(dropped == 0
                    ? csv.file() + ": the file has a header but no data rows"
                    : csv.file() + ": no rows left: each of the " + dropped + " data rows has an empty cell in a"
                    + " used column, and the missing-value policy DROP_ROW leaves such rows out");
        }
        return build();
    }

    /** Parses one record into the row buffers; false when the row is to be dropped. */
    private boolean readRow(CsvRecord record) {
        boolean keep = true;
        int targetColumn = columns.target();
        String target = record.getField(targetColumn).trim();
        if (target.isEmpty()) {
            if (policy != MissingValues.DROP_ROW) {
                throw new DataException(where(record, targetColumn) + "the target is empty; every row needs a"
                        + " target value (only the missing-value policy DROP_ROW leaves such rows out)");
            }
            keep = false;
        } else {
            rowTarget = number(record, targetColumn, target, true);
        }
        int[] features = columns.features();
        for (int f = 0; f < features.length; f++) {
            String cell = record.getField(features[f]).trim();
            rowCategories[f] = null;
            rowValues[f] = Float.NaN;
            if (cell.isEmpty()) {
                if (policy == MissingValues.ERROR) {
                    String mean = columns.categorical()[f] ? "MEAN to read it as no category"
                            : "MEAN to fill the training mean";
                    throw new DataException(where(record, features[f]) + "empty cell, and the missing-value"
                            + " policy is ERROR; choose DROP_ROW to leave such rows out or " + mean
                            + ", or exclude the column");
                }
                keep &= policy != MissingValues.DROP_ROW;
            } else if (columns.categorical()[f]) {
                rowCategories[f] = cell;
            } else {
                rowValues[f] = number(record, features[f], cell, false);
            }
        }
        return keep;
    }

    private void keepRow() {
        targets = grow(targets, rows + 1);
        targets[rows] = rowTarget;
        int width = rowValues.length;
        values = grow(values, (rows + 1) * width);
        System.arraycopy(rowValues, 0, values, rows * width, width);
        codes = grow(codes, (rows + 1) * categoricalCount);
        int k = 0;
        for (int f = 0; f < width; f++) {
            if (columns.categorical()[f]) {
                Map<String, Integer> known = categoryCodes.get(k);
                String category = rowCategories[f];
                codes[rows * categoricalCount + k] = category == null ? -1
                        : known.computeIfAbsent(category, c -> known.size());
                k++;
            }
        }
        rows++;
    }

    private float number(CsvRecord record, int column, String cell, boolean isTarget) {
        String problem;
        if (Cells.isDecimal(cell)) {
            float v = Float.parseFloat(cell);
            if (!Float.isInfinite(v)) {
                return v;
            }
            problem = "is beyond the float32 range (magnitude up to " + Float.MAX_VALUE + ")";
        } else if (Cells.isNonFinite(cell)) {
            problem = isTarget ? "is not a finite number; the target must be a finite number"
                    : "is not a finite number; leave the cell empty to mark a missing value"
                    + " (missing-value policies: ERROR, DROP_ROW, MEAN)";
        } else if (Cells.looksNumeric(cell)) {
            problem = "is not a number; write numbers like 12, -0.5 or 1.5e-3 (decimal point, no thousands"
                    + " separator)";
        } else {
            problem = isTarget ? "is not a number; the target must be numeric"
                    : "is not a number; declare the column categorical or exclude it";
        }
        throw new DataException(where(record, column) + "'" + Cells.shown(cell) + "' " + problem);
    }

    private DataException ragged(CsvRecord record) {
        long line = record.getStartingLineNumber();
        int fields = record.getFieldCount();
        String hint = fields > header.size()
                ? "a value containing the delimiter (" + csv.delimiterName() + ") must be quoted"
                : "every row needs one field per column, empty for a missing value";
        return new DataException(csv.file() + ":" + line + ": line " + line + " has " + fields + " field"
                + (fields == 1 ? "" : "s") + ", the header has " + header.size() + "; " + hint);
    }

    private String where(CsvRecord record, int column) {
        return csv.file() + ":" + record.getStartingLineNumber() + ":" + (column + 1) + " (" + header.get(column)
                + "): ";
    }

    /** Lays out the kept rows: numeric features as read, each categorical one as sorted 0/1 columns. */
    private Dataset build() {
        int[] features = columns.features();
        List<InputColumn> inputs = new ArrayList<>();
        int[] firstColumn = new int[features.length];
        List<int[]> rankOfCode = new ArrayList<>();
        int cols = 0;
        int k = 0;
        for (int f = 0; f < features.length; f++) {
            firstColumn[f] = cols;
            String name = header.get(features[f]);
            if (columns.categorical()[f]) {
                Map<String, Integer> known = categoryCodes.get(k++);
                List<String> sorted = new ArrayList<>(known.keySet());
                sorted.sort(null);
                int[] rank = new int[sorted.size()];
                for (int r = 0; r < sorted.size(); r++) {
                    rank[known.get(sorted.get(r))] = r;
                }
                rankOfCode.add(rank);
                inputs.add(InputColumn.categorical(name, sorted));
            } else {
                inputs.add(InputColumn.numeric(name));
            }
            cols += inputs.get(f).width();
        }
        if (cols == 0) {
            throw new DataException(csv.file() + ": no feature values: every categorical feature is empty in"
                    + " every row");
        }

        float[] matrix = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            k = 0;
            for (int f = 0; f < features.length; f++) {
                if (columns.categorical()[f]) {
                    int code = codes[r * categoricalCount + k];
                    if (code >= 0) {
                        matrix[r * cols + firstColumn[f] + rankOfCode.get(k)[code]] = 1f;
                    }
                    k++;
                } else {
                    matrix[r * cols + firstColumn[f]] = values[r * features.length + f];
                }
            }
        }
        return new Dataset(source, inputs, matrix, header.get(columns.target()), Arrays.copyOf(targets, rows), dropped);
    }

    private static float[] grow(float[] a, int needed) {
        return needed <= a.length ? a : Arrays.copyOf(a, Math.max(needed, 2 * a.length + 16));
    }

    private static int[] grow(int[] a, int needed) {
        return needed <= a.length ? a : Arrays.copyOf(a, Math.max(needed, 2 * a.length + 16));
    }
}
