package dev.lanes.base;

import java.util.List;
import java.util.Objects;

/**
 * How raw data becomes what a model was trained on, saved with the model so it can predict raw data:
 * per feature column, missing values (NaN) read {@code fill[c]} and then {@code v * scale[c] + shift[c]};
 * the model's output maps back to the target's units as {@code output * targetUnit + targetOrigin}.
 *
 * @param featureNames the columns the model expects, in order
 * @param fill         value of a missing cell per column (before scaling)
 * @param scale        multiplier per column
 * @param shift        offset per column, added after the multiplier
 * @param targetName   name of the predicted quantity
 * @param targetOrigin target value that the model's output 0 stands for
 * @param targetUnit   target amount that one unit of the model's output stands for
 */
public record Scalers(List<String> featureNames, float[] fill, float[] scale, float[] shift, String targetName,
                     double targetOrigin, double targetUnit) {

    /** Checks that the arrays match the names and copies them. */
    public Scalers {
        featureNames = List.copyOf(featureNames);
        Objects.requireNonNull(targetName, "targetName");
        int n = featureNames.size();
        if (fill.length != n || scale.length != n || shift.length != n) {
            throw new IllegalArgumentException(n + " feature names need " + n + " fill, scale and shift values, got "
                    + fill.length + ", " + scale.length + " and " + shift.length);
        }
        fill = fill.clone();
        scale = scale.clone();
        shift = shift.clone();
    }

    /** Raw features as the model sees them: a view, not a copy. */
    public Matrix apply(Matrix raw) {
        if (raw.cols() != featureNames.size()) {
            throw new IllegalArgumentException("expected " + featureNames.size() + " feature columns " + featureNames
                    + ", got " + raw.cols());
        }
        return raw.fillMissing(fill).transform(scale, shift);
    }

    /** A model output in the target's original units. */
    public double inverseTarget(double output) {
        return output * targetUnit + targetOrigin;
    }
}
