package dev.lanes.nn;

/**
 * The L1/L2 kernel penalties of a network, as Keras adds them: {@code l1 * sum|w| + l2 * sum w^2}
 * per regularized kernel, added to the loss, with gradient {@code l1 * sign(w) + 2 * l2 * w}.
 */
final class Regularization {

    private final Layout layout;
    private final boolean any;

    Regularization(Layout layout) {
        this.layout = layout;
        boolean found = false;
        for (int l = 0; l < layout.depth; l++) {
            found |= layout.l1[l] != 0 || layout.l2[l] != 0;
        }
        this.any = found;
    }

    /** The penalty for the weights {@code w}, 0 when no layer is regularized. */
    double loss(float[] w) {
        if (!any) {
            return 0;
        }
        double total = 0;
        for (int l = 0; l < layout.depth; l++) {
            double abs = 0;
            double squares = 0;
            for (int i = layout.kernel[l], end = i + layout.in[l] * layout.out[l]; i < end; i++) {
                abs += Math.abs(w[i]);
                squares += (double) w[i] * w[i];
            }
            total += layout.l1[l] * abs + layout.l2[l] * squares;
        }
        return total;
    }

    /** Adds the penalty's gradient to {@code grads}. */
    void addGradient(float[] w, float[] grads) {
        if (!any) {
            return;
        }
        for (int l = 0; l < layout.depth; l++) {
            float l1 = (float) layout.l1[l];
            float twoL2 = (float) (2 * layout.l2[l]);
            for (int i = layout.kernel[l], end = i + layout.in[l] * layout.out[l]; i < end; i++) {
                grads[i] += l1 * Math.signum(w[i]) + twoL2 * w[i];
            }
        }
    }
}
