package dev.lanes.bench;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.Collection;
import java.util.concurrent.TimeUnit;

/**
 * Runs JMH with its usual command-line options and then prints GFLOP/s for every result that has a
 * {@code shape} parameter: {@code GFLOP/s = ops/s * 2 * M * N * K / 1e9}. Without a benchmark pattern
 * it runs the GEMM benchmarks (SIMD and scalar); {@code JavaPeersBenchmark} runs Lanes beside EJML and
 * netlib-java:
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.lanes.bench.GemmReport GemmBenchmark -p shape=256x256x256</pre>
 */
public final class GemmReport {

    private GemmReport() {
    }

    /**
     * Runs the benchmarks and prints the table.
     *
     * @param args JMH command-line options, as for {@code java -jar benchmarks.jar}
     * @throws Exception when the options are invalid or a benchmark fails
     */
    public static void main(String[] args) throws Exception {
        Options options = new CommandLineOptions(args);
        if (options.getIncludes().isEmpty()) {
            options = new OptionsBuilder().parent(options).include("Gemm").build();
        }
        Collection<RunResult> results = new Runner(options).run();

        System.out.println();
        System.out.printf("%-48s %-8s %-16s %-6s %5s %14s %9s%n",
                "Benchmark", "library", "shape", "layout", "beta", "ops/s", "GFLOP/s");
        for (RunResult result : results) {
            BenchmarkParams params = result.getParams();
            String shape = params.getParam("shape");
            if (shape == null) {
                continue;
            }
            int[] mnk = GemmBenchmark.parseShape(shape);
            double flopPerOp = 2.0 * mnk[0] * mnk[1] * mnk[2];
            double opsPerSecond = opsPerSecond(result.getPrimaryResult(), params);
            System.out.printf("%-48s %-8s %-16s %-6s %5s %14.1f %9.2f%n", params.getBenchmark(),
                    orDash(params.getParam("library")), shape, params.getParam("layout"), orDash(params.getParam("beta")),
                    opsPerSecond, opsPerSecond * flopPerOp / 1e9);
        }
    }

    private static String orDash(String param) {
        return param == null ? "-" : param;
    }

    /** Throughput scores are operations per time unit; every other mode scores time per operation. */
    private static double opsPerSecond(Result<?> primary, BenchmarkParams params) {
        double unitInSeconds = params.getTimeUnit().toNanos(1) / (double) TimeUnit.SECONDS.toNanos(1);
        double score = primary.getScore();
        return params.getMode() == Mode.Throughput ? score / unitInSeconds : 1 / (score * unitInSeconds);
    }
}
