package dev.lanes.nn;

import dev.lanes.base.Rng;
import dev.lanes.simd.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The float backward pass of a network against central finite differences of the same network evaluated
 * in double precision, activity regularizers' penalty and normalizations (with the batch's statistics)
 * included; {@link NormalizationTest} runs it on normalized networks.
 */
class NetworkGradientTest {

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"RELU", "TANH", "SIGMOID", "ELU", "SOFTPLUS", "GELU", "LINEAR", "CELU", "LOG_SIGMOID", "TANH_SHRINK", "SQUAREPLUS"})
    void backwardMatchesFiniteDifferences(Activation hidden) {
        assertGradientsMatch(Sequential.input(5).dense(7, hidden).dense(4, hidden).dense(2), hidden.toString());
    }

    /** glu halves each layer it ends: 8 units give 4 outputs, 4 units the network's 2. */
    @Test
    void gluLayersHalveTheirWidth() {
        assertGradientsMatch(Sequential.input(5).dense(8, Activation.GLU).dense(6, Activation.TANH)
                .dense(4, Activation.GLU), "glu");
    }

    /** Keras' activity_regularizer: (l1 sum |y| + l2 sum y^2) / batch of a layer's output joins the loss. */
    @Test
    void activityRegularizersAddTheirGradient() {
        assertGradientsMatch(Sequential.input(5).add(Dense.of(7, Activation.TANH).activityRegularizer(0.05, 0.1))
                .add(Dense.of(4, Activation.TANH).activityRegularizer(0, 0.3)).dense(2), "activity regularizers");
    }

    /**
     * The backward pass of {@code spec} on 6 seeded rows (training mode: dropout of rate 0 only, batch
     * statistics) against central differences of {@link #loss}, after checking that the float forward pass
     * gives the double one's loss.
     */
    static void assertGradientsMatch(Sequential spec, String what) {
        Model model = spec.build(3);
        Layout layout = model.layout;
        Rng rng = new Rng(11);
        int rows = 6;
        float[] x = new float[rows * layout.inputs];
        float[] y = new float[rows * layout.outputs()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) rng.nextGaussian();
        }
        // gamma and beta away from 1 and 0, so that their gradients and their use in dx are both tested
        for (int l = 0; l < layout.depth; l++) {
            for (int offset : new int[] {layout.gamma[l], layout.beta[l]}) {
                for (int j = 0; offset >= 0 && j < layout.width[l]; j++) {
                    model.params[offset + j] += 0.3f * (float) rng.nextGaussian();
                }
            }
        }
        double[] w = new double[model.params.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = model.params[i];
        }
        Passes passes = new Passes(layout, rows);
        System.arraycopy(x, 0, passes.a[0], 0, x.length);
        passes.forward(model.params, rows, true, rng);
        double penalty = passes.activityPenalty(rows) / rows;
        double loss = Losses.meanSquaredError().gradient(passes.output(), 0, y, 0, y.length, passes.outputGradient(), 0);
        assertEquals(loss(layout, w, x, y, rows), loss + penalty, 1e-5, "the float forward pass against the double one");
        float[] grads = new float[layout.parameterCount];
        passes.backward(model.params, grads, rows);
        for (int i = 0; i < layout.trainableCount; i++) {
            double h = 1e-6;
            double saved = w[i];
            w[i] = saved + h;
            double plus = loss(layout, w, x, y, rows);
            w[i] = saved - h;
            double minus = loss(layout, w, x, y, rows);
            w[i] = saved;
            double numeric = (plus - minus) / (2 * h);
            assertTrue(Math.abs(numeric - grads[i]) <= 2e-4 + 2e-3 * Math.abs(numeric),
                    what + ": weight " + i + " analytic " + grads[i] + " numeric " + numeric);
        }
        for (int i = layout.trainableCount; i < grads.length; i++) {
            assertEquals(0f, grads[i], "the moving statistics have no gradient");
        }
    }

    /**
     * Mean squared error plus the activity penalty of the network in training mode, in double: each
     * normalization with the statistics of these rows.
     */
    static double loss(Layout layout, double[] w, float[] x, float[] y, int rows) {
        double[][] a = new double[rows][];
        for (int r = 0; r < rows; r++) {
            a[r] = new double[layout.inputs];
            for (int c = 0; c < layout.inputs; c++) {
                a[r][c] = x[r * layout.inputs + c];
            }
        }
        double penalty = 0;
        for (int l = 0; l < layout.depth; l++) {
            int out = layout.width[l];
            double[][] next = new double[rows][];
            for (int r = 0; r < rows; r++) {
                next[r] = denseOutput(layout, l, w, a[r]);
                for (double v : next[r]) {
                    penalty += layout.activityL1[l] * Math.abs(v) + layout.activityL2[l] * v * v;
                }
            }
            Normalization n = layout.normalization[l];
            if (n != null) {
                boolean batch = n instanceof BatchNormalization;
                int groups = batch ? out : rows;
                int size = batch ? rows : out;
                double[][] normalized = new double[rows][out];
                for (int g = 0; g < groups; g++) {
                    double mean = 0;
                    for (int k = 0; k < size; k++) {
                        mean += batch ? next[k][g] : next[g][k];
                    }
                    mean /= size;
                    double variance = 0;
                    for (int k = 0; k < size; k++) {
                        double d = (batch ? next[k][g] : next[g][k]) - mean;
                        variance += d * d;
                    }
                    variance /= size;
                    for (int k = 0; k < size; k++) {
                        int r = batch ? k : g;
                        int j = batch ? g : k;
                        double gamma = layout.gamma[l] < 0 ? 1 : w[layout.gamma[l] + j];
                        double beta = layout.beta[l] < 0 ? 0 : w[layout.beta[l] + j];
                        normalized[r][j] = gamma * (next[r][j] - mean) / Math.sqrt(variance + n.epsilon()) + beta;
                    }
                }
                next = normalized;
                if (layout.afterNormalization[l] != null) {
                    for (double[] r : next) {
                        for (int j = 0; j < r.length; j++) {
                            r[j] = NetworkGradientTest.apply((Activation) layout.afterNormalization[l], r[j]);
                        }
                    }
                }
            }
            a = next;
        }
        double total = 0;
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < a[r].length; j++) {
                double e = a[r][j] - y[r * a[r].length + j];
                total += e * e;
            }
        }
        return total / (rows * layout.outputs()) + penalty / rows;
    }

    /** Dense layer l's activated output for one sample's input a, in double (glu: the halves' product). */
    static double[] denseOutput(Layout layout, int l, double[] w, double[] a) {
        double[] z = new double[layout.out[l]];
        for (int j = 0; j < z.length; j++) {
            z[j] = w[layout.bias[l] + j];
            for (int i = 0; i < a.length; i++) {
                z[j] += a[i] * w[layout.kernel[l] + i * layout.out[l] + j];
            }
        }
        double[] y = new double[layout.width[l]];
        for (int j = 0; j < y.length; j++) {
            y[j] = layout.activation[l] == Activation.GLU ? z[j] / (1 + Math.exp(-z[y.length + j]))
                    : apply((Activation) layout.activation[l], z[j]);
        }
        return y;
    }

    static double apply(Activation f, double z) {
        switch (f) {
            case RELU:
                return Math.max(z, 0);
            case TANH:
                return Math.tanh(z);
            case SIGMOID:
                return 1 / (1 + Math.exp(-z));
            case ELU:
            case CELU:
                return z > 0 ? z : Math.expm1(z);
            case LOG_SIGMOID:
                return Math.min(z, 0) - Math.log1p(Math.exp(-Math.abs(z)));
            case TANH_SHRINK:
                return z - Math.tanh(z);
            case SQUAREPLUS:
                return (z + Math.sqrt(z * z + 4)) / 2;
            case SOFTPLUS:
                return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
            case GELU:
                return 0.5 * z * (1 + erf(z / Math.sqrt(2)));
            case LINEAR:
                return z;
            default:
                throw new IllegalArgumentException(f.toString());
        }
    }

    /** erf by its Maclaurin series (|x| < 3 here), accurate to double precision. */
    private static double erf(double x) {
        double sum = 0;
        double term = x;
        for (int n = 0; n < 200; n++) {
            sum += term / (2 * n + 1);
            term *= -x * x / (n + 1);
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }
}
