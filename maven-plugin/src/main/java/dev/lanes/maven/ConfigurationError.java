package dev.lanes.maven;

/**
 * A mistake in the plugin's configuration, described for the user in one paragraph that is shown as it
 * is, without a stack trace. The mojo turns it into a {@code MojoExecutionException}; it is unchecked so
 * that the parsing code stays free of Maven types and is tested on its own.
 */
final class ConfigurationError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ConfigurationError(String message) {
        super(message);
    }
}
