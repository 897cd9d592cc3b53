package dev.lanes.base;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * "Did you mean" hints for error messages about misspelt names (initializers, activations, optimizers,
 * losses, column names, ...), so that a typo in a build configuration is fixed from the message alone.
 *
 * <p>Public only because it is shared by the packages of Lanes; it is not part of the supported API and
 * may change without notice.
 */
public final class Suggestions {

    /** Longer inputs (a runaway cell, say) get no suggestion: the comparison's cost grows with their length. */
    private static final int LONGEST_COMPARED = 200;

    private Suggestions() {
    }

    /**
     * The closest valid name to {@code given}, phrased to be appended to an error message.
     *
     * <p>Closeness is the Levenshtein distance (insertions, deletions and substitutions each cost 1),
     * compared case-insensitively. A candidate is close enough when its distance is at most
     * {@code max(2, given.length() / 3)}: long names tolerate more typos, and every name tolerates a swap
     * of two adjacent letters (distance 2). On a tie the candidate met first in {@code valid}'s iteration
     * order wins, so pass an ordered collection for a stable message.
     *
     * @param given the name that was not recognised
     * @param valid the names that would have been accepted, spelt as they should be suggested
     * @return {@code " Did you mean 'glorot_uniform'?"} (with a leading space), or {@code ""} when no
     *         valid name is close enough or {@code given} is too long to be a misspelt name
     */
    public static String didYouMean(String given, Collection<String> valid) {
        if (given.length() > LONGEST_COMPARED) {
            return "";
        }
        String lowered = given.toLowerCase(Locale.ROOT);
        int maxDistance = Math.max(2, given.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : valid) {
            int d = levenshtein(lowered, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= maxDistance ? " Did you mean '" + best + "'?" : "";
    }

    /**
     * The whole message for a name that is not valid: {@code "Unknown loss 'mse2'. Did you mean 'mse'?
     * Valid names: ..."}, the hint only when a valid name is close.
     */
    public static String unknownName(String kind, String given, Collection<String> valid) {
        return "Unknown " + kind + " '" + given + "'." + didYouMean(given, valid) + " Valid names: "
                + String.join(", ", valid);
    }

    /**
     * The one of {@code values} whose name is {@code given}, ignoring case and surrounding blanks.
     *
     * @param kind what the names are, for the message ({@code "reference model"})
     * @param name how a value is written
     * @throws IllegalArgumentException for another name: {@link #unknownName}'s message
     */
    public static <T> T byName(String kind, String given, List<T> values, Function<T, String> name) {
        for (T v : values) {
            if (name.apply(v).equalsIgnoreCase(given.strip())) {
                return v;
            }
        }
        throw new IllegalArgumentException(unknownName(kind, given, values.stream().map(name).toList()));
    }

    /** The Levenshtein distance between {@code a} and {@code b}, with two rows of the usual table. */
    static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
