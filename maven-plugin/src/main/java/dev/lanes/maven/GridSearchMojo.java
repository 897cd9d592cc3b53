package dev.lanes.maven;

import dev.lanes.base.Suggestions;
import dev.lanes.maven.job.Formats;
import dev.lanes.maven.job.Job;
import dev.lanes.maven.job.Json;
import dev.lanes.maven.job.OutputFiles;
import dev.lanes.maven.job.Sha256;
import dev.lanes.maven.job.WorkerProtocol;
import dev.lanes.maven.worker.Worker;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a cross-validated hyperparameter search of a neural-network regressor on a CSV file declared in
 * the POM, writes its reports to {@code target/nn/} and checks the best score against the configured
 * gate: a model quality gate for the build, as {@code jacoco:check} is for coverage.
 *
 * <p>The search runs in a forked JVM (the build's toolchain JDK, else the one running Maven) started
 * with {@code --add-modules=jdk.incubator.vector}, so the SIMD kernels are on whatever {@code MAVEN_OPTS}
 * say. When the data file, the configuration and the plugin version are unchanged since the last
 * complete run, its results are reused ({@code -Dnn.force=true} reruns). A violated rule fails the build
 * ({@code MojoFailureException}) unless {@code failOnViolation} is false; a run that cannot complete
 * (bad configuration, bad data, crashed or timed-out worker) is a {@code MojoExecutionException} with
 * one paragraph saying why.
 */
@Mojo(name = "gridsearch", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class GridSearchMojo extends AbstractMojo {

    /** Rows of the top table in the log. */
    private static final int TOP = 5;

    /**
     * The data set: {@code <file>} (required, relative to the project), {@code <target>} (required),
     * {@code <include>}/{@code <exclude>} (columns, comma-separated or as child elements),
     * {@code <delimiter>} (detected by default), {@code <missing>} ({@code error}, {@code drop_row} or
     * {@code mean}; default {@code error}) and {@code <categorical>} (columns to one-hot encode).
     * Required, but not declared so: an aggregator ({@code pom} packaging with modules) run from the
     * command line has none, and is skipped.
     */
    @Parameter
    private DatasetConfig dataset;

    /**
     * The grid: one element per hyperparameter, its values separated by {@code |}, e.g.
     * {@code <hidden_layers>64|64,32</hidden_layers><learning_rate>0.001|0.01</learning_rate>}; a single
     * value fixes the parameter. For a random search a value may be a distribution such as
     * {@code log_uniform(1e-4, 1e-2)}. Use {@link #grids} instead for a union of grids.
     */
    @Parameter
    private Map<String, String> grid;

    /** Several grids, searched one after the other: {@code <grids><grid>...</grid><grid>...</grid></grids>}. */
    @Parameter
    private List<Map<String, String>> grids;

    /** {@code grid} (every combination) or {@code random} ({@link #nIter} draws, seeded). */
    @Parameter(property = "nn.search", defaultValue = "grid")
    private String search;

    /**
     * Successive halving instead of fitting every candidate fully, as scikit-learn's
     * {@code HalvingGridSearchCV}: {@code <resource>} ({@code epochs} or {@code n_samples}, required),
     * {@code <factor>} (default 3), {@code <minResources>} (a number, {@code exhaust} or
     * {@code smallest}; default {@code exhaust}), {@code <maxResources>} (a number or {@code auto}) and
     * {@code <aggressiveElimination>}.
     */
    @Parameter
    private HalvingConfig halving;

    /** Candidates drawn by a random search. */
    @Parameter(property = "nn.nIter")
    private Integer nIter;

    /** k of the shuffled K-fold cross-validation, at least 2. */
    @Parameter(property = "nn.folds", defaultValue = "3")
    private int folds;

    /**
     * How many times the K-fold split is made, each time shuffled anew (repeated K-fold): every candidate
     * is fitted on {@code repeats x folds} splits, which narrows the spread of its mean score.
     */
    @Parameter(property = "nn.repeats", defaultValue = "1")
    private int repeats;

    /** Seeds the fold shuffle, the random draws and every fit: the same seed gives the same results. */
    @Parameter(property = "nn.seed", defaultValue = "42")
    private long seed;

    /**
     * What ranks the candidates and picks the best: {@code mse}, {@code rmse}, {@code mae}, {@code mape},
     * {@code msle}, {@code max_error}, {@code median_absolute_error} (lower is better), {@code r2} or
     * {@code explained_variance} (higher is better).
     */
    @Parameter(property = "nn.scoring", defaultValue = "mse")
    private String scoring;

    /**
     * Metrics reported beside mse, rmse, mae and r2 (which every search reports), comma-separated, e.g.
     * {@code mape,msle}. Every split is scored on all of them from the same fit.
     */
    @Parameter(property = "nn.metrics")
    private String metrics;

    /** Also score every fit on its own training rows ({@code mean_train_score}, ...), as scikit-learn's option. */
    @Parameter(property = "nn.returnTrainScore", defaultValue = "false")
    private boolean returnTrainScore;

    /** Fits trained at once; default: the available processors. The results do not depend on it. */
    @Parameter(property = "nn.parallelism")
    private Integer parallelism;

    /**
     * Where the fits run: {@code local}, on {@code parallelism} threads of the worker JVM, or
     * {@code spark}, as tasks of a Spark application that the worker drives (artifact
     * {@code dev.lanes:lanes-spark}, resolved at the plugin's version). The results are the same.
     */
    @Parameter(property = "nn.executor", defaultValue = "local")
    private String executor;

    /**
     * With {@code <executor>spark</executor>}: the Spark master, e.g. {@code spark://host:7077}, or
     * {@code local[N]} for Spark inside the worker JVM; default {@code local[parallelism]}.
     */
    @Parameter(property = "nn.sparkMaster")
    private String sparkMaster;

    /**
     * With {@code <executor>spark</executor>}: Spark settings, e.g.
     * {@code <spark.executor.memory>2g</spark.executor.memory>}.
     */
    @Parameter
    private Map<String, String> sparkConf;

    /** Scaling of the features, fitted on each fit's training rows: {@code standard}, {@code minmax} or {@code none}. */
    @Parameter(property = "nn.featureScaling", defaultValue = "standard")
    private String featureScaling;

    /** Scaling of the target, likewise; scores are always in the target's own units. */
    @Parameter(property = "nn.targetScaling", defaultValue = "standard")
    private String targetScaling;

    /** Gate: the best candidate's mean cross-validated MSE must not be above this. */
    @Parameter(property = "nn.maxMse")
    private Double maxMse;

    /** Gate: the best candidate's mean cross-validated RMSE must not be above this. */
    @Parameter(property = "nn.maxRmse")
    private Double maxRmse;

    /** Gate: the best candidate's mean cross-validated MAE must not be above this. */
    @Parameter(property = "nn.maxMae")
    private Double maxMae;

    /** Gate: the best candidate's mean cross-validated R² must not be below this (at most 1). */
    @Parameter(property = "nn.minR2")
    private Double minR2;

    /**
     * Gate: the {@code gridsearch.json} of an accepted earlier run, kept in the project; the best score
     * may be worse than its best score by at most {@link #maxRegressionPercent}.
     */
    @Parameter(property = "nn.baseline")
    private File baseline;

    /** How much worse than the baseline's best score still passes, in percent of it (default 0). */
    @Parameter(property = "nn.maxRegressionPercent")
    private Double maxRegressionPercent;

    /**
     * Gate: more rules, each on one metric with its own bounds and severity; see {@link RuleConfig}.
     * A rule on a metric other than mse, rmse, mae and r2 needs that metric in {@code metrics}.
     */
    @Parameter
    private List<RuleConfig> rules;

    /**
     * Gate: accept a baseline made from another data set or target, with a warning, when the data changed
     * on purpose; otherwise such a baseline is an ERROR.
     */
    @Parameter(property = "nn.dataChanged", defaultValue = "false")
    private boolean dataChanged;

    /** Whether a violated rule fails the build; false only warns, whatever each rule's severity. */
    @Parameter(property = "nn.failOnViolation", defaultValue = "true")
    private boolean failOnViolation;

    /** Skips the goal. */
    @Parameter(property = "nn.skip", defaultValue = "false")
    private boolean skip;

    /** Reruns the search even when the results in the output directory are up to date. */
    @Parameter(property = "nn.force", defaultValue = "false")
    private boolean force;

    /** Options for the worker JVM, separated by blanks, e.g. {@code -Xmx2g}; added after the plugin's own. */
    @Parameter(property = "nn.jvmArgs")
    private String jvmArgs;

    /** Seconds the worker may run before it is killed and the build fails; 0 = no limit. */
    @Parameter(property = "nn.timeout", defaultValue = "0")
    private int timeout;

    /** Where the reports, the model and the fingerprint go. */
    @Parameter(property = "nn.outputDirectory", defaultValue = "${project.build.directory}/nn")
    private File outputDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    @Component
    private ToolchainManager toolchainManager;

    @Component
    private RepositorySystem repositorySystem;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping nn:gridsearch (nn.skip is true)");
            return;
        }
        if ("pom".equals(project.getPackaging()) && !project.getModules().isEmpty()) {
            // The goal runs in each module that configures it; a standalone pom-packaged project is searched.
            getLog().info("Skipping nn:gridsearch: " + project.getArtifactId() + " is an aggregator of "
                    + project.getModules().size() + " modules, which run the goal themselves where it is configured");
            return;
        }
        Path basedir = project.getBasedir().toPath();
        Gate gate;
        Job job;
        Optional<SparkLaunch> launch;
        try {
            job = new Job(plugin.getVersion(), JobFactory.data(dataset, basedir),
                    JobFactory.search(search, nIter, grid, grids, folds, repeats, seed, scoring, metrics,
                            returnTrainScore, featureScaling, targetScaling, halving),
                    JobFactory.parallelism(parallelism),
                    OutputFiles.staging(outputDirectory.toPath().toAbsolutePath()).toString());
            gate = gate(basedir, job.search());
            launch = launch(job);
            if (timeout < 0) {
                throw new ConfigurationError("<timeout> must be a number of seconds >= 0 (0 = no limit), got " + timeout + ".");
            }
        } catch (ConfigurationError e) {
            throw new MojoExecutionException(e.getMessage());
        }
        Path out = outputDirectory.toPath();
        SearchSummary outcome;
        try {
            String java = javaExecutable();
            List<String> options = jvmOptions();
            Fingerprint fingerprint = Fingerprint.of(job, Sha256.ofFile(basedir.resolve(job.data().file())), java, options);
            if (!force && fingerprint.matches(out)) {
                getLog().info("Up to date: reusing the results in " + JobFactory.shown(out.toAbsolutePath(), basedir)
                        + " (same data, configuration and plugin version; -Dnn.force=true reruns the search)");
            } else {
                Path staging = Publication.freshStaging(out);
                try {
                    runWorker(job, java, options, launch, staging, basedir);
                    Publication.publish(out, fingerprint);
                } finally {
                    Publication.discardStaging(out);
                }
            }
            outcome = SearchSummary.read(out);
        } catch (IOException e) {
            throw new MojoExecutionException("nn:gridsearch could not read or write " + out + ": " + e.getMessage(), e);
        }
        report(outcome, out, basedir);
        verdict(gate, outcome, out);
    }

    /** The gate's rules, checked, and the baseline, read. */
    private Gate gate(Path basedir, Job.Search searchJob) {
        Severity severity = failOnViolation ? Severity.FAIL : Severity.WARN;
        List<GateRule> all = new ArrayList<>();
        if (maxMse != null) {
            all.add(ThresholdRule.of("maxMse", "maxMse", "mse", true, maxMse, 0, severity));
        }
        if (maxRmse != null) {
            all.add(ThresholdRule.of("maxRmse", "maxRmse", "rmse", true, maxRmse, 0, severity));
        }
        if (maxMae != null) {
            all.add(ThresholdRule.of("maxMae", "maxMae", "mae", true, maxMae, 0, severity));
        }
        if (minR2 != null) {
            all.add(ThresholdRule.of("minR2", "minR2", "r2", false, minR2, 0, severity));
        }
        List<String> computed = new ArrayList<>();
        computed.add(searchJob.scoring());
        computed.addAll(searchJob.extraMetrics());
        for (int i = 0; rules != null && i < rules.size(); i++) {
            all.addAll(rules.get(i).toRules(i + 1, computed, !failOnViolation));
        }
        boolean changeRules = all.stream().anyMatch(GateRule::needsBaseline);
        if (baseline == null) {
            if (maxRegressionPercent != null || changeRules) {
                throw new ConfigurationError((maxRegressionPercent != null ? "<maxRegressionPercent> "
                        + Formats.format(maxRegressionPercent) + " is set" : "A rule compares with a baseline") + " without "
                        + "<baseline>: name the gridsearch.json of an accepted run to compare with, or remove it.");
            }
            return new Gate(all, Optional.empty(), dataChanged);
        }
        Baseline base = Baseline.read(baseline.toPath(), JobFactory.shown(baseline.toPath().toAbsolutePath(), basedir));
        if (maxRegressionPercent != null || !changeRules) {
            // A baseline alone means: no worse than it, in the scoring.
            all.add(ChangeRule.of("maxRegressionPercent", "maxRegressionPercent", searchJob.scoring(), false, true,
                    maxRegressionPercent == null ? 0 : maxRegressionPercent, 0, severity));
        }
        return new Gate(all, Optional.of(base), dataChanged);
    }

    /** The java of the build's JDK toolchain if one is selected, else the one running Maven. */
    private String javaExecutable() {
        Toolchain toolchain = toolchainManager == null ? null : toolchainManager.getToolchainFromBuildContext("jdk", session);
        if (toolchain != null) {
            String java = toolchain.findTool("java");
            if (java != null) {
                getLog().info("The search runs on the JDK of the build's toolchain: " + java);
                return java;
            }
            getLog().warn("The JDK toolchain " + toolchain + " has no java executable: the worker uses " + System.getProperty("java.home"));
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString();
    }

    /** The plugin's worker options, then the user's. */
    private List<String> jvmOptions() {
        List<String> options = new ArrayList<>(List.of("--add-modules=jdk.incubator.vector", "-Djava.awt.headless=true"));
        if (jvmArgs != null && !jvmArgs.isBlank()) {
            options.addAll(Arrays.asList(jvmArgs.strip().split("\\s+")));
        }
        return options;
    }

    /** The worker's class path: the plugin's own jar and its runtime dependencies. */
    private String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        if (plugin.getPluginArtifact() != null && plugin.getPluginArtifact().getFile() != null) {
            entries.add(plugin.getPluginArtifact().getFile().getAbsolutePath());
        }
        plugin.getArtifacts().forEach(a -> entries.add(a.getFile().getAbsolutePath()));
        return String.join(File.pathSeparator, entries);
    }

    /** How to start the worker as a Spark driver, or empty for the local worker. */
    private Optional<SparkLaunch> launch(Job job) {
        String kind;
        try {
            kind = Suggestions.byName("executor", executor, List.of("local", "spark"), name -> name);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationError("<executor>: " + e.getMessage());
        }
        if (kind.equals("local")) {
            if (sparkMaster != null || sparkConf != null && !sparkConf.isEmpty()) {
                throw new ConfigurationError("<sparkMaster> and <sparkConf> are for <executor>spark</executor>, but the "
                        + "executor is local: set <executor>spark</executor>, or remove them.");
            }
            return Optional.empty();
        }
        String master = sparkMaster != null ? sparkMaster : "local[" + job.parallelism() + "]";
        SparkLaunch launch = SparkLaunch.resolve(repositorySystem, session.getRepositorySession(),
                project.getRemoteProjectRepositories(), plugin.getVersion(), master, sparkConf == null ? Map.of() : sparkConf);
        getLog().info("The fits run as Spark tasks, master " + master);
        return Optional.of(launch);
    }

    private void runWorker(Job job, String java, List<String> options, Optional<SparkLaunch> launch, Path staging,
                           Path basedir) throws IOException, MojoExecutionException {
        Path jobFile = staging.resolve(OutputFiles.JOB);
        Json.write(job, jobFile);
        List<String> command = new ArrayList<>();
        command.add(java);
        launch.ifPresent(l -> command.addAll(l.jvmOptions()));
        command.addAll(options);
        if (launch.isPresent()) {
            command.addAll(List.of("-cp", launch.get().classPath(), launch.get().mainClass()));
            command.addAll(launch.get().arguments());
        } else {
            command.addAll(List.of("-cp", classPath(), Worker.class.getName()));
        }
        command.add(jobFile.toAbsolutePath().toString());
        getLog().debug("Worker command: " + String.join(" ", command));
        WorkerProcess.Result r;
        try {
            r = WorkerProcess.run(command, basedir.toFile(), timeout, getLog());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("nn:gridsearch was interrupted; the worker was stopped", e);
        }
        if (r.timedOut()) {
            throw new MojoExecutionException("The grid-search worker did not finish within <timeout> " + timeout
                    + " s and was killed. Raise <timeout> (or -Dnn.timeout) or shrink the grid." + lastLines(r));
        }
        if (r.exitCode() == WorkerProtocol.EXIT_USER_ERROR && r.userError().isPresent()) {
            throw new MojoExecutionException(r.userError().get());
        }
        if (r.exitCode() != WorkerProtocol.EXIT_OK) {
            throw new MojoExecutionException("The grid-search worker failed with exit code " + r.exitCode() + " (java: "
                    + java + ")." + lastLines(r));
        }
    }

    private static String lastLines(WorkerProcess.Result r) {
        return r.lastLines().isEmpty() ? " It printed nothing."
                : " The last lines it printed:\n    " + String.join("\n    ", r.lastLines());
    }

    /** The summary of a fresh or reused run and the top table. */
    private void report(SearchSummary outcome, Path out, Path basedir) {
        getLog().info("Searched " + outcome.rows() + " rows x " + outcome.features() + " features: "
                + outcome.candidates().size() + " candidates x " + outcome.splits() + " folds = "
                + outcome.candidates().size() * outcome.splits() + " fits on " + outcome.simd());
        for (String line : TopTable.lines(outcome, TOP)) {
            getLog().info(line);
        }
        if (!outcome.references().isEmpty()) {
            getLog().info("Reference models on the same folds: " + outcome.referenceScores() + " (a <rule> with <beat> gates on them)");
        }
        getLog().info("Reports: " + JobFactory.shown(out.toAbsolutePath().resolve(OutputFiles.HTML), basedir) + ", "
                + OutputFiles.RESULTS + ", " + OutputFiles.CSV + ", " + OutputFiles.TIMINGS
                + (Files.isRegularFile(out.resolve(OutputFiles.MODEL)) ? ", " + OutputFiles.MODEL + ", " + OutputFiles.ONNX
                : outcome.bestIndex().isEmpty() ? " (no model: no candidate has a score)" : " (no model: the refit failed)"));
    }

    /**
     * One line per check, the final verdict line, the gate's reports, and the build failure when a rule of
     * severity fail is violated or a check could not be evaluated.
     */
    private void verdict(Gate gate, SearchSummary outcome, Path out) throws MojoExecutionException, MojoFailureException {
        if (gate.isEmpty()) {
            getLog().info("Model quality gate: no rule configured (maxMse, maxRmse, maxMae, minR2, baseline, rules): report only");
            return;
        }
        List<Verdict> verdicts = gate.evaluate(outcome);
        for (Verdict v : verdicts) {
            switch (v.status()) {
                case PASS -> getLog().info(v.line());
                case WARN -> getLog().warn(v.line());
                case FAIL, ERROR -> getLog().error(v.line());
            }
        }
        List<Verdict> errors = verdicts.stream().filter(v -> v.status() == Verdict.Status.ERROR).toList();
        List<Verdict> failed = verdicts.stream().filter(v -> v.status() == Verdict.Status.FAIL).toList();
        List<Verdict> warned = verdicts.stream().filter(v -> v.status() == Verdict.Status.WARN).toList();
        String summary;
        if (!errors.isEmpty()) {
            summary = "Model quality gate ERROR: " + errors.size() + " of " + verdicts.size() + " checks could not be"
                    + " evaluated: " + failures(errors);
        } else if (!failed.isEmpty()) {
            summary = "Model quality gate FAILED: " + failed.size() + " of " + verdicts.size() + " checks violated: "
                    + failures(failed);
        } else if (!warned.isEmpty()) {
            summary = "Model quality gate PASSED with " + warned.size() + " warning" + (warned.size() == 1 ? "" : "s")
                    + ": " + failures(warned) + (failOnViolation ? "" : " (failOnViolation is false: the build goes on)");
        } else {
            summary = "Model quality gate PASSED: " + verdicts.size() + " of " + verdicts.size() + " checks met";
        }
        try {
            GateReports.write(out, summary, verdicts, outcome);
            String stepSummary = System.getenv("GITHUB_STEP_SUMMARY");
            if (stepSummary != null && !stepSummary.isBlank()) {
                GateReports.appendSummary(Path.of(stepSummary), summary, verdicts, outcome);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("nn:gridsearch could not write the gate's reports in " + out + ": " + e.getMessage(), e);
        }
        if (errors.isEmpty() && failed.isEmpty()) {
            if (warned.isEmpty()) {
                getLog().info(summary);
            } else {
                getLog().warn(summary);
            }
            return;
        }
        getLog().error(summary);
        throw new MojoFailureException(summary);
    }

    private static String failures(List<Verdict> verdicts) {
        return String.join("; ", verdicts.stream().map(Verdict::failure).toList());
    }
}
