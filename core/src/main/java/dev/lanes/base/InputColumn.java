package dev.lanes.base;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One column of the raw data a model takes, as the CSV file has it: a number, or a text category that
 * becomes one 0/1 feature per known category, named {@code column=category}.
 *
 * @param name        the column's name in the file's header
 * @param categorical whether the column holds categories rather than numbers
 * @param categories  the known categories in feature order; empty for a numeric column
 */
public record InputColumn(String name, boolean categorical, List<String> categories) implements Serializable {

    /** Copies the categories; a numeric column has none, and a category is listed once. */
    public InputColumn {
        Objects.requireNonNull(name, "name");
        categories = List.copyOf(categories);
        if (!categorical && !categories.isEmpty()) {
            throw new IllegalArgumentException("The numeric column '" + name + "' cannot have categories " + categories);
        }
        if (new HashSet<>(categories).size() != categories.size()) {
            throw new IllegalArgumentException("The column '" + name + "' lists a category twice: " + categories);
        }
    }

    /** A numeric column. */
    public static InputColumn numeric(String name) {
        return new InputColumn(name, false, List.of());
    }

    /** A categorical column with these categories, in feature order. */
    public static InputColumn categorical(String name, List<String> categories) {
        return new InputColumn(name, true, categories);
    }

    /** The number of features it becomes: 1 for a number, one per category. */
    public int width() {
        return categorical ? categories.size() : 1;
    }

    /** The names of the features {@code columns} become, in order. */
    public static List<String> featureNames(List<InputColumn> columns) {
        return columns.stream().flatMap(c -> c.featureNames().stream()).toList();
    }

    /** The names of the features it becomes: its own name, or {@code name=category} per category. */
    public List<String> featureNames() {
        return categorical ? categories.stream().map(c -> name + "=" + c).toList() : List.of(name);
    }
}
