package dev.lanes.bench;

import dev.lanes.data.DataSpec;
import dev.lanes.data.Dataset;
import dev.lanes.data.Preprocessing;
import dev.lanes.data.Scaling;
import dev.lanes.base.Matrix;
import java.nio.file.Path;

/**
 * The California housing set as the benchmarks read it: median_house_value is the target, and the
 * features are the 7 numeric columns left after dropping total_bedrooms (it has empty cells) and
 * ocean_proximity (text).
 */
final class California {

    private California() {
    }

    /** The data set in {@code csv}. */
    static Dataset load(String csv) {
        return Dataset.load(Path.of(csv),
                DataSpec.target("median_house_value").exclude("total_bedrooms", "ocean_proximity"));
    }

    /** The first {@code rows} rows of the set in {@code csv}, features and target standardized on them. */
    static Scaled firstRows(String csv, int rows) {
        Dataset california = load(csv);
        int[] index = new int[rows];
        for (int r = 0; r < rows; r++) {
            index[r] = r;
        }
        Preprocessing scaling = Preprocessing.fit(california, index, Scaling.STANDARD, Scaling.STANDARD);
        return new Scaled(scaling.features(california, index), scaling.target(california, index));
    }

    /** Standardized features and target, ready for {@code Model.fit}. */
    record Scaled(Matrix x, Matrix y) {
    }
}
