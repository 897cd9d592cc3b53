package dev.lanes.bench;

import dev.lanes.simd.Gemm;
import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
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

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The same single-threaded float product {@code C = op(A) * op(B)} by Lanes and by the pure-Java
 * libraries a Java user would otherwise pick, in one JMH run: EJML ({@code CommonOps_FDRM.mult},
 * {@code multTransA}, {@code multTransB} on {@code FMatrixRMaj}) and netlib-java's Java BLAS
 * ({@code JavaBLAS.getInstance()}, the Vector API implementation when {@code jdk.incubator.vector} is
 * present; the one Apache Spark uses). Shapes and layouts are those of {@link GemmBenchmark}.
 *
 * <p>All matrices are stored row-major. BLAS is column-major, so netlib computes the equivalent product
 * {@code C^T = op(B)^T * op(A)^T}, which has the same bytes in memory and the same FLOP count. Set-up
 * checks that each library's product equals Lanes' within float rounding, so a wrong call cannot
 * pass for a fast one. Run it through {@link GemmReport} for GFLOP/s:
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.lanes.bench.GemmReport JavaPeersBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class JavaPeersBenchmark {

    @Param({"1024x1024x1024", "256x256x256", "32x64x64", "32x64x7", "128x64x128", "32x32x64", "128x1x32"})
    public String shape;

    @Param({"NN", "TN", "NT"})
    public String layout;

    @Param({"lanes", "ejml", "netlib"})
    public String library;

    private int m;
    private int n;
    private int k;
    private boolean transA;
    private boolean transB;
    private FMatrixRMaj a;
    private FMatrixRMaj b;
    private FMatrixRMaj c;
    private BLAS blas;
    private Runnable product;

    @Setup
    public void setUp() {
        int[] mnk = GemmBenchmark.parseShape(shape);
        m = mnk[0];
        n = mnk[1];
        k = mnk[2];
        transA = layout.equals("TN");
        transB = layout.equals("NT");
        if (!transA && !transB && !layout.equals("NN")) {
            throw new IllegalArgumentException("layout must be NN, TN or NT but was " + layout);
        }
        Random random = new Random(42);
        a = transA ? random(random, k, m) : random(random, m, k);
        b = transB ? random(random, n, k) : random(random, k, n);
        c = new FMatrixRMaj(m, n);
        product = switch (library) {
            case "lanes" -> this::lanes;
            case "ejml" -> this::ejml;
            case "netlib" -> {
                blas = JavaBLAS.getInstance();
                yield this::netlib;
            }
            default -> throw new IllegalArgumentException("library must be lanes, ejml or netlib but was " + library);
        };
        checkAgainstLanes();
    }

    @Benchmark
    public FMatrixRMaj sgemm() {
        product.run();
        return c;
    }

    private void lanes() {
        Gemm.sgemm(transA, transB, m, n, k, 1f, a.data, 0, a.numCols, b.data, 0, b.numCols, 0f, c.data, 0, n);
    }

    private void ejml() {
        if (transA) {
            CommonOps_FDRM.multTransA(a, b, c);
        } else if (transB) {
            CommonOps_FDRM.multTransB(a, b, c);
        } else {
            CommonOps_FDRM.mult(a, b, c);
        }
    }

    private void netlib() {
        blas.sgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, 1f, b.data, b.numCols, a.data, a.numCols,
                0f, c.data, n);
    }

    private void checkAgainstLanes() {
        lanes();
        float[] expected = c.data.clone();
        Arrays.fill(c.data, Float.NaN);
        product.run();
        for (int i = 0; i < expected.length; i++) {
            // entries are sums of k products of values in [-1, 1): float rounding stays far below this
            if (!(Math.abs(c.data[i] - expected[i]) <= 1e-4f * k)) {
                throw new IllegalStateException(library + " " + layout + " " + shape + ": C[" + i + "] = "
                        + c.data[i] + " but Lanes computes " + expected[i]);
            }
        }
        System.out.println("# " + library + ": " + (library.equals("netlib") ? blas.getClass().getName()
                : library.equals("ejml") ? "CommonOps_FDRM" : "dev.lanes.simd.Gemm"));
    }

    private static FMatrixRMaj random(Random random, int rows, int columns) {
        FMatrixRMaj matrix = new FMatrixRMaj(rows, columns);
        for (int i = 0; i < matrix.data.length; i++) {
            matrix.data[i] = 2f * random.nextFloat() - 1f;
        }
        return matrix;
    }
}
