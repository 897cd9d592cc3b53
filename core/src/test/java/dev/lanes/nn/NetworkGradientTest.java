package dev.lanes.nn;

import dev.lanes.base.Rng;
import dev.lanes.simd.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The float backward pass of a 3-layer network against central finite differences of the same network
 * evaluated in double precision, activity regularizers' penalty included.
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

    /** The backward pass of {@code spec} on 6 seeded rows against central differences of {@link #loss}. */
    static void assertGradientsMatch(Sequential spec, String what) {
        Model model = spec.build(3);
        Rng rng = new Rng(11);
        int rows = 6;
        float[] x = new float[rows * 5];
        float[] y = new float[rows * 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) rng.nextGaussian();
        }
        Layout layout = model.layout;
        Passes passes = new Passes(layout, rows);
        System.arraycopy(x, 0, passes.a[0], 0, x.length);
        passes.forward(model.params, rows, true, rng);
        Loss mse = Losses.meanSquaredError();
        mse.gradient(passes.output(), 0, y, 0, y.length, passes.outputGradient(), 0);
        float[] grads = new float[layout.parameterCount];
        passes.backward(model.params, grads, rows);

        double[] w = new double[model.params.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = model.params[i];
        }
        for (int i = 0; i < w.length; i++) {
            double h = 1e-6;
            double saved = w[i];
            w[i] = saved + h;
            double plus = loss(layout, w, x, y, rows);
            w[i] = saved - h;
            double minus = loss(layout, w, x, y, rows);
            w[i] = saved;
            double numeric = (plus - minus) / (2 * h);
            double error = Math.abs(numeric - grads[i]);
            assertTrue(error <= 2e-4 + 2e-3 * Math.abs(numeric),
                    what + ": weight " + i + " analytic " + grads[i] + " numeric " + numeric);
        }
    }

    /** Mean squared error plus the activity regularizers' penalty over the rows, the network evaluated in double. */
    static double loss(Layout layout, double[] w, float[] x, float[] y, int rows) {
        double total = 0;
        double penalty = 0;
        for (int r = 0; r < rows; r++) {
            double[] a = new double[layout.inputs];
            for (int c = 0; c < a.length; c++) {
                a[c] = x[r * layout.inputs + c];
            }
            for (int l = 0; l < layout.depth; l++) {
                double[] next = denseOutput(layout, l, w, a);
                for (double v : next) {
                    penalty += layout.activityL1[l] * Math.abs(v) + layout.activityL2[l] * v * v;
                }
                a = next;
            }
            for (int j = 0; j < a.length; j++) {
                double e = a[j] - y[r * a.length + j];
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
