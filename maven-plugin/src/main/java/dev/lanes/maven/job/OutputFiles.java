package dev.lanes.maven.job;

import java.nio.file.Path;
import java.util.List;

/**
 * The files of the output directory ({@code target/nn/} by default) and which of them are reproducible.
 *
 * <p>{@link #RESULTS}, {@link #CSV}, {@link #HTML}, {@link #MODEL} and {@link #ONNX} depend only on the data, the
 * configuration, the JDK and the SIMD kernels: the same seed, data and grid give the same bytes whatever
 * the parallelism. {@link #TIMINGS} holds everything measured by the clock. {@link #JOB} is the worker's
 * input and {@link #FINGERPRINT} the up-to-date check's record.
 *
 * <p>A run writes its files into the {@link #staging} directory; only a run that finished is published:
 * each file is moved into place, and the fingerprint, which lists every file's SHA-256, is written last.
 * A build killed at any moment therefore leaves the previous complete run, or files that no fingerprint
 * vouches for, which the next build does not reuse.
 */
public final class OutputFiles {

    /** All results, the best candidate, the set-up and the environment. */
    public static final String RESULTS = "gridsearch.json";
    /** One row per candidate, scikit-learn column names. */
    public static final String CSV = "gridsearch.csv";
    /** The human-readable report. */
    public static final String HTML = "report.html";
    /** The best candidate refitted on all rows, with its scalers. */
    public static final String MODEL = "best-model.lanes";
    /** {@link #MODEL} as an ONNX graph that takes raw features and gives the target in its units. */
    public static final String ONNX = "best-model.onnx";
    /** Wall-clock times and the parallelism. */
    public static final String TIMINGS = "timings.json";
    /** What the worker was asked to do. */
    public static final String JOB = "job.json";
    /** What the last complete run was computed from. */
    public static final String FINGERPRINT = "fingerprint.txt";

    /** The files a complete run leaves, besides the two models (absent when the refit failed). */
    public static final List<String> REQUIRED = List.of(RESULTS, CSV, HTML, TIMINGS);
    /** Every file of a run that is moved from the staging directory into the output directory. */
    public static final List<String> PUBLISHED = List.of(JOB, RESULTS, CSV, HTML, MODEL, ONNX, TIMINGS);

    private static final String STAGING = ".staging";

    private OutputFiles() {
    }

    /**
     * Where a run writes its files before they are published into {@code dir}: a subdirectory, so that a
     * move into place stays on one file system and is atomic.
     */
    public static Path staging(Path dir) {
        return dir.resolve(STAGING);
    }
}
