package dev.lanes.simd.internal;

/** The portable provider: plain Java loops, available on every JVM. */
final class ScalarProvider extends VectorizationProvider {

    static final ScalarProvider INSTANCE = new ScalarProvider();

    private final GemmSupport gemm = new ScalarGemm();
    private final VectorSupport vectors = new ScalarVectors();
    private final ActivationSupport activations = new ScalarActivations();

    private ScalarProvider() {
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public int floatLanes() {
        return 1;
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
