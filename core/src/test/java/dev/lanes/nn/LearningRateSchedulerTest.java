package dev.lanes.nn;

import dev.lanes.base.Matrix;
import dev.lanes.simd.Activation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keras' LearningRateScheduler: the rate of every epoch is the schedule's, from the rate before it. */
class LearningRateSchedulerTest {

    private static Matrix[] data() {
        Random rnd = new Random(3);
        int rows = 64;
        float[] x = new float[rows * 2];
        float[] y = new float[rows];
        for (int i = 0; i < rows; i++) {
            x[2 * i] = (float) rnd.nextGaussian();
            x[2 * i + 1] = (float) rnd.nextGaussian();
            y[i] = x[2 * i] - x[2 * i + 1];
        }
        return new Matrix[] {Matrix.wrap(rows, 2, x), Matrix.wrap(rows, 1, y)};
    }

    private static Model model() {
        return Sequential.input(2).dense(4, Activation.TANH).dense(1).build(2);
    }

    @Test
    void everyEpochTrainsWithTheScheduledRateFromThePreviousOne() {
        Matrix[] d = data();
        List<int[]> calls = new ArrayList<>();
        List<Double> seen = new ArrayList<>();
        History h = model().fit(d[0], d[1], FitOptions.defaults().optimizer(Optimizers.sgd(0.1, 0, false)).epochs(4)
                .batchSize(16).callbacks(LearningRateScheduler.of((epoch, lr) -> {
                    calls.add(new int[] {epoch});
                    seen.add(lr);
                    return epoch == 0 ? lr : lr / 2;
                })));
        assertEquals(List.of(0, 1, 2, 3), calls.stream().map(c -> c[0]).toList());
        assertEquals(List.of(0.1, 0.1, 0.05, 0.025), seen.stream().map(v -> Math.round(v * 1e6) / 1e6).toList());
        assertArrayEquals(new double[] {0.1, 0.05, 0.025, 0.0125},
                h.epochs().stream().mapToDouble(EpochLogs::learningRate).toArray(), 1e-9);
    }

    @Test
    void aConstantScheduleGivesTheFitWithoutTheCallbackBitForBit() {
        Matrix[] d = data();
        FitOptions o = FitOptions.defaults().optimizer(Optimizers.sgd(0.05, 0, false)).epochs(3).batchSize(16);
        Model plain = model();
        plain.fit(d[0], d[1], o);
        Model scheduled = model();
        scheduled.fit(d[0], d[1], o.callbacks(LearningRateScheduler.of((epoch, lr) -> 0.05)));
        assertArrayEquals(plain.predict(d[0]).toArray(), scheduled.predict(d[0]).toArray());
    }

    @Test
    void aRateThatIsNotOneOrAScheduledOptimizerIsRefused() {
        Matrix[] d = data();
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> model().fit(d[0], d[1],
                FitOptions.defaults().epochs(3).callbacks(LearningRateScheduler.of((epoch, lr) -> epoch == 1 ? Double.NaN : lr))));
        assertEquals("LearningRateScheduler: the schedule gave the learning rate NaN for epoch 1; a learning rate is a "
                + "finite number >= 0", nan.getMessage());
        // refused before the first epoch, as Keras refuses to set a scheduled rate
        IllegalArgumentException schedule = assertThrows(IllegalArgumentException.class, () -> model().startFit(d[0], d[1],
                FitOptions.defaults().optimizer(Optimizers.create("adam", java.util.Map.of("learning_rate",
                        LearningRateSchedules.cosineDecay(0.01, 100)))).epochs(2)
                        .callbacks(LearningRateScheduler.of((epoch, lr) -> lr))));
        assertTrue(schedule.getMessage().startsWith("LearningRateScheduler sets the learning rate, but the optimizer's"
                + " learning rate follows a schedule"), schedule.getMessage());
    }
}
