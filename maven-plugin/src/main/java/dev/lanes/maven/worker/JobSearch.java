package dev.lanes.maven.worker;

import dev.lanes.data.DataSpec;
import dev.lanes.data.Dataset;
import dev.lanes.data.MissingValues;
import dev.lanes.data.Scaling;
import dev.lanes.maven.job.Formats;
import dev.lanes.maven.job.Job;
import dev.lanes.maven.report.CompletedSearch;
import dev.lanes.simd.Simd;
import dev.lanes.tune.Distribution;
import dev.lanes.tune.FitExecutor;
import dev.lanes.tune.Halving;
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
 * Turns a {@link Job} into core's data set, search space and search spec, and runs the search once:
 * every split is scored in the job's scoring and in every further metric from the same fit, as
 * scikit-learn's multi-metric search does, and the best candidate by the scoring is refitted.
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
        SearchSpec spec = SearchSpec.of(space).folds(s.folds()).repeats(s.repeats()).seed(s.seed())
                .scoring(Scoring.fromName(s.scoring())).metrics(s.extraMetrics().stream().map(Scoring::fromName).toList())
                .returnTrainScore(s.returnTrainScore()).parallelism(job.parallelism())
                .featureScaling(scaling(s.featureScaling())).targetScaling(scaling(s.targetScaling())).refit(true)
                // report.html draws the best candidate's out-of-fold predictions
                .outOfFold(true);
        if (s.halving() != null) {
            spec = spec.halving(s.halving());
        }
        return new JobSearch(job, data, spec);
    }

    /** The data set as loaded. */
    Dataset data() {
        return data;
    }

    /** The search's spec. */
    SearchSpec spec() {
        return spec;
    }

    /**
     * Runs the search, printing progress.
     *
     * @throws IllegalArgumentException when a drawn random candidate is invalid (the user's to fix); it
     *                                  is thrown before any training
     */
    CompletedSearch run(WorkerLog log, Optional<FitExecutor> executor) throws InterruptedException {
        long start = System.nanoTime();
        ProgressPrinter progress = new ProgressPrinter(log, job.search().scoring());
        Search search = executor.isPresent() ? Search.start(data, spec, progress, executor.get())
                : Search.start(data, spec, progress);
        if (spec.halving().isPresent()) {
            log.info(rounds(spec.halving().get(), search.plannedRounds()));
        }
        SearchResult result = search.await();
        return new CompletedSearch(data, spec, result, (System.nanoTime() - start) / 1e9);
    }

    /** One line for the log: the halving's rounds. */
    static String rounds(Halving h, List<Halving.Round> rounds) {
        StringBuilder candidates = new StringBuilder();
        StringBuilder resources = new StringBuilder();
        for (Halving.Round r : rounds) {
            candidates.append(candidates.length() == 0 ? "" : ", ").append(r.candidates());
            resources.append(resources.length() == 0 ? "" : ", ").append(r.resources());
        }
        int fits = rounds.stream().mapToInt(Halving.Round::candidates).sum();
        return "Successive halving over " + h.resource().shortName() + ", factor " + Formats.format(h.factor()) + ": "
                + rounds.size() + " rounds of " + candidates + " candidates with " + resources + " "
                + (h.resource() == Halving.Resource.EPOCHS ? "epochs" : "rows") + " (" + fits + " candidate fits x folds)";
    }

    /** One line for the log: what is searched, how, where, and on which kernels. */
    String summary(Optional<FitExecutor> executor) {
        Job.Search s = job.search();
        int candidates = spec.space().size();
        int fits = candidates * spec.splits();
        return "Grid search of " + job.data().file() + ": " + data.rows() + " rows"
                + (data.droppedRows() > 0 ? " (" + data.droppedRows() + " dropped for empty cells)" : "") + ", "
                + data.featureNames().size() + " features, target " + data.targetName() + "; "
                + ("random".equals(s.type()) ? "random search, " : "") + candidates + (candidates == 1 ? " candidate x " : " candidates x ")
                + (s.repeats() > 1 ? s.repeats() + " x " : "") + s.folds() + " folds = " + fits + " fits"
                + (s.halving() == null ? "" : " without halving")
                + ", then the refit of the best; scoring " + s.scoring() + ", seed " + s.seed()
                + executor.map(e -> ", fits on " + e.describe()).orElse(", parallelism " + spec.parallelism()) + ", JDK " + System.getProperty("java.version") + ", SIMD "
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
