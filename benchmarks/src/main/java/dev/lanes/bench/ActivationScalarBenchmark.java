package dev.lanes.bench;

import org.openjdk.jmh.annotations.Fork;

/** {@link ActivationBenchmark} on the scalar kernels, for the SIMD speed-up. */
@Fork(value = 1, jvmArgsAppend = "-Dlanes.simd=scalar")
public class ActivationScalarBenchmark extends ActivationBenchmark {
}
