package dev.lanes.spark;

import dev.lanes.tune.SearchFits;

import org.apache.spark.SparkConf;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on 127.0.0.1: a master and workers, each a JVM of its own started from
 * Spark's jars (the test's class path, linked into {@code SPARK_HOME/jars} as a distribution has them),
 * stopped by their PIDs with every executor they started.
 */
final class StandaloneCluster implements AutoCloseable {

    /** Only a guard against a hang: a JVM that starts at all is up in seconds. */
    private static final long START_GUARD_SECONDS = 180;
    private static final Pattern MASTER_URL = Pattern.compile("Starting Spark master at (spark://\\S+)");

    private final Path home;
    private final List<Process> processes = new ArrayList<>();
    private final List<Process> workers = new ArrayList<>();
    private final String masterUrl;

    /** Starts a master and {@code workers} workers of {@code coresEach} cores, and waits until all have registered. */
    StandaloneCluster(Path dir, int workers, int coresEach) throws IOException, InterruptedException {
        this.home = dir.resolve("spark-home");
        deleteRecursively(dir);
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String entry : classPath()) {
            Path p = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(p) && !Files.exists(jars.resolve(p.getFileName()))) {
                Files.createSymbolicLink(jars.resolve(p.getFileName()), p.toAbsolutePath());
            }
        }
        try {
            Path masterLog = dir.resolve("master.log");
            start(masterLog, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", "0",
                    "--webui-port", "0");
            Matcher m = await(masterLog, MASTER_URL);
            this.masterUrl = m.group(1);
            for (int w = 0; w < workers; w++) {
                Path workerLog = dir.resolve("worker-" + w + ".log");
                this.workers.add(start(workerLog, "org.apache.spark.deploy.worker.Worker", masterUrl, "--host", "127.0.0.1",
                        "--cores", Integer.toString(coresEach), "--memory", "2g", "--webui-port", "0",
                        "--work-dir", Files.createDirectories(dir.resolve("work-" + w)).toString()));
                await(workerLog, Pattern.compile("Successfully registered with master"));
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** {@code spark://127.0.0.1:PORT}. */
    String masterUrl() {
        return masterUrl;
    }

    /**
     * An application on this cluster whose driver is this JVM: executors of one core, at most two, which
     * load core and this module from where this JVM loaded them, as a user's jars would be shipped.
     */
    SparkConf application(String name, String executorMemory) {
        return new SparkConf().setMaster(masterUrl).setAppName(name)
                .set("spark.driver.host", "127.0.0.1").set("spark.ui.enabled", "false")
                .set("spark.executor.cores", "1").set("spark.cores.max", "2").set("spark.executor.memory", executorMemory)
                .set("spark.executor.extraClassPath", location(SearchFits.class) + File.pathSeparator
                        + location(SparkFitExecutor.class));
    }

    /** Where a class was loaded from: a jar, or a build's classes directory. */
    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JVMs of the executors running now, the workers' children. */
    List<ProcessHandle> executors() {
        return workers.stream().flatMap(Process::descendants)
                .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend")).toList();
    }

    private Process start(Path log, String mainClass, String... args) throws IOException {
        List<String> command = java(home.resolve("jars") + File.separator + "*", mainClass, args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    /** A command that runs {@code mainClass} in a JVM like this one, with Spark's module options. */
    static List<String> java(String classPath, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(Arrays.asList(System.getProperty("lanes.spark.jvm.flags", "").trim().split("\\s+")));
        command.addAll(List.of("-Xmx512m", "-cp", classPath, mainClass));
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** This test JVM's class path: Spark, Lanes and the tests. */
    static String testClassPath() {
        return String.join(File.pathSeparator, classPath());
    }

    /** Waits for a line matching {@code pattern} in {@code log}. */
    private Matcher await(Path log, Pattern pattern) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_GUARD_SECONDS);
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            Matcher m = pattern.matcher(text);
            if (m.find()) {
                return m;
            }
            Optional<Process> dead = processes.stream().filter(p -> !p.isAlive()).findFirst();
            if (dead.isPresent()) {
                throw new IllegalStateException("a cluster JVM exited with " + dead.get().exitValue() + ":\n" + text);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException("no '" + pattern + "' in " + log + " within " + START_GUARD_SECONDS + " s");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static List<String> classPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.asList(cp.split(File.pathSeparator));
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : processes) {
            try {
                p.waitFor(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
