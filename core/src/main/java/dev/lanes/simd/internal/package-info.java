/**
 * The kernels behind the {@link dev.lanes.simd} facades: the interfaces every implementation fills in,
 * the scalar implementations (the reference and the fallback) and the choice of provider, made once per
 * JVM by {@link dev.lanes.simd.internal.VectorizationProvider}. Public only so that the facades and the
 * Panama implementations in another package can reach it; not part of the supported API.
 */
package dev.lanes.simd.internal;
