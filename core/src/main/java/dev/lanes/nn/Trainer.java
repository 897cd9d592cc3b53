package dev.lanes.nn;

import dev.lanes.base.Matrix;
import dev.lanes.base.Rng;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One run of {@link Model#fit}: epochs of shuffled mini-batches, the optimizer's steps, validation,
 * callbacks, and divergence detection. All buffers are allocated up front, so steps allocate nothing.
 */
final class Trainer implements TrainingControl {

    private final Model model;
    private final Layout layout;
    private final FitOptions options;
    private final float[] grads;
    private final Rng rng;
    private final Regularization regularization;
    private boolean stop;
    private double learningRateOverride = Double.NaN;
    private long iteration;
    private double lastLearningRate;

    Trainer(Model model, FitOptions options) {
        this.model = model;
        this.layout = model.layout;
        this.options = options;
        this.grads = new float[layout.parameterCount];
        this.rng = new Rng(options.seed());
        this.regularization = new Regularization(layout);
    }

    History fit(Matrix x, Matrix y) {
        Matrix trainX = x;
        Matrix trainY = y;
        Matrix valX = options.validationX().orElse(null);
        Matrix valY = options.validationY().orElse(null);
        if (options.validationSplit() > 0) {
            int split = (int) (x.rows() * (1 - options.validationSplit()));
            trainX = x.slice(0, split);
            trainY = y.slice(0, split);
            valX = x.slice(split, x.rows());
            valY = y.slice(split, y.rows());
        }
        int n = trainX.rows();
        if (n == 0) {
            throw new IllegalArgumentException("No training rows left (rows " + x.rows() + ", validation split "
                    + options.validationSplit() + ")");
        }
        // The validation targets do not change between epochs: read them once.
        float[] valTarget = valY == null ? new float[0] : valY.toArray();
        int batch = Math.min(options.batchSize(), n);
        int outputs = layout.outputs();
        Passes passes = new Passes(layout, batch);
        float[] yBatch = new float[batch * outputs];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        OptimizerState state = options.optimizer().start(layout.variableOffsets(), layout.variableSizes());
        List<Callback.Hook> hooks = new ArrayList<>();
        for (Callback c : options.callbacks()) {
            hooks.add(c.start());
        }
        List<EpochLogs> logs = new ArrayList<>();
        for (int epoch = 0; epoch < options.epochs() && !stop; epoch++) {
            if (options.shuffle()) {
                rng.shuffle(order, n);
            }
            double lossSum = 0;
            int step = 0;
            for (int start = 0; start < n; start += batch, step++) {
                int rows = Math.min(batch, n - start);
                for (int r = 0; r < rows; r++) {
                    trainX.copyRow(order[start + r], passes.a[0], r * layout.inputs);
                    trainY.copyRow(order[start + r], yBatch, r * outputs);
                }
                passes.forward(model.params, rows, true, rng);
                double loss = options.loss().gradient(passes.output(), 0, yBatch, 0, rows * outputs,
                        passes.outputGradient(), 0) + regularization.loss(model.params);
                if (!Double.isFinite(loss)) {
                    return new History(logs, Optional.of(new History.Divergence(epoch, step,
                            "training loss became " + loss + " at epoch " + (epoch + 1) + ", step " + (step + 1))));
                }
                passes.backward(model.params, grads, rows);
                regularization.addGradient(model.params, grads);
                lastLearningRate = currentLearningRate();
                state.step(model.params, grads, iteration++, (float) lastLearningRate);
                lossSum += loss * rows;
            }
            OptionalDouble valLoss = OptionalDouble.empty();
            Map<Metric, Double> metrics = new EnumMap<>(Metric.class);
            if (valTarget.length > 0) {
                float[] predicted = model.predict(valX).toArray();
                valLoss = OptionalDouble.of(options.loss().value(predicted, 0, valTarget, 0, valTarget.length)
                        + regularization.loss(model.params));
                for (Metric m : options.metrics()) {
                    metrics.put(m, m.compute(predicted, 0, valTarget, 0, valY.rows(), outputs));
                }
            }
            EpochLogs epochLogs = new EpochLogs(epoch, lossSum / n, valLoss, lastLearningRate, metrics);
            logs.add(epochLogs);
            if (valLoss.isPresent() && !Double.isFinite(valLoss.getAsDouble())) {
                return new History(logs, Optional.of(new History.Divergence(epoch, step,
                        "validation loss became " + valLoss.getAsDouble() + " at epoch " + (epoch + 1))));
            }
            for (Callback.Hook hook : hooks) {
                hook.onEpochEnd(epochLogs, this);
            }
            options.listener().accept(epochLogs);
        }
        return new History(logs, Optional.empty());
    }

    private double currentLearningRate() {
        return Double.isNaN(learningRateOverride) ? options.optimizer().learningRate().at(iteration) : learningRateOverride;
    }

    @Override
    public void stop() {
        stop = true;
    }

    @Override
    public double learningRate() {
        return currentLearningRate();
    }

    @Override
    public void setLearningRate(double learningRate) {
        if (!options.optimizer().learningRate().isConstant()) {
            throw new IllegalStateException("The learning rate follows a schedule and cannot be set by a callback");
        }
        learningRateOverride = learningRate;
    }

    @Override
    public float[] copyWeights() {
        return model.params.clone();
    }

    @Override
    public void restoreWeights(float[] weights) {
        System.arraycopy(weights, 0, model.params, 0, model.params.length);
    }
}
