package dev.lanes.tune;

import dev.lanes.base.Matrix;
import dev.lanes.base.Suggestions;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The models every search scores beside its candidates, on the same splits with the same scaling, so
 * that a gate can ask for a network that beats them: the first check a reviewer asks for.
 *
 * <ul>
 *   <li>{@link #MEAN}: predicts the training rows' mean target, as scikit-learn's
 *       {@code DummyRegressor(strategy="mean")}; its R² on a test fold is about 0.</li>
 *   <li>{@link #LINEAR_REGRESSION}: ordinary least squares with an intercept on the scaled features,
 *       as scikit-learn's {@code LinearRegression}; the scaling is affine, so its predictions are those
 *       of a fit on the raw features. Solved in double precision from the normal equations by Cholesky,
 *       with a ridge of 10⁻⁹ of the largest diagonal element so that exactly collinear columns (a full
 *       one-hot encoding beside the intercept) have a solution; it is not fitted when there are more
 *       than {@value #MAX_LINEAR_FEATURES} features.</li>
 * </ul>
 */
public enum ReferenceModel {
    MEAN, LINEAR_REGRESSION;

    /** Features beyond which the linear model is not fitted: its normal equations grow with their square. */
    public static final int MAX_LINEAR_FEATURES = 2048;

    /** Its name in results and configuration: {@code mean}, {@code linear_regression}. */
    public String shortName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The model a name stands for, any case.
     *
     * @throws IllegalArgumentException for another name, with the valid ones and a did-you-mean
     */
    public static ReferenceModel fromName(String name) {
        return Suggestions.byName("reference model", name, List.of(values()), ReferenceModel::shortName);
    }

    /** Whether it can be fitted on {@code features} columns. */
    public boolean fits(int features) {
        return this == MEAN || features <= MAX_LINEAR_FEATURES;
    }

    /** Fitted on {@code trainX} against {@code trainY} (one column), its predictions for {@code testX}. */
    float[] fitPredict(Matrix trainX, Matrix trainY, Matrix testX) {
        float[] y = trainY.toArray();
        float[] out = new float[testX.rows()];
        if (this == MEAN) {
            double sum = 0;
            for (float v : y) {
                sum += v;
            }
            Arrays.fill(out, (float) (sum / y.length));
            return out;
        }
        double[] w = leastSquares(trainX, y);
        int p = trainX.cols();
        float[] row = new float[p];
        for (int r = 0; r < out.length; r++) {
            testX.copyRow(r, row, 0);
            double v = w[p];
            for (int c = 0; c < p; c++) {
                v += w[c] * row[c];
            }
            out[r] = (float) v;
        }
        return out;
    }

    /** The weights and, last, the intercept minimising the squared error. */
    private static double[] leastSquares(Matrix x, float[] y) {
        int p = x.cols();
        int n = p + 1;
        double[] a = new double[n * n];
        double[] b = new double[n];
        float[] row = new float[p];
        double[] z = new double[n];
        for (int r = 0; r < x.rows(); r++) {
            x.copyRow(r, row, 0);
            for (int c = 0; c < p; c++) {
                z[c] = row[c];
            }
            z[p] = 1;
            for (int i = 0; i < n; i++) {
                b[i] += z[i] * y[r];
                for (int j = 0; j <= i; j++) {
                    a[i * n + j] += z[i] * z[j];
                }
            }
        }
        double largest = 0;
        for (int i = 0; i < n; i++) {
            largest = Math.max(largest, a[i * n + i]);
        }
        double ridge = 1e-9 * Math.max(largest, 1e-300);
        // Cholesky of the lower triangle: A + ridge I = L L^T.
        for (int i = 0; i < n; i++) {
            a[i * n + i] += ridge;
            for (int j = 0; j <= i; j++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= a[i * n + k] * a[j * n + k];
                }
                a[i * n + j] = i == j ? Math.sqrt(Math.max(s, ridge)) : s / a[j * n + j];
            }
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= a[i * n + k] * w[k];
            }
            w[i] = s / a[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = w[i];
            for (int k = i + 1; k < n; k++) {
                s -= a[k * n + i] * w[k];
            }
            w[i] = s / a[i * n + i];
        }
        return w;
    }
}
