package dev.lanes.maven.worker;

import dev.lanes.data.DataSpec;
import dev.lanes.data.Dataset;
import dev.lanes.data.MissingValues;
import dev.lanes.data.Scaling;
import dev.lanes.maven.job.Job;
import dev.lanes.maven.report.CompletedSearch;
import dev.lanes.simd.Simd;
import dev.lanes.tune.Distribution;
import dev.lanes.tune.Search;
import dev.lanes.tune.SearchResult;
import dev.lanes.tune.SearchSpace;
import dev.lanes.tune.SearchSpec;
import dev.lanes.tune.Scoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a {@link Job} into core's data set, search space and search spec, and runs the search: one pass
 * scored as the job says, then one more pass for each extra metric the gate needs. Every pass trains the
 * same fits (the seeds depend on the search seed, candidate and fold only), so an extra pass scores the
 * very same models another way. Only the first pass refits the best candidate.
 */
final class JobSearch {

    private final Job job;
    private final Dataset data;
    private final SearchSpec spec;

    private JobSearch(Job job, Dataset data, SearchSpec spec) {
        this.job = job;
        this.data = data;
        this.spec = spec;
    }

    /**
     * Loads the data and checks the search.
     *
     * @throws dev.lanes.data.DataException for a problem with the data file (the user's to fix)
     * @throws IllegalArgumentException     for an invalid search: unknown hyperparameter, invalid value,
     *                                      too many folds, ... (the user's to fix)
     */
    static JobSearch prepare(Job job) {
        Job.Data d = job.data();
        Dataset data = Dataset.load(Path.of(d.file()), new DataSpec(d.target(), d.include(), d.exclude(),
                Optional.ofNullable(d.delimiter()), MissingValues.valueOf(d.missing().toUpperCase(Locale.ROOT)),
                d.categorical()));
        Job.Search s = job.search();
        if (s.folds() > data.rows()) {
            throw new IllegalArgumentException("<folds> is " + s.folds() + " but " + d.file() + " has only " + data.rows()
                    + " rows" + (data.droppedRows() > 0 ? " (after dropping " + data.droppedRows() + " with empty cells)" : "")
                    + ": k-fold cross-validation needs 2 <= folds <= rows.");
        }
        SearchSpace space = "random".equals(s.type()) ? SearchSpace.random(randomMaps(s.grids()), s.nIter())
                : SearchSpace.grid(s.grids());
        SearchSpec spec = SearchSpec.of(space).folds(s.folds()).seed(s.seed()).scoring(Scoring.fromName(s.scoring()))
                .parallelism(job.parallelism()).featureScaling(scaling(s.featureScaling()))
                .targetScaling(scaling(s.targetScaling())).refit(true);
        return new JobSearch(job, data, spec);
    }

    /** The data set as loaded. */
    Dataset data() {
        return data;
    }

    /** The spec of the first pass. */
    SearchSpec spec() {
        return spec;
    }

    /**
     * Runs every pass, printing progress.
     *
     * @throws IllegalArgumentException when a drawn random candidate is invalid (the user's to fix); it
     *                                  is thrown before any training
     */
    CompletedSearch run(WorkerLog log) {
        List<String> metrics = new ArrayList<>();
        metrics.add(job.search().scoring());
        metrics.addAll(job.search().extraMetrics());
        long start = System.nanoTime();
        List<Double> passSeconds = new ArrayList<>();
        SearchResult primary = null;
        Map<String, SearchResult> extra = new LinkedHashMap<>();
        for (int p = 0; p < metrics.size(); p++) {
            String metric = metrics.get(p);
            String label = metrics.size() == 1 ? "" : "pass " + (p + 1) + "/" + metrics.size() + " (" + metric + "): ";
            if (p > 0) {
                log.info("Pass " + (p + 1) + "/" + metrics.size() + ": the same fits again, scored by " + metric
                        + " for the gate (a rule on the <scoring> metric needs no extra pass)");
            }
            SearchSpec passSpec = p == 0 ? spec : spec.scoring(Scoring.fromName(metric)).refit(false);
            long passStart = System.nanoTime();
            SearchResult r = Search.run(data, passSpec, new ProgressPrinter(log, label, metric, metrics.size() - 1 - p));
            passSeconds.add((System.nanoTime() - passStart) / 1e9);
            if (p == 0) {
                primary = r;
            } else {
                extra.put(metric, r);
            }
        }
        return new CompletedSearch(data, spec, primary, extra, passSeconds, (System.nanoTime() - start) / 1e9);
    }

    /** One line for the log: what is searched, how, and on which kernels. */
    String summary() {
        Job.Search s = job.search();
        int candidates = spec.space().size();
        int fits = candidates * s.folds();
        int passes = 1 + s.extraMetrics().size();
        return "Grid search of " + job.data().file() + ": " + data.rows() + " rows"
                + (data.droppedRows() > 0 ? " (" + data.droppedRows() + " dropped for empty cells)" : "") + ", "
                + data.featureNames().size() + " features, target " + data.targetName() + "; "
                + ("random".equals(s.type()) ? "random search, " : "") + candidates + (candidates == 1 ? " candidate x " : " candidates x ") + s.folds()
                + " folds = " + fits + " fits" + (passes > 1 ? " in each of " + passes + " passes" : "")
                + ", then the refit of the best; scoring " + s.scoring() + ", seed " + s.seed() + ", parallelism "
                + spec.parallelism() + ", JDK " + System.getProperty("java.version") + ", SIMD "
                + (Simd.isEnabled() ? "on: " : "off: ") + Simd.describe();
    }

    /** A random search reads a single value written as a call as a distribution, anything else as a list. */
    private static List<Map<String, Object>> randomMaps(List<Map<String, List<String>>> grids) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, List<String>> grid : grids) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> e : grid.entrySet()) {
                List<String> values = e.getValue();
                boolean distribution = values.size() == 1 && Distribution.looksLikeOne(values.get(0));
                m.put(e.getKey(), distribution ? values.get(0) : values);
            }
            out.add(m);
        }
        return out;
    }

    private static Scaling scaling(String name) {
        return Scaling.valueOf(name.toUpperCase(Locale.ROOT));
    }
}
