package dev.lanes.data;

/**
 * A problem with the user's data, described for the user: the file, and where it applies the line,
 * the column and the offending value, and what would be valid. Messages are complete sentences meant
 * to be shown as they are, without a stack trace.
 */
public class DataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A problem described by {@code message}. */
    public DataException(String message) {
        super(message);
    }

    /** A problem described by {@code message}, caused by {@code cause}. */
    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
