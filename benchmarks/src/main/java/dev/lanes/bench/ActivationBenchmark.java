package dev.lanes.bench;

import dev.lanes.nn.ActivationCall;
import dev.lanes.simd.ActivationFunction;
import dev.lanes.simd.Activations;
import dev.lanes.simd.Simd;
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
 * Forward and backward activation kernels through the {@link Activations} facade, with the SIMD
 * kernels (this class) and the scalar ones ({@link ActivationScalarBenchmark}).
 *
 * <p>Scores are nanoseconds per call on {@code n} floats; divide by n for the time per element. n =
 * 4096 is a multiple of every vector width, 1000 leaves a scalar tail. The data is one row of n
 * (for softmax: one row of n units). Inputs are N(0, 3^2), so the piecewise functions see both
 * branches and the smooth ones their curved part.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class ActivationBenchmark {

    @Param({"relu", "tanh", "sigmoid", "gelu", "softplus", "softmax"})
    public String activation;

    @Param({"4096", "1000"})
    public int n;

    private ActivationFunction f;
    private float[] x;
    private float[] y;
    private float[] gradOut;
    private float[] gradIn;

    @Setup
    public void setUp() {
        f = ActivationCall.parse(activation);
        Random rnd = new Random(42);
        x = new float[n];
        gradOut = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (rnd.nextGaussian() * 3);
            gradOut[i] = (float) rnd.nextGaussian();
        }
        y = new float[n];
        gradIn = new float[n];
        Activations.forward(f, 1, n, x, 0, y, 0);
        System.out.println("# kernels: " + Simd.describe());
    }

    /** {@code y = f(x)}; returning y hands it to JMH, so the work cannot be optimized away. */
    @Benchmark
    public float[] forward() {
        Activations.forward(f, 1, n, x, 0, y, 0);
        return y;
    }

    /** {@code gradIn = gradOut * f'(x)}. */
    @Benchmark
    public float[] backward() {
        Activations.backward(f, 1, n, x, 0, y, 0, gradOut, 0, gradIn, 0);
        return gradIn;
    }
}
