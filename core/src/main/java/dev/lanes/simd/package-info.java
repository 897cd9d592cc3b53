/**
 * Float32 kernels on row-major arrays: matrix multiply ({@link dev.lanes.simd.Gemm}), level-1 vector
 * operations and reductions ({@link dev.lanes.simd.Vectors}) and the activation functions
 * ({@link dev.lanes.simd.Activations}). Each facade checks its arguments once and then runs the
 * implementation chosen for this JVM, SIMD on {@code jdk.incubator.vector} lanes or plain loops;
 * {@link dev.lanes.simd.Simd} says which, so callers never depend on the incubating module being present.
 */
package dev.lanes.simd;
