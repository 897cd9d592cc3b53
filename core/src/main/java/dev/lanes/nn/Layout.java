package dev.lanes.nn;

import dev.lanes.simd.ActivationFunction;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each dense layer's weights live in a model's single flat parameter array, and the shape of
 * each layer: a kernel of {@code in x out} floats (row-major) followed by {@code out} bias values.
 * One flat array lets an optimizer update every weight in a single pass.
 */
final class Layout {

    final int inputs;
    final int depth;
    final int[] in;
    final int[] out;
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
    /** The dense layers, in order: what else they declare (their constraints) is read from them. */
    final List<Dense> layers;
    final int parameterCount;

    Layout(Sequential spec) {
        List<Dense> dense = new ArrayList<>();
        List<Double> drop = new ArrayList<>();
        List<Double> gaussian = new ArrayList<>();
        for (Layer layer : spec.layers()) {
            if (layer instanceof Dense) {
                dense.add((Dense) layer);
                drop.add(0.0);
                gaussian.add(0.0);
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
        kernel = new int[depth];
        bias = new int[depth];
        activation = new ActivationFunction[depth];
        dropout = new double[depth];
        noise = new double[depth];
        l1 = new double[depth];
        l2 = new double[depth];
        activityL1 = new double[depth];
        activityL2 = new double[depth];
        boolean activity = false;
        int width = inputs;
        int offset = 0;
        for (int l = 0; l < depth; l++) {
            Dense d = dense.get(l);
            in[l] = width;
            out[l] = d.units();
            kernel[l] = offset;
            offset += width * d.units();
            bias[l] = offset;
            offset += d.units();
            activation[l] = d.activation();
            dropout[l] = drop.get(l);
            noise[l] = gaussian.get(l);
            l1[l] = d.l1();
            l2[l] = d.l2();
            activityL1[l] = d.activityL1();
            activityL2[l] = d.activityL2();
            activity |= d.activityL1() != 0 || d.activityL2() != 0;
            width = d.units();
        }
        parameterCount = offset;
        layers = List.copyOf(dense);
        activityRegularized = activity;
    }

    int outputs() {
        return out[depth - 1];
    }

    /** Offsets of the variables (kernel, bias, kernel, bias, ...) as an optimizer sees them. */
    int[] variableOffsets() {
        int[] offsets = new int[2 * depth];
        for (int l = 0; l < depth; l++) {
            offsets[2 * l] = kernel[l];
            offsets[2 * l + 1] = bias[l];
        }
        return offsets;
    }

    /** Columns of the variables, in the order of {@link #variableOffsets()}: each kernel's units, 0 for a bias. */
    int[] variableColumns() {
        int[] columns = new int[2 * depth];
        for (int l = 0; l < depth; l++) {
            columns[2 * l] = out[l];
        }
        return columns;
    }

    /** Sizes of the variables, in the order of {@link #variableOffsets()}. */
    int[] variableSizes() {
        int[] sizes = new int[2 * depth];
        for (int l = 0; l < depth; l++) {
            sizes[2 * l] = in[l] * out[l];
            sizes[2 * l + 1] = out[l];
        }
        return sizes;
    }
}
