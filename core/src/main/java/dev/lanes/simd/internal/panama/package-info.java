/**
 * The SIMD kernels, on the incubating Vector API ({@code jdk.incubator.vector}). Kept in a package of
 * their own, loaded by name only after the module check, so that a JVM started without
 * {@code --add-modules=jdk.incubator.vector} never links against it. Not part of the supported API.
 */
package dev.lanes.simd.internal.panama;
