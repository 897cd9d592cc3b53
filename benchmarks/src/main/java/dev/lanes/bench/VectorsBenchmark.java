package dev.lanes.bench;

import dev.lanes.simd.Vectors;
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
 * Level-1 kernels of {@link Vectors} on the SIMD path, in nanoseconds per call. n = 207 leaves a scalar
 * tail for any vector width; 1000 and 4096 show the steady state with data in L1.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class VectorsBenchmark {

    @Param({"207", "1000", "4096"})
    public int n;

    private float[] x;
    private float[] y;
    /** Small, so that repeated axpy calls drift y only slowly and never reach infinity. */
    private float alpha = 1e-3f;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        x = new float[n];
        y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2f * random.nextFloat() - 1f;
            y[i] = 2f * random.nextFloat() - 1f;
        }
    }

    @Benchmark
    public float dot() {
        return Vectors.dot(n, x, 0, y, 0);
    }

    @Benchmark
    public float[] axpy() {
        Vectors.axpy(n, alpha, x, 0, y, 0);
        return y;
    }

    @Benchmark
    public float sum() {
        return Vectors.sum(n, x, 0);
    }

    @Benchmark
    public float squaredErrorSum() {
        return Vectors.squaredErrorSum(n, x, 0, y, 0);
    }
}
