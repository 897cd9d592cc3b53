package dev.lanes.maven.worker;

import dev.lanes.data.DataException;
import dev.lanes.maven.job.Formats;
import dev.lanes.maven.job.Job;
import dev.lanes.maven.job.Json;
import dev.lanes.maven.job.WorkerProtocol;
import dev.lanes.maven.report.CompletedSearch;
import dev.lanes.maven.report.Reports;
import dev.lanes.tune.CandidateResult;
import dev.lanes.tune.FitExecutor;
import dev.lanes.tune.SearchResult;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The main class of the JVM the mojo forks for a search: {@code java --add-modules=jdk.incubator.vector
 * -cp <the plugin's artifacts> dev.lanes.maven.worker.Worker job.json}. It runs the search in its own JVM so
 * that the SIMD kernels are on whatever options Maven itself was started with, the toolchain's JDK can
 * be used, and a crash or a hang cannot take the build's JVM with it.
 *
 * <p>It reads the {@link Job}, prints progress as {@link WorkerProtocol} lines, writes the result files
 * and exits with {@link WorkerProtocol#EXIT_OK}; a problem with the data or the configuration is
 * printed as one {@code user-error} message and exits with {@link WorkerProtocol#EXIT_USER_ERROR}; any
 * other exception escapes with its stack trace (exit code {@link WorkerProtocol#EXIT_CRASH}).
 *
 * <p>{@link #run(Path, Function)} is the same worker with the fits run elsewhere, for entry points such
 * as lanes-spark's {@code dev.lanes.spark.SparkJobMain}, which runs a job on a Spark cluster.
 */
public final class Worker {

    private Worker() {
    }

    /**
     * Runs the job in {@code args[0]}.
     *
     * @param args the path of the job file
     * @throws IOException          when a file cannot be read or written (a crash, not a user error)
     * @throws InterruptedException when the worker is interrupted while it waits for the search
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        WorkerLog log = stdoutLog();
        if (args.length != 1) {
            log.userError("Usage: java --add-modules=jdk.incubator.vector -cp <classpath> " + Worker.class.getName()
                    + " <job.json>");
            System.exit(WorkerProtocol.EXIT_USER_ERROR);
        }
        System.exit(run(Path.of(args[0]), log, Optional.empty()));
    }

    /**
     * Runs the job in {@code jobFile} as {@link #main} does, with its cross-validation fits on the
     * executor that {@code executor} makes (given where its warnings go), and returns the exit code.
     *
     * @throws IOException          when a file cannot be read or written
     * @throws InterruptedException when the worker is interrupted while it waits for the search
     */
    public static int run(Path jobFile, Function<Consumer<String>, FitExecutor> executor)
            throws IOException, InterruptedException {
        WorkerLog log = stdoutLog();
        return run(jobFile, log, Optional.of(executor.apply(log::warn)));
    }

    /** Sends a user error as {@link #main} does, for entry points that check their own arguments. */
    public static void userError(String message) {
        stdoutLog().userError(message);
    }

    private static WorkerLog stdoutLog() {
        return new WorkerLog(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
    }

    /** Runs one job, its fits on {@code executor} or on this JVM's threads, and returns the exit code. */
    static int run(Path jobFile, WorkerLog log, Optional<FitExecutor> executor) throws IOException, InterruptedException {
        Job job = Json.MAPPER.readValue(jobFile.toFile(), Job.class);
        CompletedSearch outcome;
        try {
            JobSearch runner = JobSearch.prepare(job);
            log.info(runner.summary(executor));
            outcome = runner.run(log, executor);
        } catch (DataException | IllegalArgumentException e) {
            // The core library describes these for the user; a stack trace would only hide the message.
            log.userError(e.getMessage());
            return WorkerProtocol.EXIT_USER_ERROR;
        }
        warnings(outcome.result(), log);
        Path dir = Path.of(job.outputDirectory());
        Files.createDirectories(dir);
        Reports.write(job, outcome, dir);
        return WorkerProtocol.EXIT_OK;
    }

    /** What the user should know about a search that ran: notes, failed fits, a failed refit. */
    private static void warnings(SearchResult result, WorkerLog log) {
        for (String note : result.notes()) {
            log.info("Note: " + note);
        }
        List<CandidateResult> failed = result.candidates().stream().filter(c -> !c.ok()).toList();
        if (!failed.isEmpty()) {
            CandidateResult first = failed.get(0);
            log.warn(failed.size() + " of " + result.candidates().size() + " candidates have a fit that failed or "
                    + "diverged: they score NaN and rank last (see the status in gridsearch.json). The first, candidate "
                    + first.index() + " " + Formats.params(first.paramTexts()) + ": " + first.problems().get(0));
        }
        result.refitProblem().ifPresent(p -> log.warn("No best-model.lanes: " + p));
    }
}
