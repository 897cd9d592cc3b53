package dev.lanes.nn;

import dev.lanes.base.Matrix;
import dev.lanes.base.Rng;
import dev.lanes.simd.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A fit run in stages trains exactly as one fit of the total number of epochs. */
class TrainingTest {

    private static Matrix x;
    private static Matrix y;

    static {
        Rng rng = new Rng(5);
        float[] xs = new float[97 * 3];
        float[] ys = new float[97];
        for (int r = 0; r < 97; r++) {
            for (int c = 0; c < 3; c++) {
                xs[3 * r + c] = (float) rng.nextGaussian();
            }
            ys[r] = (float) (Math.sin(xs[3 * r]) + 0.3 * xs[3 * r + 1] * xs[3 * r + 2]);
        }
        x = Matrix.wrap(97, 3, xs);
        y = Matrix.wrap(97, 1, ys);
    }

    private static Model model() {
        return Sequential.input(3).dense(8, Activation.TANH).dropout(0.1).dense(4, Activation.RELU).dense(1).build(17);
    }

    /** Adam's moments, the shuffling, dropout and an exponentially decaying learning rate all carry over. */
    @ParameterizedTest
    @ValueSource(strings = {"adam", "sgd", "rmsprop", "adafactor"})
    void stagesGiveTheWeightsOfOneFit(String optimizer) {
        FitOptions options = FitOptions.defaults().epochs(9).batchSize(10).seed(3)
                .optimizer(Optimizers.create(optimizer, java.util.Map.of("learning_rate",
                        LearningRateSchedules.exponentialDecay(0.01, 20, 0.9))));
        Model once = model();
        History whole = once.fit(x, y, options);
        Model staged = model();
        Training training = staged.startFit(x, y, options);
        assertEquals(1, training.continueTo(1).epochsRun());
        assertFalse(training.finished());
        assertEquals(3, training.continueTo(3).epochsRun());
        History last = training.continueTo(9);
        assertTrue(training.finished());
        assertEquals(9, last.epochsRun());
        assertArrayEquals(once.weights(), staged.weights());
        for (int e = 0; e < 9; e++) {
            assertEquals(whole.epochs().get(e).loss(), last.epochs().get(e).loss(), "epoch " + e);
        }
        assertEquals(9, training.continueTo(20).epochsRun(), "never past the options' epochs");
    }

    /**
     * use_ema: each stage ends with the weights' moving average in the model, as a fit of that many epochs
     * would, and the next stage trains on from the weights themselves.
     */
    @Test
    void stagesWithAMovingAverageGiveTheWeightsOfOneFit() {
        FitOptions options = FitOptions.defaults().epochs(6).batchSize(10).seed(3)
                .optimizer(Optimizers.adam().withLearningRate(0.01).withEma(0.9, 0));
        Model once = model();
        once.fit(x, y, options);
        Model three = model();
        three.fit(x, y, options.epochs(3));
        Model staged = model();
        Training training = staged.startFit(x, y, options);
        training.continueTo(3);
        assertArrayEquals(three.weights(), staged.weights(), "after 3 epochs: the average of a 3-epoch fit");
        training.continueTo(6);
        assertArrayEquals(once.weights(), staged.weights());
        Model plain = model();
        plain.fit(x, y, options.optimizer(Optimizers.adam().withLearningRate(0.01)));
        assertFalse(java.util.Arrays.equals(plain.weights(), once.weights()), "the average is not the last weights");
    }

    /** The fit's final weights are the float32 moving average of the weights after every step. */
    @Test
    void aFitWithAMovingAverageEndsWithIt() {
        float m = 0.8f;
        FitOptions options = FitOptions.defaults().epochs(5).batchSize(97).seed(3).shuffle(false)
                .optimizer(Optimizers.sgd(0.05, 0.9, false).withEma(m, 0));
        java.util.List<float[]> steps = new java.util.ArrayList<>();
        Callback record = () -> new Callback.Hook() {
            @Override
            public void onEpochEnd(EpochLogs logs, TrainingControl control) {
                steps.add(control.copyWeights());
            }
        };
        Model model = model();
        model.fit(x, y, options.callbacks(record));
        float[] average = steps.get(0).clone();
        for (float[] w : steps.subList(1, steps.size())) {
            for (int i = 0; i < average.length; i++) {
                average[i] = m * average[i] + (1f - m) * w[i];
            }
        }
        assertEquals(5, steps.size(), "one step per epoch");
        assertArrayEquals(average, model.weights());
    }

    /** Records each epoch's weights and validation loss, to find the best epoch as EarlyStopping does. */
    private static final class BestEpoch implements Callback {
        final java.util.List<float[]> epochs = new java.util.ArrayList<>();
        final java.util.List<Double> valLosses = new java.util.ArrayList<>();

        @Override
        public Hook start() {
            return (logs, control) -> {
                epochs.add(control.copyWeights());
                valLosses.add(logs.validationLoss().orElseThrow());
            };
        }

        /** The first epoch of the lowest validation loss. */
        int best() {
            return valLosses.indexOf(valLosses.stream().min(Double::compare).orElseThrow());
        }

        float[] weights() {
            return epochs.get(best());
        }
    }

    /** As in Keras, where EarlyStopping restores the best weights after the average has replaced them. */
    @Test
    void weightsEarlyStoppingRestoresStayInsteadOfTheAverage() {
        BestEpoch record = new BestEpoch();
        FitOptions options = FitOptions.defaults().epochs(300).batchSize(16).seed(1).validationSplit(0.3)
                .optimizer(Optimizers.adam().withLearningRate(0.05).withEma(0.9, 0))
                .callbacks(record, EarlyStopping.defaults().patience(2).restoreBestWeights(true));
        Model model = model();
        History h = model.fit(x, y, options);
        assertTrue(h.epochsRun() < 300, "early stopping ended it");
        assertArrayEquals(record.weights(), model.weights());
    }

    /** Keras 3 restores the best weights at the end of fit even when it ran all its epochs. */
    @Test
    void theBestWeightsComeBackAtTheEndWithoutAStop() {
        BestEpoch record = new BestEpoch();
        FitOptions options = FitOptions.defaults().epochs(12).batchSize(16).seed(1).validationSplit(0.3)
                .optimizer(Optimizers.adam().withLearningRate(0.2))
                .callbacks(record, EarlyStopping.defaults().patience(100).restoreBestWeights(true));
        Model model = model();
        assertEquals(12, model.fit(x, y, options).epochsRun());
        assertTrue(record.best() < 11, "a rate this high makes the last epoch not the best: " + record.valLosses);
        assertArrayEquals(record.weights(), model.weights());

        // In stages each stage ends so, and the next trains on from the weights as trained.
        Model staged = model();
        Training training = staged.startFit(x, y, options.callbacks(EarlyStopping.defaults().patience(100)
                .restoreBestWeights(true)));
        training.continueTo(5);
        training.continueTo(12);
        assertArrayEquals(model.weights(), staged.weights());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 5})
    void aStoppedFitStaysStopped(int patience) {
        FitOptions options = FitOptions.defaults().epochs(200).batchSize(16).seed(1).validationSplit(0.3)
                .callbacks(EarlyStopping.defaults().patience(patience));
        Training training = model().startFit(x, y, options);
        History first = training.continueTo(200);
        assertTrue(first.epochsRun() < 200, "early stopping ended it");
        assertTrue(training.finished());
        assertEquals(first.epochsRun(), training.continueTo(300).epochsRun());
    }
}
