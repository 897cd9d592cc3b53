package dev.lanes.data;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read a data set from a CSV file: which column is the target, which columns are features,
 * the delimiter, what an empty cell means and which text columns are categories.
 *
 * @param target      name of the target column
 * @param include     feature columns to use; empty means every column but the target
 * @param exclude     columns to leave out (applied after include)
 * @param delimiter   the field delimiter; empty means detect it from the header (comma, semicolon, tab)
 * @param missing     what an empty cell in a used column means
 * @param categorical text columns to one-hot encode (categories learned from the training rows)
 */
public record DataSpec(String target, List<String> include, List<String> exclude, Optional<Character> delimiter,
                       MissingValues missing, List<String> categorical) {

    /** Copies the lists; nothing may be null. */
    public DataSpec {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(delimiter, "delimiter");
        Objects.requireNonNull(missing, "missing");
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        categorical = List.copyOf(categorical);
    }

    /** All columns but the target as features, detected delimiter, empty cells are errors. */
    public static DataSpec target(String target) {
        return new DataSpec(target, List.of(), List.of(), Optional.empty(), MissingValues.ERROR, List.of());
    }

    /** With only these feature columns. */
    public DataSpec include(String... columns) {
        return new DataSpec(target, List.of(columns), exclude, delimiter, missing, categorical);
    }

    /** Without these columns. */
    public DataSpec exclude(String... columns) {
        return new DataSpec(target, include, List.of(columns), delimiter, missing, categorical);
    }

    /** With a fixed delimiter. */
    public DataSpec delimiter(char value) {
        return new DataSpec(target, include, exclude, Optional.of(value), missing, categorical);
    }

    /** With another missing-value policy. */
    public DataSpec missing(MissingValues policy) {
        return new DataSpec(target, include, exclude, delimiter, policy, categorical);
    }

    /** With these columns one-hot encoded. */
    public DataSpec categorical(String... columns) {
        return new DataSpec(target, include, exclude, delimiter, missing, List.of(columns));
    }
}
