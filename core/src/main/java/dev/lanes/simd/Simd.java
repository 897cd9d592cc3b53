package dev.lanes.simd;

import dev.lanes.simd.internal.VectorizationProvider;

/**
 * Which kernels this JVM runs: SIMD on {@code jdk.incubator.vector} lanes, or the scalar fallback.
 *
 * <p>SIMD needs the JVM option {@value #ENABLE_FLAG}; without it Lanes still works, on plain loops,
 * and logs once how to turn SIMD on. The system property {@code lanes.simd=auto|panama|scalar} forces a
 * choice.
 */
public final class Simd {

    /** The JVM option that enables SIMD kernels. */
    public static final String ENABLE_FLAG = VectorizationProvider.ENABLE_FLAG;

    private Simd() {
    }

    /** Whether the SIMD kernels are active. */
    public static boolean isEnabled() {
        return VectorizationProvider.get().floatLanes() > 1;
    }

    /** Float lanes per vector (16 with AVX-512), 1 when SIMD is off. */
    public static int floatLanes() {
        return VectorizationProvider.get().floatLanes();
    }

    /** One line for logs and reports, e.g. {@code "panama (16 float lanes, 512-bit)"}. */
    public static String describe() {
        return VectorizationProvider.get().describe();
    }
}
