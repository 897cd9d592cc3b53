package dev.lanes.nn;

import dev.lanes.base.Matrix;
import dev.lanes.base.Rng;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One fit of a model: epochs of shuffled mini-batches, the optimizer's steps, validation, callbacks, and
 * divergence detection. It can run in stages ({@link #runTo}): its shuffling, optimizer state, callbacks
 * and step count carry over, so running to 3 epochs and then to 9 trains exactly as running to 9 at
 * once. All buffers are allocated up front, so steps allocate nothing.
 */
final class Trainer implements TrainingControl {

    private final Model model;
    private final Layout layout;
    private final FitOptions options;
    private final float[] grads;
    private final Rng rng;
    private final Regularization regularization;
    private final WeightConstraints constraints;
    private final Matrix trainX;
    private final Matrix trainY;
    private final Matrix valX;
    private final Matrix valY;
    private final float[] valTarget;
    private final int rowCount;
    private final int batch;
    private final Passes passes;
    private final float[] yBatch;
    private final int[] order;
    private final OptimizerState state;
    private final List<Callback.Hook> hooks = new ArrayList<>();
    private final List<EpochLogs> logs = new ArrayList<>();
    private Optional<History.Divergence> divergence = Optional.empty();
    private int epoch;
    private boolean stop;
    private double learningRateOverride = Double.NaN;
    private long iteration;
    private double lastLearningRate;
    /** Whether the last stage ended the fit (finalized weights, on_train_end), to be undone before the next. */
    private boolean ended;
    /** The weights as trained, kept while the model holds the ones the end of a stage put in place. */
    private final float[] trained;

    /**
     * Prepares a fit of {@code model} on {@code x, y}: the validation rows, the buffers, the optimizer
     * state and the callbacks; no epoch runs yet.
     *
     * @throws IllegalArgumentException when the validation split leaves no training rows, or a callback
     *                                  would set a learning rate that follows a schedule
     */
    Trainer(Model model, FitOptions options, Matrix x, Matrix y) {
        this.model = model;
        this.layout = model.layout;
        this.options = options;
        this.grads = new float[layout.parameterCount];
        this.rng = new Rng(options.seed());
        this.regularization = new Regularization(layout);
        this.constraints = new WeightConstraints(layout);
        Matrix tx = x;
        Matrix ty = y;
        Matrix vx = options.validationX().orElse(null);
        Matrix vy = options.validationY().orElse(null);
        if (options.validationSplit() > 0) {
            int split = (int) (x.rows() * (1 - options.validationSplit()));
            tx = x.slice(0, split);
            ty = y.slice(0, split);
            vx = x.slice(split, x.rows());
            vy = y.slice(split, y.rows());
        }
        // Every step gathers a shuffled batch: from a view that is a lookup and a transform per value,
        // from a contiguous copy one array copy per row (the same floats, so no result changes).
        if (!(tx.isContiguous() && ty.isContiguous())
                && Matrix.affordableCopy(4L * tx.rows() * (tx.cols() + ty.cols()))) {
            tx = tx.contiguous();
            ty = ty.contiguous();
        }
        this.trainX = tx;
        this.trainY = ty;
        this.valX = vx;
        this.valY = vy;
        this.rowCount = trainX.rows();
        if (rowCount == 0) {
            throw new IllegalArgumentException("No training rows left (rows " + x.rows() + ", validation split "
                    + options.validationSplit() + ")");
        }
        // The validation targets do not change between epochs: read them once.
        this.valTarget = valY == null ? new float[0] : valY.toArray();
        this.batch = Math.min(options.batchSize(), rowCount);
        this.passes = new Passes(layout, batch);
        this.yBatch = new float[batch * layout.outputs()];
        this.order = new int[rowCount];
        for (int i = 0; i < rowCount; i++) {
            order[i] = i;
        }
        Callbacks.checkLearningRate(options.optimizer(), options.callbacks());
        this.trained = new float[model.params.length];
        int[][] variables = layout.variables();
        this.state = options.optimizer().start(variables[0], variables[1], variables[2]);
        for (Callback c : options.callbacks()) {
            hooks.add(c.start());
        }
    }

    /**
     * Runs epochs until {@code epochs} have run in all (at most the options' epochs), a callback stops
     * the fit or the loss diverges, and returns the history of every epoch so far.
     */
    History runTo(int epochs) {
        int until = Math.min(epochs, options.epochs());
        if (ended && epoch < until && !stop && divergence.isEmpty()) {
            System.arraycopy(trained, 0, model.params, 0, trained.length);
            ended = false;
        }
        run(until);
        if (!ended) {
            // Keras' end of fit: the optimizer's finalize_variable_values, then the callbacks' on_train_end
            System.arraycopy(model.params, 0, trained, 0, trained.length);
            state.finish(model.params);
            for (Callback.Hook hook : hooks) {
                hook.onTrainEnd(this);
            }
            ended = true;
        }
        return history();
    }

    /** The epochs up to {@code until}, or until a callback stops the fit or the loss diverges. */
    private void run(int until) {
        int outputs = layout.outputs();
        int n = rowCount;
        for (; epoch < until && !stop && divergence.isEmpty(); epoch++) {
            for (Callback.Hook hook : hooks) {
                hook.onEpochBegin(epoch, this);
            }
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
                        passes.outputGradient(), 0) + regularization.loss(model.params)
                        + (layout.activityRegularized ? passes.activityPenalty(rows) / rows : 0);
                if (!Double.isFinite(loss)) {
                    divergence = Optional.of(new History.Divergence(epoch, step,
                            "training loss became " + loss + " at epoch " + (epoch + 1) + ", step " + (step + 1)));
                    return;
                }
                passes.backward(model.params, grads, rows);
                regularization.addGradient(model.params, grads);
                lastLearningRate = currentLearningRate();
                state.step(model.params, grads, iteration++, (float) lastLearningRate);
                constraints.apply(model.params);
                lossSum += loss * rows;
            }
            OptionalDouble valLoss = OptionalDouble.empty();
            Map<Metric, Double> metrics = new EnumMap<>(Metric.class);
            if (valTarget.length > 0) {
                // As Keras' val_loss: each batch's activity penalty over its size, weighted by that size
                double[] activity = new double[1];
                float[] predicted = model.predict(valX, activity);
                valLoss = OptionalDouble.of(options.loss().value(predicted, 0, valTarget, 0, valTarget.length)
                        + regularization.loss(model.params) + activity[0] / valY.rows());
                for (Metric m : options.metrics()) {
                    metrics.put(m, m.compute(predicted, 0, valTarget, 0, valY.rows(), outputs));
                }
            }
            EpochLogs epochLogs = new EpochLogs(epoch, lossSum / n, valLoss, lastLearningRate, metrics);
            logs.add(epochLogs);
            if (valLoss.isPresent() && !Double.isFinite(valLoss.getAsDouble())) {
                divergence = Optional.of(new History.Divergence(epoch, step,
                        "validation loss became " + valLoss.getAsDouble() + " at epoch " + (epoch + 1)));
                epoch++;
                return;
            }
            for (Callback.Hook hook : hooks) {
                hook.onEpochEnd(epochLogs, this);
            }
            options.listener().accept(epochLogs);
        }
    }

    /** Whether no further epoch will run: stopped, diverged, or all the options' epochs run. */
    boolean finished() {
        return stop || divergence.isPresent() || epoch >= options.epochs();
    }

    private History history() {
        return new History(List.copyOf(logs), divergence);
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

    @Override
    public void save(Path file) throws IOException {
        model.save(file);
    }
}
