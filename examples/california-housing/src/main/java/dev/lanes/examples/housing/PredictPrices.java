package dev.lanes.examples.housing;

import dev.lanes.data.DataSpec;
import dev.lanes.data.Dataset;
import dev.lanes.base.Matrix;
import dev.lanes.nn.Model;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Uses the model the build's quality gate saved: loads {@code target/nn/best-model.lanes} and predicts
 * the first rows of the raw CSV in dollars. The model carries its scalers, so the raw columns go in as
 * they are. Run from {@code examples/california-housing} after {@code mvn verify}:
 * {@code java --add-modules=jdk.incubator.vector -cp target/classes:<lanes-core jar and fastcsv>
 * dev.lanes.examples.housing.PredictPrices}.
 */
public final class PredictPrices {

    private PredictPrices() {
    }

    /** Prints the first ten rows' actual and predicted prices. */
    public static void main(String[] args) throws IOException {
        Model model = Model.load(Path.of("target/nn/best-model.lanes"));
        // The same columns the search used, in the same order: the model's scalers name them.
        Dataset data = Dataset.load(Path.of("data/california_housing.csv"),
                DataSpec.target("median_house_value").exclude("total_bedrooms", "ocean_proximity"));
        Matrix predicted = model.predictRaw(data.features());
        float[] actual = data.target().toArray();
        float[] p = predicted.toArray();
        System.out.println("columns: " + model.scalers().orElseThrow().featureNames());
        for (int i = 0; i < 10; i++) {
            System.out.printf("row %d: actual %,.0f, predicted %,.0f%n", i + 1, actual[i], p[i]);
        }
    }
}
