package dev.lanes.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernel and bias constraints of a network's dense layers, applied to the weights after every
 * optimizer step, as Keras 3's optimizer does after {@code apply}.
 */
final class WeightConstraints {

    /** One constraint on one variable: the matrix of {@code rows x cols} floats at {@code offset}. */
    private record Target(Constraint constraint, int offset, int rows, int cols) {
    }

    /** An array, so that a step's loop allocates no iterator. */
    private final Target[] targets;

    WeightConstraints(Layout layout) {
        List<Target> found = new ArrayList<>();
        for (int l = 0; l < layout.depth; l++) {
            Dense d = layout.layers.get(l);
            int in = layout.in[l];
            int out = layout.out[l];
            int kernel = layout.kernel[l];
            int bias = layout.bias[l];
            d.kernelConstraint().ifPresent(c -> found.add(new Target(c, kernel, in, out)));
            d.biasConstraint().ifPresent(c -> found.add(new Target(c, bias, out, 1)));
        }
        targets = found.toArray(new Target[0]);
    }

    /** Constrains {@code params} in place; nothing to do for a network without constraints. */
    void apply(float[] params) {
        for (int i = 0; i < targets.length; i++) {
            Target t = targets[i];
            t.constraint().apply(params, t.offset(), t.rows(), t.cols());
        }
    }
}
