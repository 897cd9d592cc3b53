package dev.lanes.bench;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link GemmBenchmark} on the scalar kernels: the forked JVM gets {@code -Dlanes.simd=scalar} and no
 * Vector API module, the way Lanes runs for a user who did not enable SIMD.
 */
@Fork(value = 1, jvmArgsAppend = "-Dlanes.simd=scalar")
public class GemmScalarBenchmark extends GemmBenchmark {
}
