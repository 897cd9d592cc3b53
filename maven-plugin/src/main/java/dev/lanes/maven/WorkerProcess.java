package dev.lanes.maven;

import dev.lanes.maven.job.WorkerProtocol;

import org.apache.maven.plugin.logging.Log;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the worker JVM and relays what it says: {@link WorkerProtocol} messages go to the Maven log as
 * they arrive, other lines to the debug log; the last lines of both kinds are kept to explain a crash.
 * A timeout or an interrupted build kills the worker and everything it started.
 */
final class WorkerProcess {

    /** Enough of a stack trace to see where it broke. */
    static final int LAST_LINES = 25;

    /**
     * How the worker ended.
     *
     * @param exitCode  its exit code (meaningless when timed out)
     * @param timedOut  whether it was killed for taking too long
     * @param userError the user-error message it sent, if any
     * @param lastLines the last lines it printed, oldest first
     */
    record Result(int exitCode, boolean timedOut, Optional<String> userError, List<String> lastLines) {
    }

    private WorkerProcess() {
    }

    /**
     * Starts {@code command} in {@code directory} and waits for it, at most {@code timeoutSeconds}
     * seconds (0 = no limit).
     *
     * @throws IOException          when the process cannot be started
     * @throws InterruptedException when the build is interrupted (the worker is killed first)
     */
    static Result run(List<String> command, File directory, int timeoutSeconds, Log log)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory).redirectErrorStream(true).start();
        process.getOutputStream().close();
        // A build stopped with Ctrl-C must not leave a search running in the background.
        Thread killer = new Thread(() -> kill(process), "nn-worker-killer");
        Runtime.getRuntime().addShutdownHook(killer);
        Deque<String> last = new ArrayDeque<>();
        String[] userError = new String[1];
        Thread relay = new Thread(() -> relay(process, log, last, userError), "nn-worker-output");
        relay.setDaemon(true);
        relay.start();
        boolean timedOut = false;
        try {
            if (timeoutSeconds > 0) {
                timedOut = !process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
                if (timedOut) {
                    kill(process);
                }
            }
            process.waitFor();
            // The pipe closes when the worker and its children are gone; the limit only guards against a hang.
            relay.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already exiting: the hook runs anyway and kills the worker.
            }
        }
        synchronized (last) {
            return new Result(process.exitValue(), timedOut, Optional.ofNullable(userError[0]), new ArrayList<>(last));
        }
    }

    private static void relay(Process process, Log log, Deque<String> last, String[] userError) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                Optional<WorkerProtocol.Message> message = WorkerProtocol.decode(line);
                if (message.isPresent()) {
                    WorkerProtocol.Message m = message.get();
                    switch (m.kind()) {
                        case INFO -> log.info(m.text());
                        case WARN -> log.warn(m.text());
                        case USER_ERROR -> userError[0] = m.text();
                    }
                } else {
                    log.debug("[worker] " + line);
                }
                synchronized (last) {
                    last.addLast(message.map(WorkerProtocol.Message::text).orElse(line));
                    if (last.size() > LAST_LINES) {
                        last.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            log.debug("Reading the worker's output stopped: " + e.getMessage());
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
