package dev.lanes.maven;

import dev.lanes.maven.job.Job;
import dev.lanes.maven.job.Json;
import dev.lanes.maven.job.OutputFiles;
import dev.lanes.maven.job.Sha256;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a search's results were computed from: the data file's bytes (SHA-256), the effective data and
 * search configuration, the plugin's version, the java executable and the worker's JVM options (they
 * can change the kernels). The parallelism, the timeout and the gate's thresholds are left out: the
 * results do not depend on them. Stored as readable text in {@code fingerprint.txt} after a complete
 * run; the next run with the same text reuses the results.
 */
final class Fingerprint {

    private final String text;

    private Fingerprint(String text) {
        this.text = text;
    }

    /** The fingerprint of running {@code job} on a file with digest {@code datasetSha256}. */
    static Fingerprint of(Job job, String datasetSha256, String java, List<String> jvmArgs) {
        Map<String, Object> effective = new LinkedHashMap<>();
        effective.put("data", job.data());
        effective.put("search", job.search());
        String config;
        try {
            config = Json.MAPPER.writeValueAsString(effective);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The job cannot be written as JSON", e);
        }
        return new Fingerprint("# nn:gridsearch computed the results in this directory from the following; when all of "
                + "it is unchanged the next build reuses them (-Dnn.force=true reruns).\n"
                + "plugin-version: " + job.pluginVersion() + "\n"
                + "dataset-sha256: " + datasetSha256 + "\n"
                + "java: " + java + "\n"
                + "jvm-args: " + String.join(" ", jvmArgs) + "\n"
                + "configuration-sha256: " + Sha256.ofText(config) + "\n"
                + "configuration: " + config + "\n");
    }

    /** Whether {@code dir} holds a complete run computed from this fingerprint. */
    boolean matches(Path dir) throws IOException {
        Path file = dir.resolve(OutputFiles.FINGERPRINT);
        return Files.isRegularFile(file) && OutputFiles.complete(dir)
                && Files.readString(file, StandardCharsets.UTF_8).equals(text);
    }

    /** Records that {@code dir} now holds a complete run computed from this fingerprint. */
    void write(Path dir) throws IOException {
        Files.writeString(dir.resolve(OutputFiles.FINGERPRINT), text, StandardCharsets.UTF_8);
    }
}
