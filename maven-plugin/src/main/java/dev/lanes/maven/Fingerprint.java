package dev.lanes.maven;

import dev.lanes.maven.job.Job;
import dev.lanes.maven.job.Json;
import dev.lanes.maven.job.OutputFiles;
import dev.lanes.maven.job.Sha256;
import dev.lanes.tune.Search;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a search's results were computed from: the data file's bytes (SHA-256), the effective data and
 * search configuration, the plugin's version and the SHA-256 of its code (the plugin's and core's jars, so
 * that a rebuilt snapshot of the same version does not reuse results it would write otherwise), the
 * java executable and the worker's JVM options (they can change the kernels). The parallelism, the timeout and the gate's thresholds are left out: the
 * results do not depend on them. Stored as readable text in {@code fingerprint.txt} after a complete
 * run, followed by the SHA-256 of each result file ({@link Publication} writes it last); the next run
 * with the same text reuses the results if every file is still the one recorded.
 */
final class Fingerprint {

    private static final Pattern FILE_LINE = Pattern.compile("sha256: ([0-9a-f]{64}) (\\S+)");

    private final String text;

    /** A fingerprint of the given text; {@link #of} is how a build makes one. */
    Fingerprint(String text) {
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
                + "code-sha256: " + codeSha256() + "\n"
                + "dataset-sha256: " + datasetSha256 + "\n"
                + "java: " + java + "\n"
                + "jvm-args: " + String.join(" ", jvmArgs) + "\n"
                + "configuration-sha256: " + Sha256.ofText(config) + "\n"
                + "configuration: " + config + "\n");
    }

    /** The SHA-256 of the jars the plugin and core were loaded from; {@code unpackaged} for a class directory. */
    private static String codeSha256() {
        List<String> digests = new ArrayList<>();
        for (Class<?> c : List.of(Fingerprint.class, Search.class)) {
            CodeSource source = c.getProtectionDomain().getCodeSource();
            try {
                Path jar = source == null ? null : Path.of(source.getLocation().toURI());
                digests.add(jar == null ? "unknown" : Files.isRegularFile(jar) ? Sha256.ofFile(jar) : "unpackaged");
            } catch (URISyntaxException | IOException e) {
                digests.add("unknown");
            }
        }
        return String.join(" ", digests);
    }

    /**
     * Whether {@code dir} holds a complete run computed from this fingerprint: the recorded fingerprint
     * has the same text, and the result files present are exactly those it lists, with their SHA-256.
     */
    boolean matches(Path dir) throws IOException {
        Path file = dir.resolve(OutputFiles.FINGERPRINT);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        String recorded = Files.readString(file, StandardCharsets.UTF_8);
        if (!recorded.startsWith(text)) {
            return false;
        }
        Map<String, String> listed = new LinkedHashMap<>();
        for (String line : recorded.substring(text.length()).split("\n")) {
            Matcher m = FILE_LINE.matcher(line);
            if (!m.matches()) {
                return false;
            }
            listed.put(m.group(2), m.group(1));
        }
        if (!listed.keySet().containsAll(OutputFiles.REQUIRED) || !listed.keySet().equals(present(dir).keySet())) {
            return false;
        }
        for (Map.Entry<String, String> e : listed.entrySet()) {
            if (!Sha256.ofFile(dir.resolve(e.getKey())).equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** The fingerprint file's text for the run now in {@code dir}: this text, then each result file's SHA-256. */
    String record(Path dir) throws IOException {
        StringBuilder out = new StringBuilder(text);
        for (Map.Entry<String, Path> e : present(dir).entrySet()) {
            out.append("sha256: ").append(Sha256.ofFile(e.getValue())).append(' ').append(e.getKey()).append('\n');
        }
        return out.toString();
    }

    private static Map<String, Path> present(Path dir) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (String name : OutputFiles.PUBLISHED) {
            if (Files.isRegularFile(dir.resolve(name))) {
                files.put(name, dir.resolve(name));
            }
        }
        return files;
    }
}
