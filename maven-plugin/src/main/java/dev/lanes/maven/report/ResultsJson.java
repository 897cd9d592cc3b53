package dev.lanes.maven.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lanes.maven.job.Job;
import dev.lanes.maven.job.Json;
import dev.lanes.maven.job.OutputFiles;
import dev.lanes.nn.EpochLogs;
import dev.lanes.simd.Simd;
import dev.lanes.tune.CandidateResult;
import dev.lanes.tune.FittedModel;
import dev.lanes.tune.Halving;
import dev.lanes.tune.ReferenceResult;
import dev.lanes.tune.Scoring;
import dev.lanes.tune.SearchResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code gridsearch.json}: the whole search in one document, without wall-clock timings (they are in
 * {@code timings.json}), so that the same seed, data and grid give the same bytes whatever the
 * parallelism. Sections: {@code plugin_version}, {@code dataset}, {@code search}, {@code environment}
 * (JDK and SIMD kernels), {@code best_index}/{@code best_params}/{@code best_score}/{@code best_scores},
 * {@code reference_models} (each {@link ReferenceResult}'s split and mean scores in every metric),
 * {@code candidates} (see {@link CvResults}) and {@code refit} (the saved model and its training
 * history).
 */
final class ResultsJson {

    private ResultsJson() {
    }

    /** The document for {@code outcome}; {@code model} is the saved model's file name, empty if none. */
    static ObjectNode of(Job job, CompletedSearch outcome, String datasetSha256, Optional<String> model) {
        SearchResult result = outcome.result();
        ObjectNode root = Json.nodes().objectNode();
        root.put("format", OutputFiles.RESULTS_FORMAT);
        root.put("plugin_version", job.pluginVersion());
        root.set("dataset", dataset(job.data(), outcome, datasetSha256));
        root.set("search", search(job.search(), outcome));
        root.set("environment", environment());
        Optional<CandidateResult> best = result.best();
        root.set("best_index", best.isPresent() ? Json.nodes().numberNode(best.get().index()) : Json.nodes().nullNode());
        root.set("best_params", Json.tree(best.map(CandidateResult::paramTexts).orElse(null)));
        root.set("best_score", best.isPresent() ? Json.number(best.get().meanScore()) : Json.nodes().nullNode());
        Map<String, Object> bestScores = new LinkedHashMap<>();
        best.ifPresent(b -> result.metrics().forEach(m -> bestScores.put(m.shortName(), b.meanScore(m))));
        root.set("best_scores", Json.tree(bestScores));
        Map<String, Object> references = new LinkedHashMap<>();
        for (ReferenceResult r : result.references()) {
            Map<String, Object> scores = new LinkedHashMap<>();
            for (Scoring m : result.metrics()) {
                double[] splits = r.scores(m);
                for (int k = 0; k < splits.length; k++) {
                    scores.put("split" + k + "_test_" + m.shortName(), splits[k]);
                }
                scores.put("mean_test_" + m.shortName(), r.meanScore(m));
            }
            references.put(r.model().shortName(), scores);
        }
        root.set("reference_models", Json.tree(references));
        root.set("candidates", Json.tree(CvResults.rows(outcome)));
        root.set("refit", refit(result, model));
        return root;
    }

    private static ObjectNode dataset(Job.Data d, CompletedSearch outcome, String sha256) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", d.file());
        m.put("sha256", sha256);
        m.put("target", d.target());
        m.put("include", d.include());
        m.put("exclude", d.exclude());
        m.put("delimiter", d.delimiter() == null ? null : d.delimiter().toString());
        m.put("missing", d.missing());
        m.put("categorical", d.categorical());
        m.put("rows", outcome.data().rows());
        m.put("dropped_rows", outcome.data().droppedRows());
        m.put("features", outcome.data().featureNames());
        m.put("target_summary", targetSummary(outcome.data().target().toArray()));
        return (ObjectNode) Json.tree(m);
    }

    /** The target's mean, population standard deviation, minimum and maximum: the gate refuses a constant one. */
    private static Map<String, Object> targetSummary(float[] y) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : y) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / y.length;
        double squares = 0;
        for (float v : y) {
            squares += (v - mean) * (v - mean);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", mean);
        m.put("std", Math.sqrt(squares / y.length));
        m.put("min", min);
        m.put("max", max);
        return m;
    }

    private static ObjectNode search(Job.Search s, CompletedSearch outcome) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", s.type());
        m.put("n_iter", s.nIter());
        m.put("grids", s.grids());
        m.put("folds", s.folds());
        m.put("repeats", s.repeats());
        m.put("shuffle", true);
        m.put("seed", s.seed());
        m.put("scoring", s.scoring());
        m.put("extra_metrics", s.extraMetrics());
        m.put("return_train_score", s.returnTrainScore());
        m.put("halving", s.halving() == null ? null : halving(s.halving()));
        m.put("feature_scaling", s.featureScaling());
        m.put("target_scaling", s.targetScaling());
        m.put("candidates", outcome.result().candidates().size());
        m.put("fits", outcome.result().fits());
        m.put("notes", outcome.result().notes());
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (Halving.Round r : outcome.result().rounds()) {
            Map<String, Object> round = new LinkedHashMap<>();
            round.put("iter", r.iter());
            round.put("n_candidates", r.candidates());
            round.put("n_resources", r.resources());
            rounds.add(round);
        }
        m.put("rounds", rounds);
        return (ObjectNode) Json.tree(m);
    }

    private static Map<String, Object> halving(Halving h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("resource", h.resource().shortName());
        m.put("factor", h.factor());
        m.put("min_resources", h.minResources() > 0 ? h.minResources() : h.exhaust() ? "exhaust" : "smallest");
        m.put("max_resources", h.maxResources() > 0 ? h.maxResources() : "auto");
        m.put("aggressive_elimination", h.aggressiveElimination());
        return m;
    }

    /** What the numbers may depend on: the JDK and the kernels (not the machine's size or the clock). */
    private static ObjectNode environment() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("java_version", System.getProperty("java.version"));
        m.put("java_vendor", System.getProperty("java.vendor"));
        m.put("java_vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        m.put("os_arch", System.getProperty("os.arch"));
        m.put("simd_enabled", Simd.isEnabled());
        m.put("simd_float_lanes", Simd.floatLanes());
        m.put("simd", Simd.describe());
        return (ObjectNode) Json.tree(m);
    }

    private static ObjectNode refit(SearchResult primary, Optional<String> model) {
        ObjectNode o = Json.nodes().objectNode();
        Optional<FittedModel> refit = primary.refit();
        o.set("index", refit.isPresent() ? Json.nodes().numberNode(refit.get().candidate().index()) : Json.nodes().nullNode());
        o.set("model", model.isPresent() ? Json.nodes().textNode(model.get()) : Json.nodes().nullNode());
        o.set("problem", primary.refitProblem().isPresent() ? Json.nodes().textNode(primary.refitProblem().get())
                : Json.nodes().nullNode());
        o.put("history_note", "per-epoch loss of the refit on all rows, on the scaled target (the search keeps no "
                + "per-fold histories)");
        ArrayNode history = Json.nodes().arrayNode();
        if (refit.isPresent()) {
            for (EpochLogs e : refit.get().history().epochs()) {
                ObjectNode epoch = history.addObject();
                epoch.put("epoch", e.epoch() + 1);
                epoch.set("loss", Json.number(e.loss()));
                epoch.set("val_loss", e.validationLoss().isPresent() ? Json.number(e.validationLoss().getAsDouble())
                        : Json.nodes().nullNode());
                epoch.set("learning_rate", Json.number(e.learningRate()));
            }
        }
        o.set("history", history);
        return o;
    }

    /** The candidates in rank order (ties by index), for tables. */
    static List<CandidateResult> byRank(SearchResult result) {
        return result.candidates().stream()
                .sorted((a, b) -> a.rank() != b.rank() ? Integer.compare(a.rank(), b.rank()) : Integer.compare(a.index(), b.index()))
                .toList();
    }
}
