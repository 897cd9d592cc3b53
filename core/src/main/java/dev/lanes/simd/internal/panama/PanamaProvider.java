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
        if (FloatVector.SPECIES_PREFERRED.length() < 4) {
            throw new UnsupportedOperationException("The preferred float vector has only "
                    + FloatVector.SPECIES_PREFERRED.length() + " lanes; at least 4 (128 bits) are needed");
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
