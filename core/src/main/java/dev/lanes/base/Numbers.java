package dev.lanes.base;

import java.math.BigDecimal;

/** How a number given by a user is written back to them. */
public final class Numbers {

    private Numbers() {
    }

    /** A double as plain decimal text without trailing zeros: 0.001, 10, 0.9 (NaN and infinities as Java writes them). */
    public static String plain(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        String s = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
