package dev.lanes.bench;

import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times one {@link BuildWorkload} on several builds of Lanes in one JVM, alternating between them in
 * rounds of 0.3 s each, and reports each build's median time and its median speed-up over the first
 * build. On a machine whose speed drifts by 10–30 % from minute to minute, back-to-back JMH runs cannot
 * tell a 10 % change from noise; ratios of neighbouring rounds can, because the drift is slow.
 *
 * <pre>java --add-modules=jdk.incubator.vector -cp benchmarks/target/benchmarks.jar dev.lanes.bench.Interleaved \
 *     fit:128-64-32:tanh:32 20 /tmp/before.jar benchmarks/target/benchmarks.jar</pre>
 *
 * Each jar is a benchmarks jar (it contains Lanes core) and gets its own class loader, which also sees
 * this jar, so that a build older than this tool runs the same workload. Each loader JIT-compiles its
 * own copy of the kernels; the first 3 rounds are warm-up. Speed only: results are not compared.
 */
public final class Interleaved {

    private static final long ROUND_NANOS = 300_000_000L;
    private static final int WARMUP_ROUNDS = 3;

    private Interleaved() {
    }

    /** Arguments: the workload name, the number of rounds, then two or more jars. */
    public static void main(String[] args) throws ReflectiveOperationException, MalformedURLException {
        if (args.length < 4) {
            System.err.println("usage: Interleaved WORKLOAD ROUNDS JAR JAR...  (workloads: see BuildWorkload;"
                    + " -Dcsv=path sets the California CSV, default core/src/test/resources/california_housing.csv)");
            System.exit(2);
        }
        String workload = args[0];
        int rounds = Integer.parseInt(args[1]);
        List<String> jars = Arrays.asList(args).subList(2, args.length);
        String csv = System.getProperty("csv", "core/src/test/resources/california_housing.csv");
        URL self = Interleaved.class.getProtectionDomain().getCodeSource().getLocation();
        List<Runnable> work = new ArrayList<>();
        for (String jar : jars) {
            if (!Files.isRegularFile(Path.of(jar))) {
                System.err.println("not a file: " + jar);
                System.exit(2);
            }
            URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL(), self},
                    ClassLoader.getPlatformClassLoader());
            try {
                work.add((Runnable) loader.loadClass(BuildWorkload.class.getName())
                        .getConstructor(String.class, String.class).newInstance(workload, csv));
            } catch (InvocationTargetException e) {
                // a misspelt workload or a missing CSV: its message says which
                System.err.println(jar + ": " + e.getCause().getMessage());
                System.exit(2);
            }
        }
        double[][] millis = new double[jars.size()][rounds];
        for (int r = -WARMUP_ROUNDS; r < rounds; r++) {
            for (int i = 0; i < jars.size(); i++) {
                // rotate the order every round, so no build always runs right after another
                int b = Math.floorMod(r + i, jars.size());
                long start = System.nanoTime();
                int runs = 0;
                do {
                    work.get(b).run();
                    runs++;
                } while (System.nanoTime() - start < ROUND_NANOS);
                if (r >= 0) {
                    millis[b][r] = (System.nanoTime() - start) / 1e6 / runs;
                }
            }
        }
        for (int b = 0; b < jars.size(); b++) {
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratio[r] = millis[0][r] / millis[b][r];
            }
            System.out.printf("%-28s %-40s median %9.3f ms   speed-up over the first: %.2f (p20 %.2f, p80 %.2f)%n",
                    workload, jars.get(b), percentile(millis[b], 50), percentile(ratio, 50), percentile(ratio, 20),
                    percentile(ratio, 80));
        }
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
    }
}
