package dev.lanes.base;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How raw data becomes what a model was trained on, saved with the model so that it can predict raw
 * data: the raw {@linkplain InputColumn columns} and how they become features ({@link #encode}), then
 * per feature, missing values (NaN) read {@code fill[c]} and then {@code v * scale[c] + shift[c]}; the
 * model's output maps back to the target's units as {@code output * targetUnit + targetOrigin}.
 *
 * @param columns      the raw columns the model takes, in feature order
 * @param fill         value of a missing cell per feature (before scaling)
 * @param scale        multiplier per feature
 * @param shift        offset per feature, added after the multiplier
 * @param targetName   name of the predicted quantity
 * @param targetOrigin target value that the model's output 0 stands for
 * @param targetUnit   target amount that one unit of the model's output stands for
 */
public record Scalers(List<InputColumn> columns, float[] fill, float[] scale, float[] shift, String targetName,
                      double targetOrigin, double targetUnit) {

    /** Categories named in full in a message about an unknown one; longer lists are cut. */
    private static final int LISTED = 30;

    /** Checks that the arrays have one value per feature and copies them. */
    public Scalers {
        columns = List.copyOf(columns);
        Objects.requireNonNull(targetName, "targetName");
        int n = columns.stream().mapToInt(InputColumn::width).sum();
        if (fill.length != n || scale.length != n || shift.length != n) {
            throw new IllegalArgumentException(n + " features need " + n + " fill, scale and shift values, got "
                    + fill.length + ", " + scale.length + " and " + shift.length);
        }
        fill = fill.clone();
        scale = scale.clone();
        shift = shift.clone();
    }

    /** The features the model expects, in order: numeric columns by name, categories as {@code column=category}. */
    public List<String> featureNames() {
        return InputColumn.featureNames(columns);
    }

    /**
     * Raw rows, one map from column name to cell text per row (as a CSV file or a JSON request has them),
     * as the feature matrix that {@link #apply} takes. A cell is trimmed; an empty or null cell is missing:
     * NaN (filled by {@link #apply}) in a numeric column, all zeros in a categorical one. Columns the
     * model does not take are ignored.
     *
     * @throws IllegalArgumentException naming the row (1-based) and column for a column the row lacks, a
     *                                  numeric cell that is not a finite decimal number, or a category the
     *                                  model does not know (with the known ones): such a row is refused
     *                                  rather than read as no category, since the model has never seen it
     */
    public Matrix encode(List<? extends Map<String, String>> rows) {
        List<Map<String, Integer>> positions = new ArrayList<>();
        for (InputColumn c : columns) {
            Map<String, Integer> at = new HashMap<>();
            for (String category : c.categories()) {
                at.put(category, at.size());
            }
            positions.add(at);
        }
        int width = fill.length;
        float[] out = new float[rows.size() * width];
        for (int r = 0; r < rows.size(); r++) {
            Map<String, String> row = rows.get(r);
            int offset = r * width;
            for (int i = 0; i < columns.size(); i++) {
                InputColumn column = columns.get(i);
                String cell = row.get(column.name());
                if (cell == null && !row.containsKey(column.name())) {
                    throw new IllegalArgumentException("row " + (r + 1) + " has no column '" + column.name() + "'."
                            + Suggestions.didYouMean(column.name(), row.keySet()) + " The model takes: "
                            + String.join(", ", columns.stream().map(InputColumn::name).toList()));
                }
                String text = cell == null ? "" : cell.trim();
                if (column.categorical()) {
                    if (!text.isEmpty()) {
                        out[offset + category(r, column, positions.get(i), text)] = 1f;
                    }
                } else {
                    out[offset] = text.isEmpty() ? Float.NaN : number(r, column, text);
                }
                offset += column.width();
            }
        }
        return Matrix.wrap(rows.size(), width, out);
    }

    /** Raw features as the model sees them: a view, not a copy. */
    public Matrix apply(Matrix raw) {
        if (raw.cols() != fill.length) {
            throw new IllegalArgumentException("expected " + fill.length + " feature columns " + featureNames()
                    + ", got " + raw.cols());
        }
        return raw.fillMissing(fill).transform(scale, shift);
    }

    /** A model output in the target's original units. */
    public double inverseTarget(double output) {
        return output * targetUnit + targetOrigin;
    }

    private static int category(int row, InputColumn column, Map<String, Integer> positions, String text) {
        Integer k = positions.get(text);
        if (k == null) {
            throw new IllegalArgumentException(where(row, column) + "'" + Cells.shown(text) + "' is not a category"
                    + " the model was trained on." + Suggestions.didYouMean(text, column.categories()) + " Known: "
                    + listed(column.categories()) + "; leave the cell empty to read it as no category");
        }
        return k;
    }

    private static float number(int row, InputColumn column, String text) {
        if (Cells.isDecimal(text)) {
            float v = Float.parseFloat(text);
            if (!Float.isInfinite(v)) {
                return v;
            }
        }
        throw new IllegalArgumentException(where(row, column) + "'" + Cells.shown(text) + "' is not a finite decimal"
                + " number (like 12, -0.5 or 1.5e-3); leave the cell empty for a missing value");
    }

    /** The names joined by commas, the first {@value #LISTED} of a longer list and how many there are. */
    private static String listed(List<String> names) {
        return names.size() <= LISTED ? String.join(", ", names)
                : String.join(", ", names.subList(0, LISTED)) + ", ... (" + names.size() + " in all)";
    }

    private static String where(int row, InputColumn column) {
        return "row " + (row + 1) + ", column '" + column.name() + "': ";
    }
}
