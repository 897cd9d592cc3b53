package dev.lanes.tune;

import dev.lanes.base.Matrix;
import dev.lanes.base.Rng;
import dev.lanes.data.DataSpec;
import dev.lanes.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mean and least-squares reference models, against answers known in closed form. */
class ReferenceModelTest {

    @Test
    void theMeanPredictsTheTrainingMean() {
        Matrix x = Matrix.wrap(3, 1, new float[] {1, 2, 3});
        float[] p = ReferenceModel.MEAN.fitPredict(x, Matrix.wrap(3, 1, new float[] {1, 2, 6}), Matrix.wrap(2, 1, new float[] {9, 9}));
        assertEquals(3f, p[0]);
        assertEquals(3f, p[1]);
    }

    @Test
    void leastSquaresRecoversAnExactLinearFunctionWithItsIntercept() {
        Rng rng = new Rng(5);
        int n = 50;
        float[] x = new float[n * 3];
        float[] y = new float[n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < 3; c++) {
                x[r * 3 + c] = (float) rng.nextGaussian();
            }
            y[r] = 2 * x[r * 3] - 3 * x[r * 3 + 1] + 0.5f * x[r * 3 + 2] + 5;
        }
        float[] p = ReferenceModel.LINEAR_REGRESSION.fitPredict(Matrix.wrap(n, 3, x), Matrix.wrap(n, 1, y),
                Matrix.wrap(2, 3, new float[] {0, 0, 0, 1, 1, 1}));
        assertEquals(5, p[0], 1e-4);
        assertEquals(4.5, p[1], 1e-4);
    }

    @Test
    void leastSquaresMatchesTheClosedFormOfASimpleRegression() {
        // y = 1, 3, 2, 5 at x = 0, 1, 2, 3: slope 5.5 / 5 = 1.1, intercept 2.75 - 1.1 * 1.5 = 1.1.
        float[] p = ReferenceModel.LINEAR_REGRESSION.fitPredict(Matrix.wrap(4, 1, new float[] {0, 1, 2, 3}),
                Matrix.wrap(4, 1, new float[] {1, 3, 2, 5}), Matrix.wrap(1, 1, new float[] {10}));
        assertEquals(12.1, p[0], 1e-5);
    }

    @Test
    void aFullOneHotEncodingBesideTheInterceptStillHasASolution() {
        // Columns c=a and c=b always sum to 1, collinear with the intercept; y = 10 for a, 20 for b.
        float[] x = {1, 0, 0, 1, 1, 0, 0, 1};
        float[] p = ReferenceModel.LINEAR_REGRESSION.fitPredict(Matrix.wrap(4, 2, x), Matrix.wrap(4, 1, new float[] {10, 20, 10, 20}),
                Matrix.wrap(2, 2, new float[] {1, 0, 0, 1}));
        assertEquals(10, p[0], 1e-4);
        assertEquals(20, p[1], 1e-4);
    }

    @Test
    void namesAreLookedUpWithASuggestion() {
        assertEquals(ReferenceModel.LINEAR_REGRESSION, ReferenceModel.fromName("Linear_Regression"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReferenceModel.fromName("linear_regresion"));
        assertTrue(e.getMessage().contains("Did you mean 'linear_regression'?"), e.getMessage());
        assertTrue(ReferenceModel.LINEAR_REGRESSION.fits(ReferenceModel.MAX_LINEAR_FEATURES));
        assertTrue(!ReferenceModel.LINEAR_REGRESSION.fits(ReferenceModel.MAX_LINEAR_FEATURES + 1));
    }

    @Test
    void aSearchScoresBothOnItsSplitsInEveryMetric(@TempDir Path dir) throws IOException {
        // A target that is linear in the features: least squares is near perfect, the mean is not.
        List<String> lines = new ArrayList<>(List.of("a,b,y"));
        Rng rng = new Rng(9);
        for (int r = 0; r < 90; r++) {
            double a = rng.nextGaussian();
            double b = rng.nextGaussian();
            lines.add(a + "," + b + "," + (3 * a - 2 * b + 100));
        }
        Files.write(dir.resolve("linear.csv"), lines);
        Dataset data = Dataset.load(dir.resolve("linear.csv"), DataSpec.target("y"));
        SearchResult result = Search.run(data, SearchSpec.of(SearchSpace.grid(Map.of("hidden_layers", List.of("4"),
                "epochs", List.of(1)))).folds(3).scoring(Scoring.RMSE).metrics(Scoring.R2).refit(false));
        assertEquals(List.of(ReferenceModel.MEAN, ReferenceModel.LINEAR_REGRESSION),
                result.references().stream().map(ReferenceResult::model).toList());
        ReferenceResult mean = result.references().get(0);
        ReferenceResult linear = result.references().get(1);
        assertEquals(3, linear.scores(Scoring.RMSE).length);
        assertTrue(linear.meanScore(Scoring.RMSE) < 1e-3, "rmse " + linear.meanScore(Scoring.RMSE));
        assertTrue(linear.meanScore(Scoring.R2) > 0.999999);
        assertTrue(mean.meanScore(Scoring.RMSE) > 2, "rmse " + mean.meanScore(Scoring.RMSE));
        assertTrue(Math.abs(mean.meanScore(Scoring.R2)) < 0.2, "r2 " + mean.meanScore(Scoring.R2));
    }
}
