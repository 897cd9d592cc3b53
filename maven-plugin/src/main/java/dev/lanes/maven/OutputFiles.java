package dev.lanes.maven;

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
final class OutputFiles {

    /** All results, the best candidate, the set-up and the environment. */
    static final String RESULTS = "gridsearch.json";
    /** One row per candidate, scikit-learn column names. */
    static final String CSV = "gridsearch.csv";
    /** The human-readable report. */
    static final String HTML = "report.html";
    /** The best candidate refitted on all rows, with its scalers. */
    static final String MODEL = "best-model.lanes";
    /** Wall-clock times and the parallelism. */
    static final String TIMINGS = "timings.json";
    /** What the worker was asked to do. */
    static final String JOB = "job.json";
    /** What the last complete run was computed from. */
    static final String FINGERPRINT = "fingerprint.txt";

    /** The files a complete run leaves, besides the model (absent when the refit failed). */
    static final List<String> REQUIRED = List.of(RESULTS, CSV, HTML, TIMINGS);

    private OutputFiles() {
    }

    /** Deletes the results of an earlier run, so that a failed run leaves none that look current. */
    static void clear(Path dir) throws IOException {
        for (String name : List.of(FINGERPRINT, RESULTS, CSV, HTML, MODEL, TIMINGS)) {
            Files.deleteIfExists(dir.resolve(name));
        }
    }

    /** Whether every file of a complete run is there. */
    static boolean complete(Path dir) {
        return REQUIRED.stream().allMatch(name -> Files.isRegularFile(dir.resolve(name)));
    }
}
