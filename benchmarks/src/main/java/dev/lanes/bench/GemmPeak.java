package dev.lanes.bench;

import dev.lanes.simd.Gemm;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Random;

/**
 * The best GFLOP/s of {@link Gemm#sgemm} over many short batches, timed in this thread's CPU time: a
 * figure for what the kernel reaches when nothing else interferes. On a shared virtual machine JMH's
 * wall-clock averages ({@link GemmBenchmark}) also carry other tenants and scheduling; this complements
 * them, it does not replace them. Each shape runs for about 4 s; the first batches (JIT warm-up) are
 * not counted.
 *
 * <p>Usage: {@code java --add-modules=jdk.incubator.vector -cp benchmarks.jar dev.lanes.bench.GemmPeak
 * 256x256x256:NN 128x64x128:TN ...} (layout NN, TN or NT; default NN).
 */
public final class GemmPeak {

    private GemmPeak() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String spec : args) {
            String[] parts = spec.split(":");
            int[] mnk = GemmBenchmark.parseShape(parts[0]);
            int m = mnk[0];
            int n = mnk[1];
            int k = mnk[2];
            String layout = parts.length > 1 ? parts[1] : "NN";
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
            double flop = 2.0 * m * n * k;
            int calls = (int) Math.max(1, 2e7 / flop);
            double best = 0;
            long until = System.nanoTime() + 4_000_000_000L;
            for (int batch = 0; System.nanoTime() < until || batch < 10; batch++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    Gemm.sgemm(transA, transB, m, n, k, 1f, a, 0, transA ? m : k, b, 0, transB ? k : n, 0f, c, 0, n);
                }
                long cpuNanos = threads.getCurrentThreadCpuTime() - start;
                if (batch > 5) {
                    best = Math.max(best, flop * calls / cpuNanos);
                }
            }
            System.out.printf(Locale.ROOT, "%-16s %s  best %.1f GFLOP/s%n", parts[0], layout, best);
        }
    }
}
