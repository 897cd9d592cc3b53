package dev.lanes.maven.job;

import java.util.Optional;

/**
 * How the worker talks to the mojo: its exit code, and lines on standard output of the form
 * {@code [nn:info] text}, {@code [nn:warn] text} or {@code [nn:user-error] text}, the text on one line
 * (line breaks and backslashes escaped). Any other line (a JVM warning, a stack trace) is not a message:
 * the mojo keeps the last of them to explain a crash.
 */
public final class WorkerProtocol {

    /** The search ran and every result file is written. */
    public static final int EXIT_OK = 0;
    /** Something broke; what the worker printed last says what (an uncaught exception's stack trace). */
    public static final int EXIT_CRASH = 1;
    /** The configuration or the data is wrong; the {@link Kind#USER_ERROR} message says how. */
    public static final int EXIT_USER_ERROR = 2;

    /** What a message is. */
    public enum Kind {
        /** Progress and summaries, for the build log. */
        INFO("info"),
        /** Something the user should look at; the search goes on. */
        WARN("warn"),
        /** The paragraph explaining a user error, sent just before exiting with {@link #EXIT_USER_ERROR}. */
        USER_ERROR("user-error");

        private final String tag;

        Kind(String tag) {
            this.tag = tag;
        }
    }

    /** One decoded message. */
    public record Message(Kind kind, String text) {
    }

    private WorkerProtocol() {
    }

    /** The line that carries {@code text} as a {@code kind} message. */
    public static String encode(Kind kind, String text) {
        return "[nn:" + kind.tag + "] " + text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
    }

    /** The message a worker line carries, empty for a line that is not one. */
    public static Optional<Message> decode(String line) {
        for (Kind kind : Kind.values()) {
            String prefix = "[nn:" + kind.tag + "] ";
            if (line.startsWith(prefix)) {
                return Optional.of(new Message(kind, unescape(line.substring(prefix.length()))));
            }
        }
        return Optional.empty();
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
