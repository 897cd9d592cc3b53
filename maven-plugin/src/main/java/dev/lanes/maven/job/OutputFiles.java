package dev.lanes.maven.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The files of the output directory ({@code target/nn/} by default) and which of them are reproducible.
 *
 * <p>{@link #RESULTS}, {@link #CSV}, {@link #HTML} and {@link #MODEL} depend only on the data, the
 * configuration, the JDK and the SIMD kernels: the same seed, data and grid give the same bytes whatever
 * the parallelism. {@link #TIMINGS} holds everything measured by the clock. {@link #JOB} is the worker's
 * input and {@link #FINGERPRINT} the up-to-date check's record.
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
    /** Wall-clock times and the parallelism. */
    public static final String TIMINGS = "timings.json";
    /** What the worker was asked to do. */
    public static final String JOB = "job.json";
    /** What the last complete run was computed from. */
    public static final String FINGERPRINT = "fingerprint.txt";

    /** The files a complete run leaves, besides the model (absent when the refit failed). */
    public static final List<String> REQUIRED = List.of(RESULTS, CSV, HTML, TIMINGS);

    private OutputFiles() {
    }

    /** Deletes the results of an earlier run, so that a failed run leaves none that look current. */
    public static void clear(Path dir) throws IOException {
        for (String name : List.of(FINGERPRINT, RESULTS, CSV, HTML, MODEL, TIMINGS)) {
            Files.deleteIfExists(dir.resolve(name));
        }
    }

    /** Whether every file of a complete run is there. */
    public static boolean complete(Path dir) {
        return REQUIRED.stream().allMatch(name -> Files.isRegularFile(dir.resolve(name)));
    }
}
