package dev.lanes.data;

import dev.lanes.base.Suggestions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which columns of a header a {@link DataSpec} uses: the target, and the features in matrix order (the
 * include list's order, or file order when it is empty) with whether each is categorical.
 *
 * @param target      header index of the target
 * @param features    header indices of the features, in matrix order
 * @param categorical for each feature, whether it is one-hot encoded
 */
record ColumnSelection(int target, int[] features, boolean[] categorical) {

    /**
     * Resolves {@code spec} against {@code header}.
     *
     * @throws DataException for a name that is not a column (with a "did you mean" and the list of
     *                       columns), a target that is also included, excluded or categorical, a
     *                       categorical column that is not a feature, or no feature left
     */
    static ColumnSelection resolve(String file, List<String> header, DataSpec spec) {
        int target = indexOf(file, header, spec.target(), "target");
        Set<String> included = known(file, header, spec.include(), "included column");
        Set<String> excluded = known(file, header, spec.exclude(), "excluded column");
        Set<String> categorical = known(file, header, spec.categorical(), "categorical column");
        String targetName = header.get(target);
        if (included.contains(targetName) || excluded.contains(targetName) || categorical.contains(targetName)) {
            String list = included.contains(targetName) ? "include" : excluded.contains(targetName) ? "exclude"
                    : "categorical";
            throw new DataException(file + ": the target '" + targetName + "' is also in the " + list
                    + " list; the target is always numeric and never a feature, so leave it out of that list");
        }

        List<String> featureNames = new ArrayList<>(included.isEmpty() ? header : included);
        featureNames.remove(targetName);
        featureNames.removeAll(excluded);
        for (String c : categorical) {
            if (!featureNames.contains(c)) {
                String why = excluded.contains(c) ? "it is excluded" : "it is not in the include list";
                throw new DataException(file + ": the categorical column '" + c + "' is not a feature (" + why
                        + "); use it as a feature or drop it from the categorical list");
            }
        }
        if (featureNames.isEmpty()) {
            throw new DataException(file + ": no feature column is left besides the target '" + targetName
                    + "' after include " + spec.include() + " and exclude " + spec.exclude() + "; columns: "
                    + String.join(", ", header));
        }

        int[] features = new int[featureNames.size()];
        boolean[] isCategorical = new boolean[features.length];
        for (int f = 0; f < features.length; f++) {
            features[f] = header.indexOf(featureNames.get(f));
            isCategorical[f] = categorical.contains(featureNames.get(f));
        }
        return new ColumnSelection(target, features, isCategorical);
    }

    private static Set<String> known(String file, List<String> header, List<String> names, String role) {
        Set<String> set = new LinkedHashSet<>();
        for (String name : names) {
            set.add(header.get(indexOf(file, header, name, role)));
        }
        return set;
    }

    private static int indexOf(String file, List<String> header, String name, String role) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new DataException(file + ": the " + role + " '" + name + "' is not a column of the file."
                    + Suggestions.didYouMean(name, header) + " Columns: " + String.join(", ", header));
        }
        return index;
    }
}
