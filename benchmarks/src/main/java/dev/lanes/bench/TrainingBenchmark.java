package dev.lanes.bench;

import dev.lanes.nn.FitOptions;
import dev.lanes.nn.History;
import dev.lanes.base.Matrix;
import dev.lanes.nn.Model;
import dev.lanes.nn.Optimizers;
import dev.lanes.nn.Sequential;
import dev.lanes.simd.Activation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Training throughput in samples per second: a 7-64-32-1 relu network, Adam (lr 1e-3), MSE, one
 * thread, full shuffled epochs over the 16,512 training rows of California housing (its 7 numeric
 * features without total_bedrooms, standardized). One invocation runs {@value #EPOCHS} epochs; one operation is one
 * training sample. PyTorch 1.13 on this machine: 38k samples/s (batch 32), 155k (batch 128), medians
 * from benchmarks/peers.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class TrainingBenchmark {

    static final int ROWS = 16_512;
    static final int EPOCHS = 5;

    @Param({"32", "128"})
    public int batch;

    /** The raw California housing CSV (relative to where the benchmark runs). */
    @Param({"core/src/test/resources/california_housing.csv"})
    public String data;

    private Matrix x;
    private Matrix y;
    private Model model;
    private FitOptions options;

    @Setup
    public void setUp() {
        California.Scaled california = California.firstRows(data, ROWS);
        x = california.x();
        y = california.y();
        model = Sequential.input(7).dense(64, Activation.RELU).dense(32, Activation.RELU).dense(1).build(42);
        options = FitOptions.defaults().epochs(EPOCHS).batchSize(batch).optimizer(Optimizers.adam());
    }

    @Benchmark
    @OperationsPerInvocation(ROWS * EPOCHS)
    public History fit() {
        return model.fit(x, y, options);
    }
}
