package dev.lanes.bench;

import org.openjdk.jmh.annotations.Fork;

/** {@link TrainingBenchmark} on the scalar kernels ({@code -Dlanes.simd=scalar}, no Vector API module). */
@Fork(value = 1, jvmArgsAppend = "-Dlanes.simd=scalar")
public class TrainingScalarBenchmark extends TrainingBenchmark {
}
