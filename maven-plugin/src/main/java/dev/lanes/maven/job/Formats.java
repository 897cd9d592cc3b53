package dev.lanes.maven.job;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/** How scores, thresholds, durations and parameters read in the log and the HTML report. */
public final class Formats {

    private Formats() {
    }

    /**
     * Six significant digits, plain ({@code 55123.5}, {@code 0.812345}) unless very large or very small
     * ({@code 2.7912e+09}); {@code NaN} as is.
     */
    public static String format(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e9 || a < 1e-4)) {
            return String.format(Locale.ROOT, "%.4e", v);
        }
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /**
     * A score for people to read in a report: whole numbers with thousands separators from 100 up
     * ({@code 53,402}), four significant digits below ({@code 0.8123}, {@code 12.35}); {@code NaN} as is.
     */
    public static String readable(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (Math.abs(v) >= 100) {
            // Half away from zero, as people round; BigDecimal also keeps scores beyond a long's range.
            return String.format(Locale.ROOT, "%,.0f", new BigDecimal(v));
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** A SHA-256 in hex as shown to people: its first 12 digits, enough to tell two files apart. */
    public static String shortHash(String sha256) {
        return sha256.length() > 12 ? sha256.substring(0, 12) : sha256;
    }

    /** A fraction as a percentage: {@code 0.95} as {@code 95%}. */
    public static String percent(double fraction) {
        return format(fraction * 100) + "%";
    }

    /** Seconds as {@code m:ss} or {@code h:mm:ss}. */
    public static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Seconds with 2 decimals, e.g. {@code 1.25 s}. */
    public static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }

    /** The parameters as {@code name=value, ...}, for logs and tables. */
    public static String params(SortedMap<String, String> params) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(e.getKey()).append('=').append(e.getValue());
        }
        return s.toString();
    }
}
