package dev.lanes.maven.worker;

import dev.lanes.maven.job.WorkerProtocol;

import java.io.PrintStream;

/** The worker's side of {@link WorkerProtocol}: messages for the mojo to relay, one line each. */
final class WorkerLog {

    private final PrintStream out;

    WorkerLog(PrintStream out) {
        this.out = out;
    }

    void info(String text) {
        send(WorkerProtocol.Kind.INFO, text);
    }

    void warn(String text) {
        send(WorkerProtocol.Kind.WARN, text);
    }

    void userError(String text) {
        send(WorkerProtocol.Kind.USER_ERROR, text);
    }

    private void send(WorkerProtocol.Kind kind, String text) {
        // One println per message, so that lines of different threads never interleave.
        out.println(WorkerProtocol.encode(kind, text));
        out.flush();
    }
}
