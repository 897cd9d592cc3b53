package dev.lanes.base;

import java.util.Arrays;
import java.util.Objects;

/**
 * A read-only, row-major float32 matrix, or a view of one: a subset of its rows in a given order,
 * optionally with missing values (NaN) filled per column and an affine transform per column
 * ({@code v * scale[c] + shift[c]}, e.g. a standard scaler). Views never copy the underlying values, so many fits can share one data set; rows are
 * materialized only when a batch is gathered.
 */
public final class Matrix {

    private final float[] values;
    private final int baseCols;
    private final int[] rowIndex;
    private final int rows;
    private final float[] fill;
    private final float[] scale;
    private final float[] shift;

    private Matrix(float[] values, int baseCols, int[] rowIndex, int rows, float[] fill, float[] scale, float[] shift) {
        this.values = values;
        this.baseCols = baseCols;
        this.rowIndex = rowIndex;
        this.rows = rows;
        this.fill = fill;
        this.scale = scale;
        this.shift = shift;
    }

    /**
     * Wraps {@code values} (row-major, {@code rows * cols} long) without copying; the caller must not
     * change the array afterwards.
     */
    public static Matrix wrap(int rows, int cols, float[] values) {
        Objects.requireNonNull(values, "values");
        if (rows < 0 || cols < 1) {
            throw new IllegalArgumentException("A matrix needs rows >= 0 and cols >= 1, got " + rows + " x " + cols);
        }
        if ((long) rows * cols != values.length) {
            throw new IllegalArgumentException(rows + " x " + cols + " needs " + (long) rows * cols
                    + " values but the array has " + values.length);
        }
        return new Matrix(values, cols, null, rows, null, null, null);
    }

    /** A copy of {@code rows} (each {@code cols} long) as a matrix. */
    public static Matrix of(float[][] rows) {
        int cols = rows.length == 0 ? 1 : rows[0].length;
        float[] v = new float[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values, expected " + cols);
            }
            System.arraycopy(rows[r], 0, v, r * cols, cols);
        }
        return wrap(rows.length, cols, v);
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Number of columns. */
    public int cols() {
        return baseCols;
    }

    /** The value at (row, col), transform applied. */
    public float get(int row, int col) {
        Objects.checkIndex(row, rows);
        Objects.checkIndex(col, baseCols);
        return value(values[base(row) * baseCols + col], col);
    }

    /** Copies row {@code row} (transform applied) into {@code dst[off .. off + cols)}. */
    public void copyRow(int row, float[] dst, int off) {
        int src = base(row) * baseCols;
        float[] v = values;
        float[] f = fill;
        float[] s = scale;
        float[] t = shift;
        // Batches are gathered row by row on every training step: one tight loop per case.
        if (s == null && f == null) {
            System.arraycopy(v, src, dst, off, baseCols);
        } else if (f == null) {
            for (int c = 0; c < baseCols; c++) {
                dst[off + c] = v[src + c] * s[c] + t[c];
            }
        } else if (s == null) {
            for (int c = 0; c < baseCols; c++) {
                float x = v[src + c];
                dst[off + c] = x != x ? f[c] : x;
            }
        } else {
            for (int c = 0; c < baseCols; c++) {
                float x = v[src + c];
                dst[off + c] = (x != x ? f[c] : x) * s[c] + t[c];
            }
        }
    }

    /** A view of the given rows of this matrix, in that order (rows may repeat). */
    public Matrix select(int[] rowsToKeep) {
        int[] idx = new int[rowsToKeep.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = base(Objects.checkIndex(rowsToKeep[i], rows));
        }
        return new Matrix(values, baseCols, idx, idx.length, fill, scale, shift);
    }

    /** A view of rows {@code [from, to)}. */
    public Matrix slice(int from, int to) {
        Objects.checkFromToIndex(from, to, rows);
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = from + i;
        }
        return select(idx);
    }

    /**
     * A view whose column c reads {@code v * scale[c] + shift[c]}, applied after any transform this
     * view already has.
     */
    public Matrix transform(float[] scale, float[] shift) {
        if (scale.length != baseCols || shift.length != baseCols) {
            throw new IllegalArgumentException("transform needs " + baseCols + " scales and shifts, got "
                    + scale.length + " and " + shift.length);
        }
        float[] s = scale.clone();
        float[] t = shift.clone();
        if (this.scale != null) {
            for (int c = 0; c < baseCols; c++) {
                t[c] = this.shift[c] * scale[c] + shift[c];
                s[c] = this.scale[c] * scale[c];
            }
        }
        return new Matrix(values, baseCols, rowIndex, rows, fill, s, t);
    }

    /**
     * A view in which every NaN of column c reads {@code fill[c]} (e.g. a training mean), before any
     * affine transform.
     *
     * @throws IllegalStateException when this view already has a fill or a transform
     */
    public Matrix fillMissing(float[] fill) {
        if (fill.length != baseCols) {
            throw new IllegalArgumentException("fillMissing needs " + baseCols + " values, got " + fill.length);
        }
        if (this.fill != null || scale != null) {
            throw new IllegalStateException("fill missing values before any other transform");
        }
        return new Matrix(values, baseCols, rowIndex, rows, fill.clone(), null, null);
    }

    private float value(float raw, int col) {
        float v = fill != null && raw != raw ? fill[col] : raw;
        return scale == null ? v : v * scale[col] + shift[col];
    }

    /**
     * Whether each row is read straight from one array, in order, with no fill or transform: then copying
     * a row is one array copy.
     */
    public boolean isContiguous() {
        return rowIndex == null && fill == null && scale == null;
    }

    /** This matrix when it {@linkplain #isContiguous is contiguous}, otherwise a contiguous copy of its values. */
    public Matrix contiguous() {
        return isContiguous() ? this : wrap(rows, baseCols, toArray());
    }

    /**
     * Whether copies of this many bytes, made only for speed, are small enough to make: at most an eighth
     * of the heap not in use now, so a large data set is read through its views instead of being held
     * twice, and fits running side by side stop copying before they crowd the heap.
     */
    public static boolean affordableCopy(long bytes) {
        Runtime rt = Runtime.getRuntime();
        long unused = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        return bytes <= unused / 8;
    }

    /** All values (transform applied) in a new row-major array. */
    public float[] toArray() {
        float[] out = new float[rows * baseCols];
        for (int r = 0; r < rows; r++) {
            copyRow(r, out, r * baseCols);
        }
        return out;
    }

    private int base(int row) {
        return rowIndex == null ? row : rowIndex[row];
    }

    @Override
    public String toString() {
        return "Matrix[" + rows + " x " + baseCols + (rowIndex == null ? "" : ", view") + "]"
                + (rows <= 3 ? " " + Arrays.toString(toArray()) : "");
    }
}
