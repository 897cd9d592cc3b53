package dev.lanes.simd.internal;

import java.lang.reflect.InvocationTargetException;
import java.util.Locale;

/**
 * Chooses, once per JVM, which kernel implementations Lanes uses: the Panama ones on
 * {@code jdk.incubator.vector} lanes when that module is present and offers at least 128-bit float
 * vectors, the scalar ones otherwise. System property {@code lanes.simd} ({@code auto}, {@code panama}
 * or {@code scalar}) forces the choice.
 *
 * <p>The Panama classes are only loaded by name after the module check, so a JVM started without
 * {@code --add-modules=jdk.incubator.vector} never links against the Vector API.
 */
public abstract class VectorizationProvider {

    /** The system property that forces a provider. */
    public static final String PROPERTY = "lanes.simd";

    /** The JVM option that makes the Vector API available. */
    public static final String ENABLE_FLAG = "--add-modules=jdk.incubator.vector";

    static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String PANAMA_CLASS = "dev.lanes.simd.internal.panama.PanamaProvider";

    /** Short name: {@code "panama"} or {@code "scalar"}. */
    public abstract String name();

    /** Float lanes per vector register, 1 for the scalar provider. */
    public abstract int floatLanes();

    /** Matrix multiply. */
    public abstract GemmSupport gemm();

    /** Level-1 kernels and reductions. */
    public abstract VectorSupport vectors();

    /** Activation kernels. */
    public abstract ActivationSupport activations();

    /** One line describing this provider, e.g. {@code "panama (16 float lanes, 512-bit)"}. */
    public String describe() {
        return floatLanes() == 1 ? name() : name() + " (" + floatLanes() + " float lanes, " + floatLanes() * 32 + "-bit)";
    }

    /** The provider Lanes uses in this JVM, chosen on first use. */
    public static VectorizationProvider get() {
        return Holder.INSTANCE;
    }

    /** The scalar provider, always available (tests compare it with the active one). */
    public static VectorizationProvider scalar() {
        return ScalarProvider.INSTANCE;
    }

    /** Whether the Vector API module is in the boot layer of this JVM. */
    public static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /**
     * The Panama provider.
     *
     * @throws UnsupportedOperationException when the Vector API is missing or too narrow here
     */
    public static VectorizationProvider panama() {
        if (!vectorModulePresent()) {
            throw new UnsupportedOperationException("The Vector API module " + VECTOR_MODULE
                    + " is not available in this JVM; start it with " + ENABLE_FLAG);
        }
        try {
            return (VectorizationProvider) Class.forName(PANAMA_CLASS).getDeclaredConstructor().newInstance();
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof UnsupportedOperationException) {
                throw (UnsupportedOperationException) e.getCause();
            }
            throw new IllegalStateException("Could not start the Panama kernels", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not load the Panama kernels", e);
        }
    }

    static VectorizationProvider choose(String mode) {
        switch (mode.trim().toLowerCase(Locale.ROOT)) {
            case "scalar":
                return scalar();
            case "panama":
                if (!vectorModulePresent()) {
                    throw new IllegalStateException("-D" + PROPERTY + "=panama was given but the Vector API module "
                            + VECTOR_MODULE + " is missing; start the JVM with " + ENABLE_FLAG);
                }
                return panama();
            case "auto":
                if (!vectorModulePresent()) {
                    return scalar();
                }
                try {
                    return panama();
                } catch (UnsupportedOperationException e) {
                    return scalar();
                }
            default:
                throw new IllegalArgumentException("Invalid -D" + PROPERTY + "=" + mode
                        + "; valid values are auto, panama and scalar");
        }
    }

    private static final class Holder {
        static final VectorizationProvider INSTANCE = announce(choose(System.getProperty(PROPERTY, "auto")));

        private static VectorizationProvider announce(VectorizationProvider chosen) {
            System.Logger log = System.getLogger("dev.lanes.simd");
            if (chosen.floatLanes() > 1) {
                log.log(System.Logger.Level.INFO, "Lanes kernels: " + chosen.describe());
            } else if (!vectorModulePresent()) {
                log.log(System.Logger.Level.WARNING, "Lanes kernels: scalar (SIMD off). Start the JVM with "
                        + ENABLE_FLAG + " to enable SIMD.");
            } else {
                log.log(System.Logger.Level.INFO, "Lanes kernels: scalar (SIMD off by -D" + PROPERTY + " or no usable vector species)");
            }
            return chosen;
        }
    }
}
