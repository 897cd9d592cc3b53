package dev.lanes.spark;

import dev.lanes.maven.job.WorkerProtocol;
import dev.lanes.maven.worker.Worker;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the job that {@code nn:gridsearch} writes for its worker ({@code job.json}) as a Spark
 * application: the same search, reports and model files as the plugin's local worker, with the fits as
 * Spark tasks. The plugin starts it for {@code <executor>spark</executor>}; on a cluster it is
 * submitted as any Spark application:
 *
 * <pre>
 * spark-submit --master spark://host:7077 --class dev.lanes.spark.SparkJobMain \
 *     --packages dev.lanes:lanes-spark:VERSION lanes-spark-VERSION.jar target/nn/.staging/job.json
 * </pre>
 *
 * <p>Arguments: {@code [--master URL] [--conf key=value]... job.json}. Without {@code --master} the
 * master is the one {@code spark-submit} set ({@code spark.master}).
 */
public final class SparkJobMain {

    private SparkJobMain() {
    }

    /**
     * Runs the job; exits with the plugin's worker exit codes ({@link WorkerProtocol}).
     *
     * @throws IOException          when a file cannot be read or written
     * @throws InterruptedException when interrupted while the search runs
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        SparkConf conf = new SparkConf().setAppName("Lanes nn:gridsearch");
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--master") && i + 1 < args.length) {
                conf.setMaster(args[++i]);
            } else if (args[i].equals("--conf") && i + 1 < args.length && args[i + 1].contains("=")) {
                String kv = args[++i];
                conf.set(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            } else {
                rest.add(args[i]);
            }
        }
        if (rest.size() != 1 || !conf.contains("spark.master")) {
            Worker.userError("Usage: " + SparkJobMain.class.getName() + " [--master URL] [--conf key=value]... <job.json>"
                    + (conf.contains("spark.master") ? "" : " (no Spark master: give --master, or run it with spark-submit)")
                    + "; got " + String.join(" ", args));
            System.exit(WorkerProtocol.EXIT_USER_ERROR);
        }
        int exit;
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("WARN");
            exit = Worker.run(Path.of(rest.get(0)), warnings -> new SparkFitExecutor(sc, warnings));
        }
        System.exit(exit);
    }
}
