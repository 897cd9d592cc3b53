package dev.lanes.nn;

import dev.lanes.base.Matrix;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How to train: optimizer, loss, epochs, batch size, shuffling, validation, callbacks, metrics and a
 * progress listener. Immutable; start from {@link #defaults()} (Keras' fit defaults: Adam, MSE, 1 epoch,
 * batch 32, shuffled) and change what you need:
 * {@code FitOptions.defaults().epochs(20).batchSize(128).validationSplit(0.2)}.
 *
 * <p>What Keras' {@code TerminateOnNaN} callback does is always on here: a NaN or infinite loss ends the
 * fit at once and {@link History#divergence()} says when and why.
 */
public final class FitOptions {

    private final Optimizer optimizer;
    private final Loss loss;
    private final int epochs;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final double validationSplit;
    private final Matrix validationX;
    private final Matrix validationY;
    private final List<Callback> callbacks;
    private final List<Metric> metrics;
    private final Consumer<EpochLogs> listener;

    private FitOptions(Optimizer optimizer, Loss loss, int epochs, int batchSize, boolean shuffle, long seed,
                       double validationSplit, Matrix validationX, Matrix validationY, List<Callback> callbacks,
                       List<Metric> metrics, Consumer<EpochLogs> listener) {
        this.optimizer = optimizer;
        this.loss = loss;
        this.epochs = epochs;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
        this.validationSplit = validationSplit;
        this.validationX = validationX;
        this.validationY = validationY;
        this.callbacks = callbacks;
        this.metrics = metrics;
        this.listener = listener;
    }

    /** Adam, mean squared error, 1 epoch, batch 32, shuffled with seed 0, no validation. */
    public static FitOptions defaults() {
        return new FitOptions(Optimizers.adam(), Losses.meanSquaredError(), 1, 32, true, 0, 0, null, null,
                List.of(), List.of(), logs -> { });
    }

    /** With another optimizer. */
    public FitOptions optimizer(Optimizer value) {
        return new FitOptions(Objects.requireNonNull(value, "optimizer"), loss, epochs, batchSize, shuffle, seed,
                validationSplit, validationX, validationY, callbacks, metrics, listener);
    }

    /** With another loss. */
    public FitOptions loss(Loss value) {
        return new FitOptions(optimizer, Objects.requireNonNull(value, "loss"), epochs, batchSize, shuffle, seed,
                validationSplit, validationX, validationY, callbacks, metrics, listener);
    }

    /** With another number of epochs (>= 1). */
    public FitOptions epochs(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("epochs must be >= 1 but was " + value);
        }
        return new FitOptions(optimizer, loss, value, batchSize, shuffle, seed, validationSplit, validationX,
                validationY, callbacks, metrics, listener);
    }

    /** With another batch size (>= 1); the last batch of an epoch may be smaller. */
    public FitOptions batchSize(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("batch size must be >= 1 but was " + value);
        }
        return new FitOptions(optimizer, loss, epochs, value, shuffle, seed, validationSplit, validationX,
                validationY, callbacks, metrics, listener);
    }

    /** Whether to shuffle the training rows before every epoch. */
    public FitOptions shuffle(boolean value) {
        return new FitOptions(optimizer, loss, epochs, batchSize, value, seed, validationSplit, validationX,
                validationY, callbacks, metrics, listener);
    }

    /** The seed of shuffling and dropout. */
    public FitOptions seed(long value) {
        return new FitOptions(optimizer, loss, epochs, batchSize, shuffle, value, validationSplit, validationX,
                validationY, callbacks, metrics, listener);
    }

    /**
     * Holds out the last {@code fraction} of the rows (before shuffling, as Keras does) as validation
     * data. Replaces explicit validation data.
     */
    public FitOptions validationSplit(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation split must be in [0, 1) but was " + fraction);
        }
        return new FitOptions(optimizer, loss, epochs, batchSize, shuffle, seed, fraction, null, null, callbacks,
                metrics, listener);
    }

    /** Validates on these rows after every epoch. Replaces a validation split. */
    public FitOptions validationData(Matrix x, Matrix y) {
        Objects.requireNonNull(x, "validation x");
        Objects.requireNonNull(y, "validation y");
        if (x.rows() != y.rows()) {
            throw new IllegalArgumentException("validation x has " + x.rows() + " rows but y has " + y.rows());
        }
        return new FitOptions(optimizer, loss, epochs, batchSize, shuffle, seed, 0, x, y, callbacks, metrics,
                listener);
    }

    /** With these callbacks, called in order after every epoch. */
    public FitOptions callbacks(Callback... value) {
        return new FitOptions(optimizer, loss, epochs, batchSize, shuffle, seed, validationSplit, validationX,
                validationY, List.of(value), metrics, listener);
    }

    /** Metrics computed on the validation data after every epoch. */
    public FitOptions metrics(Metric... value) {
        return new FitOptions(optimizer, loss, epochs, batchSize, shuffle, seed, validationSplit, validationX,
                validationY, callbacks, List.of(value), listener);
    }

    /** Called after every epoch with its logs (e.g. to print progress). */
    public FitOptions listener(Consumer<EpochLogs> value) {
        return new FitOptions(optimizer, loss, epochs, batchSize, shuffle, seed, validationSplit, validationX,
                validationY, callbacks, metrics, Objects.requireNonNull(value, "listener"));
    }

    /** The optimizer. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** The loss. */
    public Loss loss() {
        return loss;
    }

    /** Epochs to train at most. */
    public int epochs() {
        return epochs;
    }

    /** Samples per step. */
    public int batchSize() {
        return batchSize;
    }

    /** Whether rows are shuffled every epoch. */
    public boolean shuffle() {
        return shuffle;
    }

    /** Seed of shuffling and dropout. */
    public long seed() {
        return seed;
    }

    /** Fraction of rows held out for validation (0 for none). */
    public double validationSplit() {
        return validationSplit;
    }

    /** Explicit validation features, if given. */
    public Optional<Matrix> validationX() {
        return Optional.ofNullable(validationX);
    }

    /** Explicit validation targets, if given. */
    public Optional<Matrix> validationY() {
        return Optional.ofNullable(validationY);
    }

    /** The callbacks. */
    public List<Callback> callbacks() {
        return callbacks;
    }

    /** The validation metrics. */
    public List<Metric> metrics() {
        return metrics;
    }

    /** The progress listener. */
    public Consumer<EpochLogs> listener() {
        return listener;
    }
}
