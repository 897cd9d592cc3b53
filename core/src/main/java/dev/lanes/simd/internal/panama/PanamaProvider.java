package dev.lanes.simd.internal.panama;

import dev.lanes.simd.internal.ActivationSupport;
import dev.lanes.simd.internal.GemmSupport;
import dev.lanes.simd.internal.VectorSupport;
import dev.lanes.simd.internal.VectorizationProvider;
import jdk.incubator.vector.FloatVector;

/**
 * The provider on {@code jdk.incubator.vector} lanes. Loaded by name only after the module check in
 * {@link VectorizationProvider}; it is the only package that touches Vector API types.
 */
public final class PanamaProvider extends VectorizationProvider {

    private final GemmSupport gemm = new PanamaGemm();
    private final VectorSupport vectors = new PanamaVectors();
    private final ActivationSupport activations = new PanamaActivations();

    /**
     * Creates the provider.
     *
     * @throws UnsupportedOperationException when the preferred float species is narrower than 128 bits
     */
    public PanamaProvider() {
        int lanes = FloatVector.SPECIES_PREFERRED.length();
        if (lanes < 4 || lanes > LaneSums.MAX_LANES) {
            throw new UnsupportedOperationException("The preferred float vector has " + lanes
                    + " lanes; the Panama kernels support 4 to " + LaneSums.MAX_LANES + " (128 to 512 bits)");
        }
    }

    @Override
    public String name() {
        return "panama";
    }

    @Override
    public int floatLanes() {
        return FloatVector.SPECIES_PREFERRED.length();
    }

    @Override
    public GemmSupport gemm() {
        return gemm;
    }

    @Override
    public VectorSupport vectors() {
        return vectors;
    }

    @Override
    public ActivationSupport activations() {
        return activations;
    }
}
