package dev.lanes.base;

/**
 * The syntax of one data cell, shared by the CSV reader and {@link Scalers#encode}: what counts as a
 * number, and how a value is quoted in a message.
 *
 * <p>Numbers are decimal only: an optional sign, digits with an optional decimal point, and an optional
 * exponent ({@code 12}, {@code -0.5}, {@code .5}, {@code 1.5e-3}). {@link Float#parseFloat} alone would
 * also take hex floats ({@code 0x1p3}), type suffixes ({@code 1.5f}, {@code 2d}), {@code NaN} and
 * {@code Infinity}, none of which a data file should contain.
 */
public final class Cells {

    /** Longest value quoted in full in a message; longer ones are cut, so a runaway quote stays readable. */
    private static final int SHOWN = 60;

    private Cells() {
    }

    /** Whether {@code s} (already trimmed) is a decimal number as described above. */
    public static boolean isDecimal(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** Whether {@code s} (already trimmed) spells a non-finite value: NaN, inf or infinity, any case and sign. */
    public static boolean isNonFinite(String s) {
        String unsigned = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        return unsigned.equalsIgnoreCase("nan") || unsigned.equalsIgnoreCase("inf")
                || unsigned.equalsIgnoreCase("infinity");
    }

    /** Whether {@code s} (already trimmed) starts like a number, so it is a malformed number rather than text. */
    public static boolean looksNumeric(String s) {
        char c = s.charAt(0);
        return isDigit(c) || c == '+' || c == '-' || c == '.';
    }

    /** {@code value} as shown between quotes in a message: line breaks made visible, cut when long. */
    public static String shown(String value) {
        String oneLine = value.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() <= SHOWN ? oneLine : oneLine.substring(0, SHOWN) + "...";
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
