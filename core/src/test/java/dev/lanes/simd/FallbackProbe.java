package dev.lanes.simd;

import dev.lanes.base.Matrix;
import dev.lanes.base.Rng;
import dev.lanes.nn.FitOptions;
import dev.lanes.nn.History;
import dev.lanes.nn.Model;
import dev.lanes.nn.Optimizers;
import dev.lanes.nn.Sequential;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
            out = append(out, part);
        }
        return out;
    }

    /** One product of {@link #products()}: its shape, transposes and seeded inputs. */
    private record Product(int m, int n, int k, boolean transA, boolean transB, float[] a, float[] b) {
    }

    /** The products of {@link #SHAPES}, each in all four transpose cases, with the same inputs every time. */
    private static List<Product> productInputs() {
        Rng rng = new Rng(11);
        List<Product> out = new ArrayList<>();
        for (int[] s : SHAPES) {
            for (int t = 0; t < 4; t++) {
                out.add(new Product(s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0, gaussian(rng, s[0] * s[2]),
                        gaussian(rng, s[2] * s[1])));
            }
        }
        return out;
    }

    static float[] products() {
        float[] out = new float[0];
        for (Product p : productInputs()) {
            float[] c = new float[p.m * p.n];
            Gemm.sgemm(p.transA, p.transB, p.m, p.n, p.k, 1f, p.a, 0, p.transA ? p.m : p.k, p.b, 0,
                    p.transB ? p.k : p.n, 0f, c, 0, p.n);
            out = append(out, c);
        }
        return out;
    }

    /**
     * How far two float products of {@link #products()} may be apart: each may be off from the exact
     * value by GemmTest's bound, {@code (k + 2) 2^-23 sum|a||b|}, so the two by twice that.
     */
    static double[] productBounds() {
        List<Double> out = new ArrayList<>();
        for (Product p : productInputs()) {
            for (int i = 0; i < p.m; i++) {
                for (int j = 0; j < p.n; j++) {
                    double sum = 0;
                    for (int q = 0; q < p.k; q++) {
                        sum += Math.abs((double) p.a[p.transA ? q * p.m + i : i * p.k + q] * p.b[p.transB ? j * p.k + q : q * p.n + j]);
                    }
                    out.add(2 * (p.k + 2) * Math.scalb(1.0, -23) * sum);
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static float[] append(float[] head, float[] tail) {
        float[] out = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
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
