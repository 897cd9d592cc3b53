package dev.lanes.simd;

import dev.lanes.base.Matrix;
import dev.lanes.base.Rng;
import dev.lanes.nn.FitOptions;
import dev.lanes.nn.History;
import dev.lanes.nn.Model;
import dev.lanes.nn.Optimizers;
import dev.lanes.nn.Sequential;

import java.util.Arrays;

/**
 * The same computations on whichever kernels this JVM chose: a product of awkward sizes in every
 * transpose case, three activations, and a seeded fit's predictions. {@link ScalarFallbackTest} runs it
 * in its own JVM (scalar, no Vector API) and in a child JVM started with the Vector API, and compares.
 * The main method prints the provider's name, then one value per line as {@link Float#toHexString}.
 */
final class FallbackProbe {

    /** Products of the first part: m, n, k, each with all four transpose cases. */
    static final int[][] SHAPES = {{17, 33, 129}, {31, 1, 7}, {3, 127, 16}};

    private FallbackProbe() {
    }

    public static void main(String[] args) {
        System.out.println(Simd.describe());
        for (float v : run()) {
            System.out.println(Float.toHexString(v));
        }
    }

    /** Products, activations, then predictions, in that order. */
    static float[] run() {
        float[] out = new float[0];
        for (float[] part : new float[][] {products(), activations(), predictions()}) {
            int at = out.length;
            out = Arrays.copyOf(out, at + part.length);
            System.arraycopy(part, 0, out, at, part.length);
        }
        return out;
    }

    static float[] products() {
        Rng rng = new Rng(11);
        float[] out = new float[0];
        for (int[] s : SHAPES) {
            int m = s[0], n = s[1], k = s[2];
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                float[] a = gaussian(rng, m * k);
                float[] b = gaussian(rng, k * n);
                float[] c = new float[m * n];
                Gemm.sgemm(ta, tb, m, n, k, 1f, a, 0, ta ? m : k, b, 0, tb ? k : n, 0f, c, 0, n);
                int at = out.length;
                out = Arrays.copyOf(out, at + c.length);
                System.arraycopy(c, 0, out, at, c.length);
            }
        }
        return out;
    }

    /**
     * How far two float products of {@link #products()} may be apart: each may be off from the exact
     * value by GemmTest's bound, {@code (k + 2) 2^-23 sum|a||b|}, so the two by twice that.
     */
    static double[] productBounds() {
        Rng rng = new Rng(11);
        double[] out = new double[0];
        for (int[] s : SHAPES) {
            int m = s[0], n = s[1], k = s[2];
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                float[] a = gaussian(rng, m * k);
                float[] b = gaussian(rng, k * n);
                int at = out.length;
                out = Arrays.copyOf(out, at + m * n);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double sum = 0;
                        for (int p = 0; p < k; p++) {
                            sum += Math.abs((double) a[ta ? p * m + i : i * k + p] * b[tb ? j * k + p : p * n + j]);
                        }
                        out[at + i * n + j] = 2 * (k + 2) * Math.scalb(1.0, -23) * sum;
                    }
                }
            }
        }
        return out;
    }

    static float[] activations() {
        float[] x = gaussian(new Rng(12), 129);
        float[] out = new float[3 * x.length];
        Activation[] kinds = {Activation.TANH, Activation.SIGMOID, Activation.GELU};
        for (int i = 0; i < kinds.length; i++) {
            Activations.forward(kinds[i], 1, x.length, x, 0, out, i * x.length);
        }
        return out;
    }

    /** Predictions of a 3-16-8-1 tanh network after 5 epochs of Adam on 256 seeded rows. */
    static float[] predictions() {
        Rng rng = new Rng(13);
        int rows = 256;
        float[] x = gaussian(rng, rows * 3);
        float[] y = new float[rows];
        for (int r = 0; r < rows; r++) {
            y[r] = (float) (Math.sin(x[3 * r]) + 0.5 * x[3 * r + 1] * x[3 * r + 2]);
        }
        Model model = Sequential.input(3).dense(16, Activation.TANH).dense(8, Activation.TANH).dense(1).build(42);
        History h = model.fit(Matrix.wrap(rows, 3, x), Matrix.wrap(rows, 1, y),
                FitOptions.defaults().epochs(5).batchSize(16).seed(42).optimizer(Optimizers.adam()));
        if (h.diverged()) {
            throw new IllegalStateException("the probe's fit diverged");
        }
        return model.predict(Matrix.wrap(rows, 3, x)).toArray();
    }

    private static float[] gaussian(Rng rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }
}
