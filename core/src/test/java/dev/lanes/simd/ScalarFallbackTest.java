package dev.lanes.simd;

import dev.lanes.simd.internal.VectorizationProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a user who starts the JVM without {@code --add-modules=jdk.incubator.vector} gets: the scalar
 * kernels, one warning that names the flag, and the results of the Panama kernels within the bounds
 * the kernel tests allow. Surefire runs this class alone in a JVM without the module (execution
 * {@code scalar-fallback} in core's POM, which sets {@code -Dlanes.test.scalarFallback=true}); the
 * default execution, which has the module, leaves it out.
 */
class ScalarFallbackTest {

    /** Held here: the logging framework keeps only weak references to its loggers. */
    private static final Logger SIMD_LOG = Logger.getLogger("dev.lanes.simd");
    private static final List<LogRecord> RECORDS = new ArrayList<>();

    @BeforeAll
    static void listenThenChoose() {
        // Run by name (-Dtest=...) in a JVM with the module, it has nothing to check.
        assumeTrue(Boolean.getBoolean("lanes.test.scalarFallback"),
                "runs in the Surefire execution scalar-fallback, a JVM without the Vector API module");
        assertFalse(VectorizationProvider.vectorModulePresent(),
                "the execution scalar-fallback must start its JVM without the Vector API module");
        SIMD_LOG.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                synchronized (RECORDS) {
                    RECORDS.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        Simd.describe();
    }

    @Test
    void theScalarKernelsAreChosen() {
        assertSame(VectorizationProvider.scalar(), VectorizationProvider.get());
        assertFalse(Simd.isEnabled());
        assertEquals(1, Simd.floatLanes());
        assertEquals("scalar", Simd.describe());
    }

    @Test
    void theHintIsPrintedOnceAndNamesTheFlag() {
        FallbackProbe.run();
        Simd.describe();
        List<LogRecord> hints;
        synchronized (RECORDS) {
            hints = RECORDS.stream().filter(r -> r.getMessage().startsWith("Lanes kernels")).toList();
        }
        assertEquals(1, hints.size(), "one hint per JVM, however often the kernels are used");
        assertEquals(Level.WARNING, hints.get(0).getLevel());
        assertEquals("Lanes kernels: scalar (SIMD off). Start the JVM with --add-modules=jdk.incubator.vector to "
                + "enable SIMD.", hints.get(0).getMessage());
    }

    @Test
    @Timeout(300)
    void resultsAgreeWithThePanamaKernels() throws IOException, InterruptedException {
        float[] scalar = FallbackProbe.run();
        List<String> child = panamaRun();
        assertTrue(child.get(0).startsWith("panama ("), "the child JVM has the Vector API: " + child.get(0));
        assertEquals(scalar.length + 1, child.size());
        float[] panama = new float[scalar.length];
        for (int i = 0; i < panama.length; i++) {
            panama[i] = Float.parseFloat(child.get(i + 1));
        }

        double[] productBounds = FallbackProbe.productBounds();
        int i = 0;
        for (; i < productBounds.length; i++) {
            assertTrue(Math.abs(scalar[i] - panama[i]) <= productBounds[i],
                    "product value " + i + ": scalar " + scalar[i] + ", panama " + panama[i]);
        }
        int activations = FallbackProbe.activations().length;
        for (int end = i + activations; i < end; i++) {
            // Each kernel is within 2.5 ulp of the exact value (ActivationKernelsTest, LaneMathTest).
            float ulp = Math.ulp(Math.max(Math.abs(scalar[i]), Math.abs(panama[i])));
            assertTrue(Math.abs(scalar[i] - panama[i]) <= 5 * ulp,
                    "activation value " + i + ": scalar " + scalar[i] + ", panama " + panama[i]);
        }
        for (; i < scalar.length; i++) {
            // 80 training steps whose sums differ in order: far below the target's spread (about 1).
            assertTrue(Math.abs(scalar[i] - panama[i]) <= 1e-4f,
                    "prediction " + i + ": scalar " + scalar[i] + ", panama " + panama[i]);
        }
    }

    /** The probe's output in a child JVM with the Vector API. */
    private static List<String> panamaRun() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "--add-modules=jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), FallbackProbe.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM ended");
        assertEquals(0, p.exitValue(), out);
        List<String> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }
}
