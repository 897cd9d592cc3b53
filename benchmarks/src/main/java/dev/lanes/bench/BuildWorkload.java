package dev.lanes.bench;

import dev.lanes.data.Dataset;
import dev.lanes.data.Scaling;
import dev.lanes.nn.ActivationCall;
import dev.lanes.nn.FitOptions;
import dev.lanes.base.Matrix;
import dev.lanes.nn.Model;
import dev.lanes.nn.Optimizers;
import dev.lanes.nn.Sequential;
import dev.lanes.simd.ActivationFunction;
import dev.lanes.simd.Activations;
import dev.lanes.simd.Gemm;
import dev.lanes.tune.Hyperparameters;
import dev.lanes.tune.Search;
import dev.lanes.tune.SearchSpace;
import dev.lanes.tune.SearchSpec;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One unit of work that {@link Interleaved} times on several builds. Each build loads its own copy of
 * this class, linked against that build's Lanes classes, so it only uses API that has been stable
 * since the first release.
 *
 * <p>Names: {@code gemm:MxNxK:LL} (single-threaded sgemm calls worth about 30 MFLOP; LL is NN, TN, NT
 * or TT), {@code act:ACTIVATION:N} (1000 forward and backward passes of an activation over N values),
 * {@code fit:HIDDEN:ACTIVATION:BATCH} (one epoch of Adam on 11,008 rows of the California CSV,
 * hidden layers such as {@code 128-64-32}), or {@code search:HIDDEN:ACTIVATION:BATCH} (the same candidate
 * as a one-epoch, 3-fold search on one thread over the whole CSV, as the reference grid runs it: folds
 * split and scaled, a fit per fold, scored on the held-out rows).
 */
public final class BuildWorkload implements Runnable {

    private final Runnable work;

    /** Prepares the named workload; {@code csv} is the California housing file (for fits). */
    public BuildWorkload(String name, String csv) {
        String[] part = name.split(":");
        if (part.length == 3 && part[0].equals("gemm")) {
            work = gemm(part[1], part[2]);
        } else if (part.length == 3 && part[0].equals("act")) {
            work = activation(ActivationCall.parse(part[1]), Integer.parseInt(part[2]));
        } else if (part.length == 4 && part[0].equals("fit")) {
            work = fit(part[1], ActivationCall.parse(part[2]), Integer.parseInt(part[3]), csv);
        } else if (part.length == 4 && part[0].equals("search")) {
            work = search(part[1], part[2], part[3], csv);
        } else {
            throw new IllegalArgumentException("unknown workload '" + name + "': expected gemm:MxNxK:LL,"
                    + " act:ACTIVATION:N, fit:HIDDEN:ACTIVATION:BATCH or search:HIDDEN:ACTIVATION:BATCH");
        }
    }

    @Override
    public void run() {
        work.run();
    }

    private static Runnable gemm(String shape, String layout) {
        String[] d = shape.split("x");
        int m = Integer.parseInt(d[0]);
        int n = Integer.parseInt(d[1]);
        int k = Integer.parseInt(d[2]);
        boolean transA = layout.charAt(0) == 'T';
        boolean transB = layout.charAt(1) == 'T';
        Random rnd = new Random(1);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        float[] c = new float[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextFloat() - 0.5f;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextFloat() - 0.5f;
        }
        int calls = (int) Math.max(1, 3e7 / (2.0 * m * n * k));
        return () -> {
            for (int i = 0; i < calls; i++) {
                Gemm.sgemm(transA, transB, m, n, k, 1f, a, 0, transA ? m : k, b, 0, transB ? k : n, 0f, c, 0, n);
            }
        };
    }

    private static Runnable activation(ActivationFunction f, int n) {
        Random rnd = new Random(1);
        float[] x = new float[n];
        float[] y = new float[n];
        float[] g = new float[n];
        float[] dx = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (rnd.nextGaussian() * 2);
            g[i] = (float) rnd.nextGaussian();
        }
        return () -> {
            for (int i = 0; i < 1000; i++) {
                Activations.forward(f, 1, n, x, 0, y, 0);
                Activations.backward(f, 1, n, x, 0, y, 0, g, 0, dx, 0);
            }
        };
    }

    private static Runnable fit(String hidden, ActivationFunction activation, int batch, String csv) {
        California.Scaled california = California.firstRows(csv, 11_008);
        Matrix x = california.x();
        Matrix y = california.y();
        Sequential network = Sequential.input(x.cols());
        for (String units : hidden.split("-")) {
            network = network.dense(Integer.parseInt(units), activation);
        }
        Model model = network.dense(1).build(42);
        FitOptions options = FitOptions.defaults().epochs(1).batchSize(batch).optimizer(Optimizers.adam());
        return () -> model.fit(x, y, options);
    }

    private static Runnable search(String hidden, String activation, String batch, String csv) {
        Dataset data = California.load(csv);
        SearchSpec spec = SearchSpec.of(SearchSpace.grid(Map.of(Hyperparameters.HIDDEN_LAYERS,
                        List.of(hidden.replace('-', ',')), Hyperparameters.ACTIVATION, List.of(activation),
                        Hyperparameters.BATCH_SIZE, List.of(batch), Hyperparameters.EPOCHS, List.of("1"))))
                .folds(3).seed(42).parallelism(1).featureScaling(Scaling.STANDARD).targetScaling(Scaling.STANDARD)
                .refit(false);
        return () -> Search.run(data, spec);
    }
}
