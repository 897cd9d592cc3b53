package dev.lanes.spark;

import dev.lanes.data.Dataset;
import dev.lanes.maven.job.Job;
import dev.lanes.maven.job.Json;
import dev.lanes.maven.job.OutputFiles;
import dev.lanes.maven.worker.Worker;
import dev.lanes.tune.Search;
import dev.lanes.tune.SearchResult;
import dev.lanes.tune.SearchSpec;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference subset on a real Spark standalone cluster on this machine, a master and two workers,
 * each a JVM of its own, with one executor of one core on each worker: the local search's result, bit for bit, also when an executor's JVM
 * is killed in the middle of the search.
 */
class ClusterTest {

    /** Only a guard against a hang. */
    private static final long GUARD_SECONDS = 300;

    /** In the build directory, where its logs stay to be read, and not a temporary one: it links to the jars. */
    static final Path dir = Path.of("target", "spark-cluster");
    static StandaloneCluster cluster;
    static JavaSparkContext sc;
    static Dataset data;
    static String localBits;
    static final AtomicInteger removedExecutors = new AtomicInteger();

    @BeforeAll
    static void startCluster() throws Exception {
        data = ReferenceSubset.california();
        localBits = ReferenceSubset.bits(Search.run(data, ReferenceSubset.grid()));
        // Two cores per worker: one for this test's application, one for the application it submits.
        cluster = new StandaloneCluster(dir.toAbsolutePath(), 2, 2);
        sc = new JavaSparkContext(cluster.application("lanes-cluster-test", "1g"));
        sc.sc().addSparkListener(new SparkListener() {
            @Override
            public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
                removedExecutors.incrementAndGet();
            }
        });
        awaitExecutors(2);
    }

    @AfterAll
    static void stopCluster() {
        if (sc != null) {
            sc.stop();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static void awaitExecutors(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
        // The driver counts itself among the block managers.
        while (sc.sc().getExecutorMemoryStatus().size() < n + 1) {
            assertTrue(System.nanoTime() < deadline, "no " + n + " executors within " + GUARD_SECONDS + " s");
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    @Test
    void theReferenceSubsetOnTwoWorkersIsTheLocalSearchBitForBit() throws InterruptedException {
        awaitExecutors(2);
        SparkFitExecutor executor = new SparkFitExecutor(sc, message -> { });
        SearchResult result = Search.run(data, ReferenceSubset.grid(), p -> { }, executor);
        assertEquals(localBits, ReferenceSubset.bits(result));
        assertTrue(executor.executorKernels().size() >= 2, "fits ran on both executors: " + executor.executorKernels());
        executor.executorKernels().forEach((id, kernels) ->
                assertTrue(kernels.startsWith("panama"), "executor " + id + " runs SIMD kernels, which Spark 4's "
                        + "launcher enables: " + kernels));
    }

    @Test
    void anExecutorKilledInTheMiddleOfTheSearchChangesNothing() throws InterruptedException {
        awaitExecutors(2);
        int removedBefore = removedExecutors.get();
        AtomicReference<ProcessHandle> killed = new AtomicReference<>();
        SearchSpec spec = ReferenceSubset.grid();
        SearchResult result = Search.run(data, spec, p -> {
            // After the first fit, while the other 23 wait or run: a machine lost, as far as Spark can tell.
            if (killed.get() == null) {
                List<ProcessHandle> executors = cluster.executors();
                assertTrue(!executors.isEmpty(), "the workers run executors");
                killed.set(executors.get(0));
                executors.get(0).destroyForcibly();
            }
        }, new SparkFitExecutor(sc, message -> { }));
        assertTrue(killed.get() != null && !killed.get().isAlive());
        assertEquals(localBits, ReferenceSubset.bits(result));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
        // Spark's listener bus is asynchronous: the removal may be posted a moment after the job ended.
        while (removedExecutors.get() == removedBefore) {
            assertTrue(System.nanoTime() < deadline, "Spark saw the executor go");
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /**
     * The job the plugin writes for its worker, submitted with {@code spark-submit} (its main class,
     * {@code SparkSubmit}, in a JVM of its own) to the cluster, writes the files of the plugin's local
     * worker, byte for byte.
     */
    @Test
    void aPluginJobSubmittedWithSparkSubmitWritesTheLocalWorkersFiles() throws Exception {
        awaitExecutors(2);
        Path work = Files.createDirectories(dir.toAbsolutePath().resolve("submit"));
        String csv = Path.of("../examples/california-housing/data/california_housing.csv").toAbsolutePath().normalize().toString();
        for (String run : List.of("local", "spark")) {
            Job job = new Job("test", new Job.Data(csv, "median_house_value", List.of(), List.of("total_bedrooms", "ocean_proximity"),
                    null, "error", List.of()),
                    new Job.Search("grid", null, List.of(Map.of("hidden_layers", List.of("16", "16,8"), "epochs", List.of("2"),
                            "batch_size", List.of("256"))), 3, 1, 42, "rmse", List.of("r2"), false, "standard", "standard", null),
                    2, work.resolve(run).toString());
            Path jobFile = work.resolve(run + "-job.json");
            Json.write(job, jobFile);
            List<String> command = run.equals("local")
                    ? StandaloneCluster.java(StandaloneCluster.testClassPath(), Worker.class.getName(), jobFile.toString())
                    : StandaloneCluster.java(StandaloneCluster.testClassPath(), "org.apache.spark.deploy.SparkSubmit",
                    "--master", cluster.masterUrl(), "--deploy-mode", "client", "--class", SparkJobMain.class.getName(),
                    "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.ui.enabled=false",
                    "--conf", "spark.cores.max=2", "--conf", "spark.executor.cores=1", "--conf", "spark.executor.memory=1g",
                    "--conf", "spark.executor.extraClassPath=" + sc.getConf().get("spark.executor.extraClassPath"),
                    "spark-internal", jobFile.toString());
            Path log = work.resolve(run + ".log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                assertTrue(p.waitFor(GUARD_SECONDS, TimeUnit.SECONDS), run + " ran longer than the hang guard");
            } finally {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            assertEquals(0, p.exitValue(), run + " failed:\n" + Files.readString(log));
        }
        assertTrue(Files.readString(work.resolve("spark.log")).contains("fits on Spark " + cluster.masterUrl()));
        for (String file : List.of(OutputFiles.RESULTS, OutputFiles.CSV, OutputFiles.HTML, OutputFiles.MODEL)) {
            assertArrayEquals(Files.readAllBytes(work.resolve("local").resolve(file)),
                    Files.readAllBytes(work.resolve("spark").resolve(file)), file);
        }
    }
}
