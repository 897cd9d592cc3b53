package dev.lanes.nn;

import dev.lanes.simd.ActivationFunction;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each layer's weights live in a model's single flat parameter array, and the shape of each dense
 * layer: a kernel of {@code in x out} floats (row-major) followed by {@code out} bias values, then, when
 * the layer is normalized, its gamma and beta (one float per output, {@code width}, when it has them). The
 * batch normalizations' moving means and variances, which no optimizer updates, come after every
 * trainable variable, so that the trainable ones stay one contiguous block that an optimizer updates in
 * a single pass.
 */
final class Layout {

    final int inputs;
    final int depth;
    final int[] in;
    /** Each dense layer's units: the columns of its kernel, bias and pre-activation. */
    final int[] out;
    /** The width of each layer's output after its activation: out, or half of it for glu. */
    final int[] width;
    final int[] kernel;
    final int[] bias;
    final ActivationFunction[] activation;
    /** Dropout rate applied to the layer's output, 0 for none. */
    final double[] dropout;
    /** Standard deviation of the Gaussian noise added to the layer's output in training, 0 for none. */
    final double[] noise;
    final double[] l1;
    final double[] l2;
    /** The activity regularizer's factors per layer, 0 for none. */
    final double[] activityL1;
    final double[] activityL2;
    /** Whether any layer has an activity regularizer. */
    final boolean activityRegularized;
    /** The normalization of each dense layer's output, null for none. */
    final Normalization[] normalization;
    /** The activation layer after each normalization, null for none. */
    final ActivationFunction[] afterNormalization;
    /** Offsets of each normalization's gamma and beta, -1 where there is none. */
    final int[] gamma;
    final int[] beta;
    /** Offsets of each batch normalization's moving mean and moving variance, -1 where there is none. */
    final int[] movingMean;
    final int[] movingVariance;
    /** The dense layers, in order: what else they declare (their constraints) is read from them. */
    final List<Dense> layers;
    /** The trainable floats, from offset 0: kernels, biases, gammas and betas. */
    final int trainableCount;
    /** Every float of the model: the trainable ones, then the moving statistics. */
    final int parameterCount;

    Layout(Sequential spec) {
        List<Dense> dense = new ArrayList<>();
        List<Double> drop = new ArrayList<>();
        List<Double> gaussian = new ArrayList<>();
        List<Normalization> norms = new ArrayList<>();
        List<ActivationFunction> after = new ArrayList<>();
        for (Layer layer : spec.layers()) {
            if (layer instanceof Dense d) {
                dense.add(d);
                drop.add(0.0);
                gaussian.add(0.0);
                norms.add(null);
                after.add(null);
            } else if (layer instanceof Normalization n) {
                norms.set(norms.size() - 1, n);
            } else if (layer instanceof ActivationLayer a) {
                after.set(after.size() - 1, a.activation());
            } else if (layer instanceof Dropout d) {
                drop.set(drop.size() - 1, d.rate());
            } else {
                gaussian.set(gaussian.size() - 1, ((GaussianNoise) layer).stddev());
            }
        }
        inputs = spec.inputs();
        depth = dense.size();
        in = new int[depth];
        out = new int[depth];
        width = new int[depth];
        kernel = new int[depth];
        bias = new int[depth];
        activation = new ActivationFunction[depth];
        dropout = new double[depth];
        noise = new double[depth];
        l1 = new double[depth];
        l2 = new double[depth];
        activityL1 = new double[depth];
        activityL2 = new double[depth];
        normalization = norms.toArray(new Normalization[0]);
        afterNormalization = after.toArray(new ActivationFunction[0]);
        gamma = new int[depth];
        beta = new int[depth];
        movingMean = new int[depth];
        movingVariance = new int[depth];
        boolean activity = false;
        int offset = 0;
        for (int l = 0; l < depth; l++) {
            Dense d = dense.get(l);
            in[l] = l == 0 ? inputs : width[l - 1];
            out[l] = d.units();
            width[l] = d.outputWidth();
            kernel[l] = offset;
            offset += in[l] * d.units();
            bias[l] = offset;
            offset += d.units();
            Normalization n = normalization[l];
            gamma[l] = n != null && n.scale() ? offset : -1;
            offset += gamma[l] < 0 ? 0 : width[l];
            beta[l] = n != null && n.center() ? offset : -1;
            offset += beta[l] < 0 ? 0 : width[l];
            activation[l] = d.activation();
            dropout[l] = drop.get(l);
            noise[l] = gaussian.get(l);
            l1[l] = d.l1();
            l2[l] = d.l2();
            activityL1[l] = d.activityL1();
            activityL2[l] = d.activityL2();
            activity |= d.activityL1() != 0 || d.activityL2() != 0;
        }
        trainableCount = offset;
        for (int l = 0; l < depth; l++) {
            boolean moving = normalization[l] instanceof BatchNormalization;
            movingMean[l] = moving ? offset : -1;
            offset += moving ? width[l] : 0;
            movingVariance[l] = moving ? offset : -1;
            offset += moving ? width[l] : 0;
        }
        parameterCount = offset;
        layers = List.copyOf(dense);
        activityRegularized = activity;
    }

    int outputs() {
        return width[depth - 1];
    }

    /**
     * The trainable variables as an optimizer sees them, in order (kernel, bias, then gamma and beta of a
     * normalized layer, layer by layer): {@code [0]} their offsets, {@code [1]} their sizes, {@code [2]}
     * their columns (a kernel's units; 0 for a vector).
     */
    int[][] variables() {
        List<int[]> v = new ArrayList<>();
        for (int l = 0; l < depth; l++) {
            v.add(new int[] {kernel[l], in[l] * out[l], out[l]});
            v.add(new int[] {bias[l], out[l], 0});
            if (gamma[l] >= 0) {
                v.add(new int[] {gamma[l], width[l], 0});
            }
            if (beta[l] >= 0) {
                v.add(new int[] {beta[l], width[l], 0});
            }
        }
        int[][] result = new int[3][v.size()];
        for (int i = 0; i < v.size(); i++) {
            for (int k = 0; k < 3; k++) {
                result[k][i] = v.get(i)[k];
            }
        }
        return result;
    }
}
