package dev.lanes.nn;

import java.util.Arrays;

/**
 * What every optimizer's state shares: the variable layout, gradient accumulation, gradient clipping,
 * decoupled weight decay and the weights' moving average, applied in Keras' order (accumulate, clip,
 * decay, update, average). Subclasses hold their moments in arrays indexed like the
 * parameters ({@link #length} long, allocated once) and implement the element-wise rule.
 *
 * <p>The element-wise rule runs over maximal runs of adjacent variables rather than variable by variable:
 * a network's variables are usually one contiguous block, and one long loop vectorizes better than many
 * short ones (a bias may have a single element).
 */
abstract class UpdateState implements OptimizerState {

    /** Per variable: clipnorm clips each one on its own. */
    private final int[] offsets;
    private final int[] sizes;
    /** The variables merged into maximal contiguous ranges: everything element-wise runs over these. */
    private final int[] runFrom;
    private final int[] runTo;
    private final float weightDecay;
    private final double clipnorm;
    private final float clipvalue;
    private final double globalClipnorm;
    private final int accumulationSteps;
    /** The gradients added up since the last update; empty without gradient accumulation. */
    private final float[] accumulated;
    private final float emaMomentum;
    private final int emaOverwriteFrequency;
    /** The weights' moving average; empty without use_ema. */
    private final float[] average;

    /** The end of the last variable: the length of every state array. */
    final int length;

    UpdateState(KerasOptimizer.Shared shared, int[] offsets, int[] sizes) {
        if (offsets.length != sizes.length) {
            throw new IllegalArgumentException("offsets and sizes differ in length: " + offsets.length + " vs "
                    + sizes.length);
        }
        int n = offsets.length;
        long[] byOffset = new long[n];
        for (int v = 0; v < n; v++) {
            if (offsets[v] < 0 || sizes[v] < 0 || (long) offsets[v] + sizes[v] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("variable " + v + " has offset " + offsets[v] + " and size "
                        + sizes[v] + "; both must be >= 0 and their sum an int");
            }
            byOffset[v] = (long) offsets[v] << 32 | v;
        }
        Arrays.sort(byOffset);
        int[] from = new int[n];
        int[] to = new int[n];
        int runs = 0;
        int end = 0;
        int previous = -1;
        for (long key : byOffset) {
            int v = (int) key;
            if (sizes[v] == 0) {
                continue;
            }
            if (offsets[v] < end) {
                throw new IllegalArgumentException("variable " + v + " [" + offsets[v] + ", "
                        + (offsets[v] + sizes[v]) + ") overlaps variable " + previous + " [" + offsets[previous]
                        + ", " + (offsets[previous] + sizes[previous]) + ")");
            }
            if (runs > 0 && offsets[v] == end) {
                to[runs - 1] = offsets[v] + sizes[v];
            } else {
                from[runs] = offsets[v];
                to[runs] = offsets[v] + sizes[v];
                runs++;
            }
            end = offsets[v] + sizes[v];
            previous = v;
        }
        this.offsets = offsets.clone();
        this.sizes = sizes.clone();
        this.runFrom = Arrays.copyOf(from, runs);
        this.runTo = Arrays.copyOf(to, runs);
        this.length = end;
        this.weightDecay = (float) shared.weightDecay();
        this.clipnorm = shared.clipnorm();
        this.clipvalue = (float) shared.clipvalue();
        this.globalClipnorm = shared.globalClipnorm();
        this.accumulationSteps = shared.gradientAccumulationSteps();
        this.accumulated = new float[accumulationSteps > 0 ? end : 0];
        this.emaMomentum = (float) shared.emaMomentum();
        this.emaOverwriteFrequency = shared.emaOverwriteFrequency();
        this.average = new float[shared.useEma() ? end : 0];
    }

    @Override
    public final void step(float[] params, float[] grads, long iteration, float learningRate) {
        if (params.length < length || grads.length < length || iteration < 0) {
            throw new IllegalArgumentException("step needs params and grads of length >= " + length
                    + " and iteration >= 0, got lengths " + params.length + " and " + grads.length
                    + ", iteration " + iteration);
        }
        if (accumulationSteps == 0 || accumulate(grads, iteration)) {
            applyUpdate(params, grads, iteration, learningRate);
        }
        if (average.length > 0) {
            movingAverage(params, iteration);
        }
    }

    /** Clipping, decoupled weight decay and the optimizer's rule: one Keras update step. */
    private void applyUpdate(float[] params, float[] grads, long iteration, float learningRate) {
        if (clipnorm > 0) {
            clipEachVariable(grads);
        } else if (globalClipnorm > 0) {
            clipGlobally(grads);
        } else if (clipvalue > 0) {
            clipValues(grads);
        }
        if (weightDecay > 0) {
            // Keras: w = w - w * weight_decay * lr, with this step's rate, before the update.
            float decay = weightDecay * learningRate;
            for (int r = 0; r < runFrom.length; r++) {
                for (int i = runFrom[r], to = runTo[r]; i < to; i++) {
                    params[i] -= params[i] * decay;
                }
            }
        }
        prepare(iteration, learningRate);
        for (int r = 0; r < runFrom.length; r++) {
            update(params, grads, runFrom[r], runTo[r]);
        }
    }

