package dev.lanes.nn;

import dev.lanes.base.Rng;
import dev.lanes.data.DataSpec;
import dev.lanes.data.Dataset;
import dev.lanes.data.Preprocessing;
import dev.lanes.data.Scaling;
import dev.lanes.simd.Activation;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quality bar: 7 standardized features and a standardized target, 80/20 split shuffled with
 * seed 42, 7-64-32-1 relu, Adam lr 1e-3, batch 32, 20 epochs: hold-out RMSE at most 55,000 dollars
 * (PyTorch reaches 54,094 on this set-up).
 */
class CaliforniaHousingTest {

    @Test
    void holdOutRmseIsAtMost55000() throws URISyntaxException {
        Dataset data = Dataset.load(Path.of(getClass().getResource("/california_housing.csv").toURI()),
                DataSpec.target("median_house_value").exclude("total_bedrooms", "ocean_proximity"));
        int[] order = new int[data.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        new Rng(42).shuffle(order, order.length);
        int trainRows = (int) (data.rows() * 0.8);
        int[] train = Arrays.copyOf(order, trainRows);
        int[] test = Arrays.copyOfRange(order, trainRows, order.length);
        Preprocessing scaling = Preprocessing.fit(data, train, Scaling.STANDARD, Scaling.STANDARD);

        Model model = Sequential.input(7).dense(64, Activation.RELU).dense(32, Activation.RELU).dense(1).build(42);
        History history = model.fit(scaling.features(data, train), scaling.target(data, train),
                FitOptions.defaults().epochs(20).batchSize(32).seed(42));
        assertFalse(history.diverged());

        float[] predicted = model.predict(scaling.features(data, test)).toArray();
        float[] actual = data.target().select(test).toArray();
        double squares = 0;
        for (int i = 0; i < predicted.length; i++) {
            double dollars = scaling.inverseTarget(predicted[i]);
            squares += (dollars - actual[i]) * (dollars - actual[i]);
        }
        double rmse = Math.sqrt(squares / predicted.length);
        System.out.printf("California housing hold-out RMSE: %.0f%n", rmse);
        assertTrue(rmse <= 55_000, "hold-out RMSE " + rmse);
    }
}
