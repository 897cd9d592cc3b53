package dev.lanes.examples.library;

import dev.lanes.data.DataSpec;
import dev.lanes.data.Dataset;
import dev.lanes.data.Fold;
import dev.lanes.data.Preprocessing;
import dev.lanes.data.Scaling;
import dev.lanes.data.Splits;
import dev.lanes.nn.EarlyStopping;
import dev.lanes.nn.FitOptions;
import dev.lanes.nn.History;
import dev.lanes.base.Matrix;
import dev.lanes.nn.Metric;
import dev.lanes.nn.Model;
import dev.lanes.nn.Optimizers;
import dev.lanes.nn.Sequential;
import dev.lanes.simd.Activation;
import dev.lanes.simd.Activations;
import dev.lanes.simd.Gemm;
import dev.lanes.simd.Simd;
import dev.lanes.tune.Search;
import dev.lanes.tune.SearchResult;
import dev.lanes.tune.SearchSpace;
import dev.lanes.tune.SearchSpec;
import dev.lanes.tune.Scoring;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tour of the Lanes Java API on the California housing data: load a CSV, train a network with early
 * stopping, evaluate it in dollars, save it with its scalers and load it back, search a small grid with
 * a progress listener, and call the SIMD kernels directly.
 *
 * <pre>java --add-modules=jdk.incubator.vector -cp ... dev.lanes.examples.library.LibraryTour \
 *     path/to/california_housing.csv output/dir</pre>
 */
public final class LibraryTour {

    /** What the tour found, for whoever runs it (its test checks these). */
    public record Outcome(double holdOutRmse, int epochsRun, boolean reloadedPredictsTheSame, double bestGridRmse,
                          String bestGridParams, float[] kernelCheck) {
    }

    private LibraryTour() {
    }

    /** Runs the tour; arguments: the CSV file and a directory for the saved model. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: LibraryTour path/to/california_housing.csv output/dir");
            System.exit(2);
        }
        Outcome outcome = run(Path.of(args[0]), Path.of(args[1]));
        System.out.println(outcome);
    }

    /** The whole tour, printing as it goes. */
    public static Outcome run(Path csv, Path outputDir) throws IOException {
        System.out.println("Kernels: " + Simd.describe());

        // 1. Data: the raw file, one column left out by name, a text column one-hot encoded. Errors name
        // file, line, column and value.
        Dataset data = Dataset.load(csv,
                DataSpec.target("median_house_value").exclude("total_bedrooms").categorical("ocean_proximity"));
        Fold split = Splits.holdOut(data.rows(), 0.2, 42);
        // A shuffled tenth of the training rows watches for overfitting (Keras' validation_split would take
        // the file's last rows, one region of California here).
        Fold inner = Splits.holdOut(split.train().length, 0.1, 7);
        int[] train = pick(split.train(), inner.train());
        int[] validation = pick(split.train(), inner.test());
        // Scalers learn from the training rows only; the views below copy nothing.
        Preprocessing scaling = Preprocessing.fit(data, train, Scaling.STANDARD, Scaling.STANDARD);
        Matrix x = scaling.features(data, train);
        Matrix y = scaling.target(data, train);

        // 2. A network, trained with early stopping on a validation split.
        Model model = Sequential.input(x.cols()).dense(64, Activation.RELU).dense(32, Activation.RELU).dense(1)
                .build(42);
        History history = model.fit(x, y, FitOptions.defaults()
                .epochs(30).batchSize(32).seed(42)
                .optimizer(Optimizers.adam())
                .validationData(scaling.features(data, validation), scaling.target(data, validation))
                .callbacks(EarlyStopping.defaults().patience(5).restoreBestWeights(true))
                .metrics(Metric.RMSE)
                .listener(e -> System.out.printf(Locale.ROOT, "epoch %2d  loss %.4f  val_loss %.4f%n",
                        e.epoch() + 1, e.loss(), e.validationLoss().orElse(Double.NaN))));
        if (history.diverged()) {
            throw new IllegalStateException(history.divergence().orElseThrow().reason());
        }

        // 3. Evaluate on the held-out rows; RMSE in scaled units times the target's unit is dollars.
        Map<Metric, Double> scores = model.evaluate(scaling.features(data, split.test()),
                scaling.target(data, split.test()), Metric.RMSE, Metric.R2);
        double rmse = scores.get(Metric.RMSE) * scaling.targetUnit();
        System.out.printf(Locale.ROOT, "hold-out RMSE %.0f dollars, R2 %.3f after %d epochs%n",
                rmse, scores.get(Metric.R2), history.epochsRun());

        // 4. Save with the scalers, load, and predict raw rows in dollars.
        Model withScalers = model.withScalers(scaling.toScalers(data));
        Path file = outputDir.resolve("housing.lanes");
        withScalers.save(file);
        Model loaded = Model.load(file);
        Matrix raw = data.features().select(new int[] {0, 1, 2});
        float[] before = withScalers.predictRaw(raw).toArray();
        float[] after = loaded.predictRaw(raw).toArray();
        System.out.printf(Locale.ROOT, "predicted %.0f, %.0f, %.0f dollars (saved to %s)%n",
                after[0], after[1], after[2], file);
        // The file's first row as a service would receive it: text cells by column name, the category as text.
        Map<String, String> firstRow = Map.of("longitude", "-122.23", "latitude", "37.88",
                "housing_median_age", "41.0", "total_rooms", "880.0", "population", "322.0", "households", "126.0",
                "median_income", "8.3252", "ocean_proximity", "NEAR BAY");
        float fromText = loaded.predictRaw(List.of(firstRow)).get(0, 0);
        System.out.printf(Locale.ROOT, "first row from its text cells: %.0f dollars%n", fromText);

        // 5. A small cross-validated grid search with a progress listener.
        SearchSpace grid = SearchSpace.grid(Map.of(
                "hidden_layers", List.of("32", "64,32"),
                "learning_rate", List.of(0.001, 0.01),
                "epochs", List.of(5)));
        SearchResult result = Search.run(data, SearchSpec.of(grid).folds(3).seed(42).scoring(Scoring.RMSE)
                .refit(false), progress -> System.out.println(progress));
        System.out.println("best " + result.bestParamTexts().orElseThrow() + " RMSE "
                + Math.round(result.bestScore().orElseThrow()));

        // 6. The kernels themselves: C = A . B, then tanh in place.
        float[] a = {1, 2, 3, 4};
        float[] b = {0.5f, -1, 0.25f, 2};
        float[] c = new float[4];
        Gemm.sgemm(false, false, 2, 2, 2, 1f, a, 0, 2, b, 0, 2, 0f, c, 0, 2);
        Activations.forward(Activation.TANH, 2, 2, c, 0, c, 0);

        return new Outcome(rmse, history.epochsRun(), java.util.Arrays.equals(before, after) && fromText == after[0],
                result.bestScore().orElseThrow(), result.bestParamTexts().orElseThrow().toString(), c);
    }

    /** {@code rows[positions[i]]} for every i. */
    private static int[] pick(int[] rows, int[] positions) {
        int[] out = new int[positions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows[positions[i]];
        }
        return out;
    }
}
