package dev.lanes.nn;

import dev.lanes.base.Matrix;
import dev.lanes.simd.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ModelCheckpoint} and {@link CsvLogger}: what they write, when, and into which file. */
class FileCallbacksTest {

    @TempDir
    Path dir;

    private static Matrix[] data() {
        Random rnd = new Random(5);
        int rows = 120;
        float[] x = new float[rows * 3];
        float[] y = new float[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < 3; j++) {
                x[i * 3 + j] = (float) rnd.nextGaussian();
            }
            y[i] = x[i * 3] - 2 * x[i * 3 + 1] + 0.5f * x[i * 3 + 2];
        }
        return new Matrix[] {Matrix.wrap(rows, 3, x), Matrix.wrap(rows, 1, y)};
    }

    private static Model model() {
        return Sequential.input(3).dense(8, Activation.TANH).dense(1).build(3);
    }

    @Test
    void checkpointAfterEveryEpochHoldsTheModelAsTrained() throws IOException {
        Matrix[] d = data();
        Path file = dir.resolve("checkpoint.lanes");
        Model m = model();
        m.fit(d[0], d[1], FitOptions.defaults().epochs(3).batchSize(16).validationSplit(0.25)
                .callbacks(ModelCheckpoint.to(file)));
        Model saved = Model.load(file);
        assertArrayEquals(m.predict(d[0]).toArray(), saved.predict(d[0]).toArray(), "the last epoch's weights");
        assertFalse(Files.exists(dir.resolve("checkpoint.lanes.partial")));
    }

    /** Saves at epochs whose quantity beats all earlier ones: 0, 1 and 3 of 3, 2, 2.5, 1 (down); 0, 1 of 0.1, 0.3, 0.2 (up). */
    @Test
    void bestOnlySavesWhenTheMonitoredQuantityImprovesInItsDirection() {
        List<Integer> down = saves(ModelCheckpoint.to(dir.resolve("a")).saveBestOnly(true), "val_loss", 3, 2, 2.5, 1);
        assertEquals(List.of(0, 1, 3), down);
        List<Integer> up = saves(ModelCheckpoint.to(dir.resolve("b")).saveBestOnly(true).monitor("val_r2"),
                "val_r2", 0.1, 0.3, 0.2);
        assertEquals(List.of(0, 1), up);
        List<Integer> forcedMin = saves(ModelCheckpoint.to(dir.resolve("c")).saveBestOnly(true).monitor("val_r2")
                .mode(MonitorMode.MIN), "val_r2", 0.1, 0.3, 0.05);
        assertEquals(List.of(0, 2), forcedMin);
        assertEquals(List.of(0, 1, 2), saves(ModelCheckpoint.to(dir.resolve("d")), "val_loss", 1, 2, 3));
    }

    @Test
    void bestOnlyNeedsTheMonitoredQuantity() {
        ModelCheckpoint c = ModelCheckpoint.to(dir.resolve("m")).saveBestOnly(true);
        Callback.Hook hook = c.start();
        EpochLogs noValidation = new EpochLogs(0, 1.0, OptionalDouble.empty(), 0.01, Map.of());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> hook.onEpochEnd(noValidation, new SavingControl(new ArrayList<>(), 0)));
        assertTrue(e.getMessage().contains("'val_loss'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelCheckpoint.to(dir.resolve("x")).saveBestOnly(true)
                .monitor("val_nonsense").start());
    }

    private List<Integer> saves(ModelCheckpoint c, String name, double... values) {
        List<Integer> saved = new ArrayList<>();
        Callback.Hook hook = c.start();
        for (int epoch = 0; epoch < values.length; epoch++) {
            EpochLogs logs = name.equals("val_loss")
                    ? new EpochLogs(epoch, 9, OptionalDouble.of(values[epoch]), 0.01, Map.of())
                    : new EpochLogs(epoch, 9, OptionalDouble.of(9), 0.01, Map.of(Metric.R2, values[epoch]));
            hook.onEpochEnd(logs, new SavingControl(saved, epoch));
        }
        return saved;
    }

    /** Records the epoch of every save, and writes it, so the file can be checked too. */
    private static final class SavingControl implements TrainingControl {
        private final List<Integer> saved;
        private final int epoch;

        SavingControl(List<Integer> saved, int epoch) {
            this.saved = saved;
            this.epoch = epoch;
        }

        @Override
        public void save(Path file) throws IOException {
            saved.add(epoch);
            Files.writeString(file, Integer.toString(epoch));
        }

        @Override
        public void stop() {
        }

        @Override
        public double learningRate() {
            return 0.01;
        }

        @Override
        public void setLearningRate(double learningRate) {
        }

        @Override
        public float[] copyWeights() {
            return new float[0];
        }

        @Override
        public void restoreWeights(float[] weights) {
        }
    }

    @Test
    void csvLoggerWritesARowPerEpochWithKerasColumns() throws IOException {
        Matrix[] d = data();
        Path file = dir.resolve("training.csv");
        History h = model().fit(d[0], d[1], FitOptions.defaults().epochs(3).batchSize(16).validationSplit(0.25)
                .metrics(Metric.MAE).callbacks(CsvLogger.to(file)));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals("epoch,learning_rate,loss,val_loss,val_mean_absolute_error", lines.get(0));
        assertEquals(4, lines.size());
        for (int e = 0; e < 3; e++) {
            EpochLogs logs = h.epochs().get(e);
            assertEquals(e + "," + logs.learningRate() + "," + logs.loss() + "," + logs.validationLoss().getAsDouble()
                    + "," + logs.validationMetrics().get(Metric.MAE), lines.get(e + 1));
        }
    }

    @Test
    void csvLoggerReplacesOrAppends() throws IOException {
        Matrix[] d = data();
        Path file = dir.resolve("log.csv");
        Files.writeString(file, "old contents\n");
        FitOptions options = FitOptions.defaults().epochs(2).batchSize(16);
        model().fit(d[0], d[1], options.callbacks(CsvLogger.to(file).separator(';')));
        List<String> replaced = Files.readAllLines(file);
        assertEquals(List.of("epoch;learning_rate;loss"), replaced.subList(0, 1));
        assertEquals(3, replaced.size());
        model().fit(d[0], d[1], options.callbacks(CsvLogger.to(file).separator(';').append(true)));
        List<String> appended = Files.readAllLines(file);
        assertEquals(5, appended.size(), "two rows more, no second header");
        assertTrue(appended.get(3).startsWith("0;") && appended.get(4).startsWith("1;"), appended.toString());
        assertThrows(IllegalArgumentException.class, () -> CsvLogger.to(file).separator('"'));
    }
}
