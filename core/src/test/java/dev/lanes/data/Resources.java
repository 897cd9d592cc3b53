package dev.lanes.data;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Paths of the test resources, as the files the tests load. */
final class Resources {

    private Resources() {
    }

    /** The test resource {@code name} (e.g. {@code "csv/ragged_short.csv"}) as a file path. */
    static Path path(String name) {
        URL url = Resources.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file in the CSV corpus. */
    static Path csv(String name) {
        return path("csv/" + name);
    }
}
