package dev.lanes.tune;

import dev.lanes.data.Preprocessing;
import dev.lanes.nn.History;
import dev.lanes.base.Matrix;
import dev.lanes.nn.Model;

import java.util.Objects;

/**
 * The best candidate trained on all rows, with the preprocessing fitted on all rows, so that it predicts
 * raw data in the target's original units.
 *
 * @param candidate     the candidate it was trained as
 * @param model         the trained network; it works on scaled features and predicts a scaled target
 * @param preprocessing fills and scales raw features and unscales predictions
 * @param history       the training history of the refit
 */
public record FittedModel(Candidate candidate, Model model, Preprocessing preprocessing, History history) {

    /** Checks for nulls. */
    public FittedModel {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(preprocessing, "preprocessing");
        Objects.requireNonNull(history, "history");
    }

    /**
     * Predictions for raw features (the data set's feature columns, unscaled), in the target's original
     * units: a {@code rows x 1} matrix.
     */
    public Matrix predict(Matrix rawFeatures) {
        float[] scaled = model.predict(preprocessing.transformFeatures(rawFeatures)).toArray();
        float[] out = new float[scaled.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) preprocessing.inverseTarget(scaled[i]);
        }
        return Matrix.wrap(out.length, 1, out);
    }
}
