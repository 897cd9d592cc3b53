package dev.lanes.nn;

import dev.lanes.base.Rng;
import dev.lanes.simd.Activation;
import dev.lanes.simd.Activations;
import dev.lanes.simd.Gemm;
import dev.lanes.simd.Vectors;

/**
 * The forward and backward pass of a network over one batch, on buffers allocated once for the
 * largest batch, so a training step allocates nothing.
 *
 * <p>Per layer l: {@code z = a[l] . W + b}, {@code y = f(z)}, {@code n = normalize(y)} if the layer is
 * normalized, {@code p = g(n)} if an activation layer follows, {@code a[l+1] = p} (then dropout or noise);
 * backward {@code dp = da[l+1]} (through dropout), {@code dn} through g, {@code dy} through the
 * normalization, {@code dz = dy * f'(z)}, {@code dW = a[l]^T . dz},
 * {@code db = column sums of dz}, {@code da[l] = dz . W^T} (skipped for the input, which needs no gradient).
 * The bias is added inside the forward product ({@link Gemm#sgemmBias}), while its sums are in registers.
 */
final class Passes {

    /**
     * Spare floats after every activation buffer: a matrix multiply that reads a transposed activation
     * matrix in tiles of several rows can then read its last tile in place instead of copying it.
     */
    private static final int SLACK = 16;

    private final Layout layout;
    final int maxBatch;
    /** a[0] is the input batch, a[l + 1] the output of layer l (after dropout). */
    final float[][] a;
    private final float[][] z;
    /** f(z) of each layer before dropout (the same array as z for linear layers). */
    private final float[][] y;
    /** The normalized y, the same array as y for a layer without normalization. */
    private final float[][] n;
    /** The activation layer's output g(n), the same array as n without one. */
    private final float[][] p;
    private final float[][] da;
    /** The gradient of n: the same array as da[l + 1] without an activation layer. */
    private final float[][] dn;
    /** The gradient of y: the same array as da[l + 1] without normalization. */
    private final float[][] dy;
    private final float[][] dz;
    private final float[][] mask;
    /** Each layer's normalization pass, null for none. */
    private final NormalizationPass[] norm;

    Passes(Layout layout, int maxBatch) {
        this.layout = layout;
        this.maxBatch = maxBatch;
        int depth = layout.depth;
        a = new float[depth + 1][];
        z = new float[depth][];
        y = new float[depth][];
        n = new float[depth][];
        p = new float[depth][];
        da = new float[depth + 1][];
        dn = new float[depth][];
        dy = new float[depth][];
        dz = new float[depth][];
        mask = new float[depth][];
        norm = new NormalizationPass[depth];
        a[0] = new float[maxBatch * layout.inputs + SLACK];
        for (int l = 0; l < depth; l++) {
            // z and dz have the layer's units; y onwards its output width (half of them for glu)
            int units = maxBatch * layout.out[l] + SLACK;
            int size = maxBatch * layout.width[l] + SLACK;
            boolean linear = layout.activation[l] == Activation.LINEAR;
            boolean normalized = layout.normalization[l] != null;
            z[l] = new float[units];
            y[l] = linear ? z[l] : new float[size];
            boolean activated = layout.afterNormalization[l] != null;
            n[l] = normalized ? new float[size] : y[l];
            p[l] = activated ? new float[size] : n[l];
            a[l + 1] = layout.dropout[l] == 0 && layout.noise[l] == 0 ? p[l] : new float[size];
            da[l + 1] = new float[size];
            dn[l] = activated ? new float[size] : da[l + 1];
            dy[l] = normalized ? new float[size] : dn[l];
            dz[l] = linear ? dy[l] : new float[units];
            mask[l] = layout.dropout[l] > 0 ? new float[size] : null;
            norm[l] = normalized ? new NormalizationPass(layout, l, maxBatch) : null;
        }
    }

    /** The network's output for the first {@code rows} samples of {@code a[0]}. */
    float[] output() {
        return a[layout.depth];
    }

    /** The gradient buffer of the output, to be filled by the loss before {@link #backward}. */
    float[] outputGradient() {
        return da[layout.depth];
    }

