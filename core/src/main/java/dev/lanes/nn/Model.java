package dev.lanes.nn;

import dev.lanes.base.Matrix;
import dev.lanes.base.Rng;
import dev.lanes.base.Scalers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A network with its weights: built from a {@link Sequential} architecture, trained with
 * {@link #fit}, used with {@link #predict} and {@link #evaluate}, saved and loaded with
 * {@link #save} and {@link #load}.
 *
 * <p>Training changes the weights in place; a model is not meant to be fitted from two threads at once,
 * but {@link #predict} and {@link #evaluate} may run concurrently when no fit is running.
 */
public final class Model {

    /** Rows predicted per pass: big enough for efficient kernels, small enough to stay in cache. */
    private static final int PREDICT_BATCH = 256;

    private final Sequential spec;
    final Layout layout;
    final float[] params;
    private final Scalers scalers;

    Model(Sequential spec, long seed) {
        this(spec, new float[new Layout(spec).parameterCount]);
        Rng rng = new Rng(seed);
        int l = 0;
        for (Layer layer : spec.layers()) {
            if (layer instanceof Dense) {
                Dense d = (Dense) layer;
                d.kernelInitializer().fill(params, layout.kernel[l], new int[] {layout.in[l], layout.out[l]}, rng.split());
                d.biasInitializer().fill(params, layout.bias[l], new int[] {layout.out[l]}, rng.split());
                l++;
            }
        }
        // Keras' initializers of a normalization: gamma and the moving variance ones, beta and the moving mean zeros
        for (l = 0; l < layout.depth; l++) {
            for (int offset : new int[] {layout.gamma[l], layout.movingVariance[l]}) {
                if (offset >= 0) {
                    Arrays.fill(params, offset, offset + layout.width[l], 1f);
                }
            }
        }
    }

    Model(Sequential spec, float[] params) {
        this(spec, params, null);
    }

    Model(Sequential spec, float[] params, Scalers scalers) {
        this.spec = spec;
        this.scalers = scalers;
        this.layout = new Layout(spec);
        if (params.length != layout.parameterCount) {
            throw new IllegalArgumentException(spec + " has " + layout.parameterCount + " weights, got " + params.length);
        }
        this.params = params;
    }

    /** The architecture. */
    public Sequential spec() {
        return spec;
    }

    /**
     * Number of weights, as Keras' {@code count_params()}: kernels and biases, and the normalizations' gamma,
     * beta, moving mean and moving variance.
     */
    public int parameterCount() {
        return layout.parameterCount;
    }

    /** The scalers saved with this model, if any: see {@link #withScalers}. */
    public Optional<Scalers> scalers() {
        return Optional.ofNullable(scalers);
    }

    /**
     * A copy of this model that carries how raw data was scaled for it, so that {@link #save} keeps it
     * and {@link #predictRaw} can predict raw data in the target's units.
     */
    public Model withScalers(Scalers value) {
        Objects.requireNonNull(value, "scalers");
        if (value.fill().length != layout.inputs) {
            throw new IllegalArgumentException("The network takes " + layout.inputs + " inputs but the scalers describe "
                    + value.fill().length + " features");
        }
        return new Model(spec, params.clone(), value);
    }

    /**
     * Predictions for raw features (missing values allowed as NaN; categories already one-hot, as
     * {@code Dataset.features()} has them) in the target's original units, through the model's
     * {@link #scalers()}: a rows x outputs matrix.
     *
     * @throws IllegalStateException when the model has no scalers
     */
    public Matrix predictRaw(Matrix rawFeatures) {
        Scalers scalers = requireScalers();
        float[] out = predict(scalers.apply(rawFeatures)).toArray();
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) scalers.inverseTarget(out[i]);
        }
        return Matrix.wrap(rawFeatures.rows(), layout.outputs(), out);
    }

    /**
     * Predictions for raw rows as a CSV file or a JSON request has them, one map from column name to
     * cell text per row, in the target's original units: the model's {@link #scalers()} turn each row
     * into features ({@link Scalers#encode}: the same columns and categories as the file it was trained
     * on; empty cells are missing values; other columns are ignored), then as {@link #predictRaw(Matrix)}.
     *
     * @throws IllegalStateException    when the model has no scalers
     * @throws IllegalArgumentException naming the row and column of a missing column, a cell that is not
     *                                  a number or a category the model was not trained on
     */
    public Matrix predictRaw(List<? extends Map<String, String>> rows) {
        return predictRaw(requireScalers().encode(rows));
    }

    /**
     * A copy of all weights: for each dense layer its kernel (row-major, inputs x units), its bias and,
     * when it is normalized, the normalization's gamma and beta (if it has them); then each batch
     * normalization's moving mean and moving variance.
     */
    public float[] weights() {
        return params.clone();
    }

    /**
     * Trains on {@code x} (rows x inputs) against {@code y} (rows x outputs).
     *
     * @return the per-epoch logs; {@link History#diverged()} tells whether the loss blew up
     * @throws IllegalArgumentException when shapes do not match the network
     */
    public History fit(Matrix x, Matrix y, FitOptions options) {
        return startFit(x, y, options).continueTo(options.epochs());
    }

    /**
     * Prepares a fit on {@code x} against {@code y} that runs in stages: {@link Training#continueTo}
     * runs it to a number of epochs and can be called again to go on, exactly as one fit of the total
     * number of epochs would (successive halving over epochs continues the survivors this way).
     *
     * @throws IllegalArgumentException when shapes do not match the network or no training rows are left
     */
    public Training startFit(Matrix x, Matrix y, FitOptions options) {
        Objects.requireNonNull(options, "options");
        checkShapes(x, y);
        return new Training(new Trainer(this, options, x, y));
    }

    /** The network's output for every row of {@code x}: a rows x outputs matrix. */
    public Matrix predict(Matrix x) {
        checkInputs(x);
        return Matrix.wrap(x.rows(), layout.outputs(), predict(x, new double[1]));
    }

    /** The outputs for x, row-major, and in {@code activity[0]} the activity regularizers' penalty summed over x. */
    float[] predict(Matrix x, double[] activity) {
        int outputs = layout.outputs();
        float[] out = new float[x.rows() * outputs];
        Passes passes = new Passes(layout, Math.min(PREDICT_BATCH, Math.max(1, x.rows())));
        for (int start = 0; start < x.rows(); start += passes.maxBatch) {
            int rows = Math.min(passes.maxBatch, x.rows() - start);
            for (int r = 0; r < rows; r++) {
                x.copyRow(start + r, passes.a[0], r * layout.inputs);
            }
            passes.forward(params, rows, false, null);
            System.arraycopy(passes.output(), 0, out, start * outputs, rows * outputs);
            if (layout.activityRegularized) {
                activity[0] += passes.activityPenalty(rows);
            }
        }
        return out;
    }

    /** The given metrics (all of them when none is named) of the predictions for x against y. */
    public Map<Metric, Double> evaluate(Matrix x, Matrix y, Metric... metrics) {
        checkShapes(x, y);
        float[] predicted = predict(x).toArray();
        float[] target = y.toArray();
        Map<Metric, Double> result = new EnumMap<>(Metric.class);
        for (Metric m : metrics.length == 0 ? Metric.values() : metrics) {
            result.put(m, m.compute(predicted, 0, target, 0, y.rows(), y.cols()));
        }
        return result;
    }

    /**
     * Writes this model to {@code file} in the format described by {@link ModelFile}.
     *
     * @throws IOException when the file cannot be written
     */
    public void save(Path file) throws IOException {
        ModelFile.write(this, file);
    }

    /**
     * Reads a model written by {@link #save}.
     *
     * @throws IOException naming the file when it is missing, truncated, corrupt or of another version
     */
    public static Model load(Path file) throws IOException {
        return ModelFile.read(file);
    }

    private Scalers requireScalers() {
        if (scalers == null) {
            throw new IllegalStateException("This model has no scalers; use predict() on scaled features");
        }
        return scalers;
    }

    private void checkInputs(Matrix x) {
        Objects.requireNonNull(x, "x");
        if (x.cols() != layout.inputs) {
            throw new IllegalArgumentException("The network takes " + layout.inputs + " inputs but x has " + x.cols() + " columns");
        }
    }

    private void checkShapes(Matrix x, Matrix y) {
        checkInputs(x);
        Objects.requireNonNull(y, "y");
        if (y.cols() != layout.outputs()) {
            throw new IllegalArgumentException("The network has " + layout.outputs() + " outputs but y has " + y.cols() + " columns");
        }
        if (x.rows() != y.rows()) {
            throw new IllegalArgumentException("x has " + x.rows() + " rows but y has " + y.rows());
        }
    }
}
