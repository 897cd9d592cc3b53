package dev.lanes.nn;

import dev.lanes.base.InputColumn;
import dev.lanes.base.Matrix;
import dev.lanes.base.Rng;
import dev.lanes.base.Scalers;
import dev.lanes.simd.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelTest {

    /** y = 2 x0 - x1 + 0.5 plus a little noise, 256 rows. */
    static Matrix[] linearData(long seed) {
        Rng rng = new Rng(seed);
        int rows = 256;
        float[] x = new float[rows * 2];
        float[] y = new float[rows];
        for (int r = 0; r < rows; r++) {
            x[2 * r] = (float) rng.nextGaussian();
            x[2 * r + 1] = (float) rng.nextGaussian();
            y[r] = 2 * x[2 * r] - x[2 * r + 1] + 0.5f + 0.01f * (float) rng.nextGaussian();
        }
        return new Matrix[] {Matrix.wrap(rows, 2, x), Matrix.wrap(rows, 1, y)};
    }

    /** Sizes no model reaches are refused while the architecture is declared, before any weight exists. */
    @Test
    void anArchitectureBeyondTheLimitsIsRefusedBeforeAllocating() {
        assertEquals("input width must be between 1 and 1048576 but was 1048577",
                assertThrows(IllegalArgumentException.class, () -> Sequential.input(1 << 20 | 1)).getMessage());
        assertEquals("a dense layer has at most 1048576 units but was 1048577",
                assertThrows(IllegalArgumentException.class, () -> Sequential.input(7).dense((1 << 20) + 1)).getMessage());
        assertEquals("the network would have 1099512676352 weights with dense(1048576, linear) after a layer of width "
                + "1048576; a network has at most 268435456", assertThrows(IllegalArgumentException.class,
                () -> Sequential.input(1 << 20).dense(1 << 20)).getMessage());
        Sequential deep = Sequential.input(1);
        for (int l = 0; l < Sequential.MAX_LAYERS; l++) {
            deep = deep.dense(1);
        }
        Sequential full = deep;
        assertEquals("a network has at most 10000 layers",
                assertThrows(IllegalArgumentException.class, () -> full.dense(1)).getMessage());
    }

    @Test
    void learnsALinearFunction() {
        Matrix[] d = linearData(1);
        Model model = Sequential.input(2).dense(16, Activation.TANH).dense(1).build(5);
        History h = model.fit(d[0], d[1], FitOptions.defaults().epochs(60).batchSize(16)
                .optimizer(Optimizers.adam().withLearningRate(LearningRateSchedule.constant(0.01))));
        assertFalse(h.diverged());
        assertEquals(60, h.epochsRun());
        assertTrue(h.loss()[59] < 0.01, "final loss " + h.loss()[59]);
        assertTrue(h.loss()[59] < h.loss()[0] / 20);
        Map<Metric, Double> eval = model.evaluate(d[0], d[1]);
        assertTrue(eval.get(Metric.R2) > 0.99, eval.toString());
        assertEquals(Math.sqrt(eval.get(Metric.MSE)), eval.get(Metric.RMSE), 1e-9);
    }

    @Test
    void sameSeedGivesBitIdenticalWeights() {
        Matrix[] d = linearData(2);
        Sequential spec = Sequential.input(2).dense(8, Activation.RELU).dropout(0.2).dense(4, Activation.SIGMOID).dense(1);
        FitOptions options = FitOptions.defaults().epochs(3).batchSize(10).seed(9);
        Model a = spec.build(4);
        Model b = spec.build(4);
        assertArrayEquals(a.weights(), b.weights());
        a.fit(d[0], d[1], options);
        b.fit(d[0], d[1], options);
        assertArrayEquals(a.weights(), b.weights());
        Model c = spec.build(4);
        c.fit(d[0], d[1], options.seed(10));
        assertFalse(Arrays.equals(a.weights(), c.weights()), "another shuffle seed trains differently");
        assertFalse(Arrays.equals(spec.build(4).weights(), spec.build(5).weights()), "another init seed");
    }

    @Test
    void lastPartialBatchAndValidationSplit() {
        Matrix[] d = linearData(3);
        Model model = Sequential.input(2).dense(4, Activation.RELU).dense(1).build(1);
        List<EpochLogs> seen = new java.util.ArrayList<>();
        History h = model.fit(d[0], d[1], FitOptions.defaults().epochs(2).batchSize(100).validationSplit(0.25)
                .metrics(Metric.RMSE, Metric.R2).listener(seen::add));
        assertEquals(2, seen.size());
        assertEquals(h.epochs(), seen);
        EpochLogs last = h.last().orElseThrow();
        assertTrue(last.validationLoss().isPresent());
        assertEquals(Math.sqrt(last.validationLoss().getAsDouble()), last.validationMetrics().get(Metric.RMSE), 1e-5);
    }

    @Test
    void divergenceIsReportedNotReturnedAsANumber() {
        Matrix[] d = linearData(4);
        Model model = Sequential.input(2).dense(32, Activation.RELU).dense(1).build(1);
        float[] y = d[1].toArray();
        for (int i = 0; i < y.length; i++) {
            y[i] *= 1e6f;
        }
        History h = model.fit(d[0], Matrix.wrap(y.length, 1, y), FitOptions.defaults().epochs(50)
                .optimizer(Optimizers.sgd(10.0, 0.9, false)));
        assertTrue(h.diverged());
        assertTrue(h.divergence().orElseThrow().reason().contains("loss became"), h.divergence().toString());
        for (EpochLogs e : h.epochs()) {
            assertTrue(Double.isFinite(e.loss()), "only finite epochs are logged");
        }
    }

    @Test
    void earlyStoppingFollowsKerasRules() {
        Callback.Hook hook = EarlyStopping.defaults().patience(2).restoreBestWeights(true).start();
        FakeControl control = new FakeControl();
        double[] valLosses = {5, 4, 4.5, 4.2, 3};
        int stoppedAt = -1;
        for (int e = 0; e < valLosses.length && stoppedAt < 0; e++) {
            control.weights = new float[] {e};
            hook.onEpochEnd(logs(e, valLosses[e]), control);
            if (control.stopped) {
                stoppedAt = e;
            }
        }
        assertEquals(3, stoppedAt, "two epochs without improvement after epoch 1");
        assertNull(control.restored, "the best weights come back at the end of the fit, not at the stop");
        hook.onTrainEnd(control);
        assertArrayEquals(new float[] {1}, control.restored, "best epoch's weights restored");

        Callback.Hook withDelta = EarlyStopping.defaults().minDelta(0.5).start();
        FakeControl c2 = new FakeControl();
        withDelta.onEpochEnd(logs(0, 5), c2);
        withDelta.onEpochEnd(logs(1, 4.7), c2);
        assertTrue(c2.stopped, "an improvement smaller than min_delta does not count");

        Callback.Hook late = EarlyStopping.defaults().startFromEpoch(3).start();
        FakeControl c3 = new FakeControl();
        for (int e = 0; e < 3; e++) {
            late.onEpochEnd(logs(e, 10 + e), c3);
        }
        assertFalse(c3.stopped, "epochs before start_from_epoch are ignored");
    }

    /** Keras' mode and baseline: a quantity that should go up, and a wait that a baseline keeps running. */
    @Test
    void earlyStoppingFollowsTheModeAndTheBaseline() {
        // val_r2 goes up: 0.5, 0.6 improve; 0.55 and 0.58 do not; stop after patience 2 at epoch 3.
        Callback.Hook r2 = EarlyStopping.defaults().monitor("val_r2").patience(2).start();
        FakeControl c = new FakeControl();
        double[] values = {0.5, 0.6, 0.55, 0.58, 0.9};
        int stoppedAt = -1;
        for (int e = 0; e < values.length && stoppedAt < 0; e++) {
            r2.onEpochEnd(r2Logs(e, values[e]), c);
            stoppedAt = c.stopped ? e : -1;
        }
        assertEquals(3, stoppedAt, "r2 is maximised in mode auto");
        // In mode min a higher r2 is worse: 0.6 after 0.5 is no improvement.
        Callback.Hook min = EarlyStopping.defaults().monitor("val_r2").mode(MonitorMode.MIN).patience(1).start();
        FakeControl cm = new FakeControl();
        min.onEpochEnd(r2Logs(0, 0.5), cm);
        min.onEpochEnd(r2Logs(1, 0.6), cm);
        assertTrue(cm.stopped, "mode min treats a higher value as worse");

        // A baseline of 3: losses 5, 4, 3.5 improve on the best but never beat the baseline, so the wait is
        // not reset (Keras checks it only at an epoch that does not improve): the first such epoch, 3.6,
        // stops at once, where without a baseline the wait would have been 1 of 2.
        for (boolean withBaseline : new boolean[] {true, false}) {
            EarlyStopping es = EarlyStopping.defaults().patience(2);
            Callback.Hook base = (withBaseline ? es.baseline(3) : es).start();
            FakeControl cb = new FakeControl();
            for (int e = 0; e < 3; e++) {
                base.onEpochEnd(logs(e, new double[] {5, 4, 3.5}[e]), cb);
            }
            assertFalse(cb.stopped, "improving epochs never stop");
            base.onEpochEnd(logs(3, 3.6), cb);
            assertEquals(withBaseline, cb.stopped, "a baseline that was never beaten keeps the wait running");
        }
        Callback.Hook beaten = EarlyStopping.defaults().patience(2).baseline(3).start();
        FakeControl cc = new FakeControl();
        beaten.onEpochEnd(logs(0, 5), cc);
        beaten.onEpochEnd(logs(1, 2.9), cc);
        beaten.onEpochEnd(logs(2, 2.8), cc);
        assertFalse(cc.stopped, "beating the baseline resets the wait");

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> EarlyStopping.defaults().monitor("val_accuracy").start());
        assertTrue(unknown.getMessage().contains("give mode 'min' or 'max'"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EarlyStopping.defaults().baseline(Double.NaN));
    }

    @Test
    void reduceLrOnPlateauMaximisesR2InModeAuto() {
        Callback.Hook hook = ReduceLROnPlateau.defaults().monitor("val_r2").patience(1).start();
        FakeControl control = new FakeControl();
        control.lr = 0.01;
        hook.onEpochEnd(r2Logs(0, 0.5), control);
        hook.onEpochEnd(r2Logs(1, 0.7), control);
        assertEquals(0.01, control.lr, 1e-12, "a rising r2 is an improvement");
        hook.onEpochEnd(r2Logs(2, 0.6), control);
        assertEquals(0.001, control.lr, 1e-12, "a falling r2 is a plateau");
    }

    private static EpochLogs r2Logs(int epoch, double r2) {
        return new EpochLogs(epoch, 1, java.util.OptionalDouble.of(1), 0.01, Map.of(Metric.R2, r2));
    }

    @Test
    void earlyStoppingWithoutValidationDataSaysWhy() {
        Matrix[] d = linearData(5);
        Model model = Sequential.input(2).dense(1).build(1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> model.fit(d[0], d[1], FitOptions.defaults().epochs(2).callbacks(EarlyStopping.defaults())));
        assertTrue(e.getMessage().contains("val_loss"), e.getMessage());
    }

    @Test
    void reduceLrOnPlateauFollowsKerasRules() {
        Callback.Hook hook = ReduceLROnPlateau.defaults().patience(2).cooldown(1).minLr(0.0005).start();
        FakeControl control = new FakeControl();
        control.lr = 0.01;
        double[] losses = {1, 1, 1, 1, 1, 1, 1, 1};
        double[] expected = {0.01, 0.01, 0.001, 0.001, 0.0005, 0.0005, 0.0005, 0.0005};
        for (int e = 0; e < losses.length; e++) {
            hook.onEpochEnd(logs(e, losses[e]), control);
            assertEquals(expected[e], control.lr, 1e-12, "learning rate after epoch " + e);
        }
    }

    @Test
    void activationsWithKerasArgumentsAreSavedWithThem(@TempDir Path dir) throws IOException {
        Matrix[] d = linearData(6);
        Sequential spec = Sequential.input(2).dense(8, Activation.leakyRelu(0.3)).dense(4, Activation.relu(0.1, 4, 0.5))
                .dense(3, Activation.celu(2)).dense(1, Activation.softShrink(0.1));
        Model model = spec.build(5);
        model.fit(d[0], d[1], FitOptions.defaults().epochs(2));
        Path file = dir.resolve("arguments.lanes");
        model.save(file);
        Model loaded = Model.load(file);
        assertEquals(spec, loaded.spec());
        assertEquals("input(2) -> dense(8, leaky_relu(negative_slope=0.3)) -> dense(4, relu(negative_slope=0.1, "
                + "max_value=4.0, threshold=0.5)) -> dense(3, celu(alpha=2.0)) -> dense(1, soft_shrink(threshold=0.1))",
                loaded.spec().toString());
        assertArrayEquals(model.predict(d[0]).toArray(), loaded.predict(d[0]).toArray());
    }

    @Test
    void saveAndLoadPredictBitIdentically(@TempDir Path dir) throws IOException {
        Matrix[] d = linearData(6);
        Model model = Sequential.input(2).dense(8, Activation.SELU).dropout(0.1).dense(3, Activation.GELU).dense(1)
                .build(2);
        model.fit(d[0], d[1], FitOptions.defaults().epochs(2));
        Path file = dir.resolve("sub/model.lanes");
        model.save(file);
        Model loaded = Model.load(file);
        assertEquals(model.spec().toString(), loaded.spec().toString());
        assertArrayEquals(model.predict(d[0]).toArray(), loaded.predict(d[0]).toArray());

        byte[] bytes = Files.readAllBytes(file);
        Path truncated = dir.resolve("truncated.lanes");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 20));
        IOException t = assertThrows(IOException.class, () -> Model.load(truncated));
        assertTrue(t.getMessage().contains("truncated.lanes") && t.getMessage().contains("corrupt"), t.getMessage());

        Path corrupt = dir.resolve("corrupt.lanes");
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 1;
        Files.write(corrupt, flipped);
        assertTrue(assertThrows(IOException.class, () -> Model.load(corrupt)).getMessage().contains("corrupt"));

        Path future = dir.resolve("future.lanes");
        byte[] next = bytes.clone();
        ByteBuffer.wrap(next).putInt(8, ModelFile.VERSION + 1);
        Files.write(future, next);
        assertTrue(assertThrows(IOException.class, () -> Model.load(future)).getMessage()
                .contains("version " + (ModelFile.VERSION + 1)));

        Path other = dir.resolve("other.txt");
        Files.writeString(other, "hello, this is not a model");
        assertTrue(assertThrows(IOException.class, () -> Model.load(other)).getMessage().contains("not a Lanes model"));
        assertTrue(assertThrows(IOException.class, () -> Model.load(dir.resolve("missing.lanes"))).getMessage()
                .contains("does not exist"));
    }

    @Test
    void scalersAreSavedAndPredictRawData(@TempDir Path dir) throws IOException {
        Matrix[] d = linearData(7);
        Model model = Sequential.input(2).dense(4, Activation.TANH).dense(1).build(3);
        model.fit(d[0], d[1], FitOptions.defaults().epochs(2));
        Scalers scalers = new Scalers(List.of(InputColumn.numeric("a"), InputColumn.numeric("b")), new float[] {0.5f, -1f}, new float[] {2f, 0.5f},
                new float[] {1f, 0f}, "y", 100, 10);
        Model scaled = model.withScalers(scalers);
        Matrix raw = Matrix.wrap(2, 2, new float[] {1f, Float.NaN, -3f, 4f});
        float[] expected = model.predict(Matrix.wrap(2, 2, new float[] {3f, -0.5f, -5f, 2f})).toArray();
        float[] got = scaled.predictRaw(raw).toArray();
        for (int i = 0; i < 2; i++) {
            assertEquals(expected[i] * 10 + 100, got[i], 1e-4);
        }
        Path file = dir.resolve("scaled.lanes");
        scaled.save(file);
        Model loaded = Model.load(file);
        assertEquals(List.of("a", "b"), loaded.scalers().orElseThrow().featureNames());
        assertArrayEquals(got, loaded.predictRaw(raw).toArray());
        assertThrows(IllegalStateException.class, () -> model.predictRaw(raw));
    }

    @Test
    void shapeMismatchesAreExplained() {
        Model model = Sequential.input(3).dense(1).build(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.predict(Matrix.wrap(2, 2, new float[4])));
        assertEquals("The network takes 3 inputs but x has 2 columns", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Sequential.input(2).dropout(0.5));
        assertThrows(IllegalArgumentException.class, () -> Sequential.input(2).dense(0));
        assertNotEquals(Sequential.input(2).dense(3), Sequential.input(2).dense(4));
    }

    private static EpochLogs logs(int epoch, double valLoss) {
        return new EpochLogs(epoch, valLoss, java.util.OptionalDouble.of(valLoss), 0.01, Map.of());
    }

    private static final class FakeControl implements TrainingControl {
        boolean stopped;
        double lr;
        float[] weights = new float[0];
        float[] restored;

        @Override
        public void stop() {
            stopped = true;
        }

        @Override
        public double learningRate() {
            return lr;
        }

        @Override
        public void setLearningRate(double learningRate) {
            lr = learningRate;
        }

        @Override
        public float[] copyWeights() {
            return weights.clone();
        }

        @Override
        public void restoreWeights(float[] w) {
            restored = w.clone();
        }

        @Override
        public void save(java.nio.file.Path file) {
            throw new UnsupportedOperationException("not in these tests");
        }
    }
}