    /**
     * Forward pass; dropout is drawn from {@code rng} when training, skipped otherwise. A batch
     * normalization normalizes with the batch's statistics when training, and moves its moving statistics
     * in {@code params}; otherwise it uses them.
     */
    void forward(float[] params, int rows, boolean training, Rng rng) {
        for (int l = 0; l < layout.depth; l++) {
            int in = layout.in[l];
            int out = layout.out[l];
            Gemm.sgemmBias(false, false, rows, out, in, a[l], 0, in, params, layout.kernel[l], out,
                    params, layout.bias[l], z[l], 0, out);
            if (y[l] != z[l]) {
                Activations.forward(layout.activation[l], rows, out, z[l], 0, y[l], 0);
            }
            if (norm[l] != null) {
                norm[l].forward(params, rows, training, y[l], n[l]);
            }
            if (p[l] != n[l]) {
                Activations.forward(layout.afterNormalization[l], rows, layout.width[l], n[l], 0, p[l], 0);
            }
            if (a[l + 1] != p[l]) {
                int count = rows * layout.width[l];
                if (!training) {
                    System.arraycopy(p[l], 0, a[l + 1], 0, count);
                } else if (mask[l] != null) {
                    applyDropout(l, count, rng);
                } else {
                    addNoise(l, count, rng);
                }
            }
        }
    }

    /** GaussianNoise: a = y + N(0, stddev^2), each draw from the fit's generator; its gradient is the identity. */
    private void addNoise(int l, int count, Rng rng) {
        float[] in = p[l];
        float[] out = a[l + 1];
        double stddev = layout.noise[l];
        for (int i = 0; i < count; i++) {
            out[i] = in[i] + (float) (stddev * rng.nextGaussian());
        }
    }

    private void applyDropout(int l, int count, Rng rng) {
        float keep = (float) (1 - layout.dropout[l]);
        float scale = 1f / keep;
        float[] m = mask[l];
        for (int i = 0; i < count; i++) {
            m[i] = rng.nextDouble() < keep ? scale : 0f;
        }
        Vectors.multiply(count, p[l], 0, m, 0, a[l + 1], 0);
    }

    /**
     * The activity regularizers' penalty of the last forward pass, summed over its {@code rows} samples
     * (Keras divides it by the batch size): {@code l1 sum |y| + l2 sum y^2} of each regularized layer's
     * output y, before dropout or noise.
     */
    double activityPenalty(int rows) {
        double total = 0;
        for (int l = 0; l < layout.depth; l++) {
            double l1 = layout.activityL1[l];
            double l2 = layout.activityL2[l];
            if (l1 != 0 || l2 != 0) {
                double abs = 0;
                double squares = 0;
                float[] out = y[l];
                for (int i = 0, count = rows * layout.width[l]; i < count; i++) {
                    abs += Math.abs(out[i]);
                    squares += (double) out[i] * out[i];
                }
                total += l1 * abs + l2 * squares;
            }
        }
        return total;
    }

    /** Adds the gradient of {@code activityPenalty(rows) / rows} to the gradient of layer l's output y. */
    private void addActivityGradient(int l, int count, int rows) {
        float l1 = (float) (layout.activityL1[l] / rows);
        float l2 = (float) (2 * layout.activityL2[l] / rows);
        float[] out = y[l];
        float[] g = dy[l];
        for (int i = 0; i < count; i++) {
            g[i] += l1 * Math.signum(out[i]) + l2 * out[i];
        }
    }

    /** Backward pass after {@link #forward} in training mode; writes every gradient into {@code grads}. */
    void backward(float[] params, float[] grads, int rows) {
        for (int l = layout.depth - 1; l >= 0; l--) {
            int in = layout.in[l];
            int out = layout.out[l];
            int count = rows * layout.width[l];
            if (mask[l] != null) {
                Vectors.multiply(count, da[l + 1], 0, mask[l], 0, da[l + 1], 0);
            }
            if (dn[l] != da[l + 1]) {
                Activations.backward(layout.afterNormalization[l], rows, layout.width[l], n[l], 0, p[l], 0,
                        da[l + 1], 0, dn[l], 0);
            }
            if (norm[l] != null) {
                norm[l].backward(params, grads, rows, y[l], dn[l], dy[l]);
            }
            if (layout.activityL1[l] != 0 || layout.activityL2[l] != 0) {
                addActivityGradient(l, count, rows);
            }
            if (dz[l] != dy[l]) {
                Activations.backward(layout.activation[l], rows, out, z[l], 0, y[l], 0, dy[l], 0, dz[l], 0);
            }
            Gemm.sgemm(true, false, in, out, rows, 1f, a[l], 0, in, dz[l], 0, out, 0f, grads, layout.kernel[l], out);
            Vectors.columnSums(rows, out, dz[l], 0, out, grads, layout.bias[l]);
            if (l > 0) {
                Gemm.sgemm(false, true, rows, in, out, 1f, dz[l], 0, out, params, layout.kernel[l], out, 0f, da[l], 0, in);
            }
        }
    }
}
