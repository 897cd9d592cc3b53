package dev.lanes.bench;

import dev.lanes.simd.Gemm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Single-threaded {@link Gemm#sgemm} throughput on the SIMD kernels: one operation is one call,
 * {@code C = op(A) * op(B) + beta * C}. GFLOP/s = ops/s * 2 * M * N * K / 1e9; {@link GemmReport}
 * runs these benchmarks and prints that column.
 *
 * <p>Layouts, as used by a dense layer's training step: {@code NN} is the forward pass
 * {@code Y = X * W}; {@code TN} has op(A) = A<sup>T</sup>, the weight gradient {@code dW = X^T * dY};
 * {@code NT} has op(B) = B<sup>T</sup>, the input gradient {@code dX = dY * W^T}. The small shapes are
 * those of the reference MLP's layers at batch sizes 32 and 128.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class GemmBenchmark {

    /** {@code MxNxK}: op(A) is M x K, op(B) is K x N, C is M x N. */
    @Param({"1024x1024x1024", "512x512x512", "256x256x256", "32x64x64", "32x64x7", "128x64x128", "32x32x64",
            "128x1x32"})
    public String shape;

    @Param({"NN", "TN", "NT"})
    public String layout;

    /** 0 overwrites C (a forward pass), 1 accumulates into it (a gradient summed over batches). */
    @Param({"0"})
    public float beta;

    private int m;
    private int n;
    private int k;
    private boolean transA;
    private boolean transB;
    private int lda;
    private int ldb;
    private float[] a;
    private float[] b;
    private float[] c;

    @Setup
    public void setUp() {
        int[] mnk = parseShape(shape);
        m = mnk[0];
        n = mnk[1];
        k = mnk[2];
        switch (layout) {
            case "NN":
                break;
            case "TN":
                transA = true;
                break;
            case "NT":
                transB = true;
                break;
            default:
                throw new IllegalArgumentException("layout must be NN, TN or NT but was " + layout);
        }
        // Row-major storage: A is m x k, or k x m when transposed; B is k x n, or n x k when transposed.
        lda = transA ? m : k;
        ldb = transB ? k : n;
        Random random = new Random(42);
        a = randomArray(random, m * k);
        b = randomArray(random, k * n);
        c = randomArray(random, m * n);
    }

    @Benchmark
    public float[] sgemm() {
        Gemm.sgemm(transA, transB, m, n, k, 1f, a, 0, lda, b, 0, ldb, beta, c, 0, n);
        return c;
    }

    /** Parses {@code "MxNxK"} into {@code {M, N, K}}. */
    static int[] parseShape(String shape) {
        String[] parts = shape.split("x");
        if (parts.length != 3) {
            throw new IllegalArgumentException("shape must look like MxNxK but was " + shape);
        }
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
    }

    private static float[] randomArray(Random random, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = 2f * random.nextFloat() - 1f;
        }
        return values;
    }
}
