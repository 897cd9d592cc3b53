package dev.lanes.simd;

import java.util.Objects;

/** Argument checks shared by the facades; each failure names the argument and its value. */
final class Checks {

    private Checks() {
    }

    static void nonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0 but was " + value);
        }
    }

    /** Checks that {@code array[off .. off + n)} exists. */
    static void range(String name, float[] array, int off, int n) {
        Objects.requireNonNull(array, name);
        nonNegative("length for " + name, n);
        if (off < 0 || off > array.length - n) {
            throw new IndexOutOfBoundsException(name + ": offset " + off + " + length " + n
                    + " does not fit an array of length " + array.length);
        }
    }

    /**
     * Checks a row-major {@code rows x cols} matrix at {@code off} with row stride {@code ld}: the
     * stride must cover a row, and the last element must be inside the array.
     */
    static void matrix(String name, float[] array, int off, int rows, int cols, int ld) {
        Objects.requireNonNull(array, name);
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException("ld" + name.toLowerCase(java.util.Locale.ROOT) + " (leading dimension of "
                    + name + ") must be >= max(1, " + cols + ") but was " + ld);
        }
        if (off < 0) {
            throw new IndexOutOfBoundsException(name + ": offset " + off + " is negative");
        }
        if (rows == 0 || cols == 0) {
            return;
        }
        long end = off + (long) (rows - 1) * ld + cols;
        if (end > array.length) {
            throw new IndexOutOfBoundsException(name + ": a " + rows + " x " + cols + " matrix at offset " + off
                    + " with leading dimension " + ld + " needs " + end + " elements but the array has " + array.length);
        }
    }
}