    /**
     * Keras' {@code _update_model_variables_moving_average}, after every step (an accumulating one too):
     * {@code average = m * average + (1 - m) * w} in float32, with {@code m = 0} at iteration 0; then,
     * every {@code ema_overwrite_frequency} steps, the weights set to the average.
     */
    private void movingAverage(float[] params, long iteration) {
        float m = iteration == 0 ? 0f : emaMomentum;
        float rest = 1f - m;
        for (int r = 0; r < runFrom.length; r++) {
            for (int i = runFrom[r], to = runTo[r]; i < to; i++) {
                average[i] = m * average[i] + rest * params[i];
            }
        }
        if (emaOverwriteFrequency > 0 && (iteration + 1) % emaOverwriteFrequency == 0) {
            copyRuns(average, params);
        }
    }

    /** With use_ema, puts the weights' moving average in their place. */
    @Override
    public final void finish(float[] params) {
        if (average.length > 0) {
            copyRuns(average, params);
        }
    }

    private void copyRuns(float[] from, float[] to) {
        for (int r = 0; r < runFrom.length; r++) {
            System.arraycopy(from, runFrom[r], to, runFrom[r], runTo[r] - runFrom[r]);
        }
    }

    /**
     * Keras' gradient accumulation: adds {@code grads} up and answers false between updates; at every
     * {@code accumulationSteps}-th step turns {@code grads} into the mean of the steps' gradients, clears
     * the sum and answers true.
     */
    private boolean accumulate(float[] grads, long iteration) {
        boolean update = (iteration + 1) % accumulationSteps == 0;
        float steps = accumulationSteps;
        for (int r = 0; r < runFrom.length; r++) {
            for (int i = runFrom[r], to = runTo[r]; i < to; i++) {
                if (update) {
                    grads[i] = (grads[i] + accumulated[i]) / steps;
                    accumulated[i] = 0;
                } else {
                    accumulated[i] += grads[i];
                }
            }
        }
        return update;
    }

    /** The variables, in the order given: their number, and each one's offset and size. */
    final int variables() {
        return offsets.length;
    }

    /** Where variable {@code v} starts. */
    final int offset(int v) {
        return offsets[v];
    }

    /** How many values variable {@code v} has. */
    final int size(int v) {
        return sizes[v];
    }

    /** Computes this step's scalars (bias corrections etc.) once, before the element-wise updates. */
    abstract void prepare(long iteration, float learningRate);

    /** Applies the rule to {@code params[from, to)} with {@code grads[from, to)} and the state there. */
    abstract void update(float[] params, float[] grads, int from, int to);

    /** Keras' clip_by_norm per variable: {@code g * clipnorm / max(||g||, clipnorm)}. */
    private void clipEachVariable(float[] grads) {
        for (int v = 0; v < offsets.length; v++) {
            double norm = Math.sqrt(sumOfSquares(grads, offsets[v], offsets[v] + sizes[v]));
            if (norm > clipnorm) {
                scale(grads, offsets[v], offsets[v] + sizes[v], (float) (clipnorm / norm));
            }
        }
    }

    /**
     * Keras' clip_by_global_norm: every gradient times {@code clipnorm / max(norm, clipnorm)}, and NaN when
     * the joint norm is infinite or NaN, so that a blown-up step poisons the weights visibly (Keras does the
     * same) instead of being silently rescaled.
     */
    private void clipGlobally(float[] grads) {
        double sumOfSquares = 0;
        for (int r = 0; r < runFrom.length; r++) {
            sumOfSquares += sumOfSquares(grads, runFrom[r], runTo[r]);
        }
        double norm = Math.sqrt(sumOfSquares);
        float factor;
        if (!Double.isFinite(norm)) {
            factor = Float.NaN;
        } else if (norm > globalClipnorm) {
            factor = (float) (globalClipnorm / norm);
        } else {
            return;
        }
        for (int r = 0; r < runFrom.length; r++) {
            scale(grads, runFrom[r], runTo[r], factor);
        }
    }

    /**
     * Sum of squares in double, which cannot overflow for float inputs (Keras' float32 sum can, for norms
     * above 1.8e19, and would then zero the gradient); four accumulators so that the additions overlap.
     */
    static double sumOfSquares(float[] x, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            double a = x[i];
            double b = x[i + 1];
            double c = x[i + 2];
            double d = x[i + 3];
            s0 += a * a;
            s1 += b * b;
            s2 += c * c;
            s3 += d * d;
        }
        for (; i < to; i++) {
            double a = x[i];
            s0 += a * a;
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static void scale(float[] x, int from, int to, float factor) {
        for (int i = from; i < to; i++) {
            x[i] *= factor;
        }
    }

    private void clipValues(float[] grads) {
        float hi = clipvalue;
        float lo = -clipvalue;
        for (int r = 0; r < runFrom.length; r++) {
            for (int i = runFrom[r], to = runTo[r]; i < to; i++) {
                grads[i] = Math.min(Math.max(grads[i], lo), hi);
            }
        }
    }
}
