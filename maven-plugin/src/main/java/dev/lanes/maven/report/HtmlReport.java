package dev.lanes.maven.report;

import dev.lanes.maven.job.Formats;
import dev.lanes.maven.job.Job;
import dev.lanes.tune.CandidateResult;
import dev.lanes.tune.FittedModel;
import dev.lanes.tune.OutOfFold;
import dev.lanes.tune.Halving;
import dev.lanes.tune.Hyperparameters;
import dev.lanes.tune.SearchResult;
import dev.lanes.tune.Scoring;
import dev.lanes.simd.Simd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG charts, no script, nothing fetched)
 * with the best candidate, a chart of every candidate's cross-validated score and spread, the learning
 * curve of the best candidate's refit, the table of all candidates and the set-up. It has no timings,
 * so the same results give the same bytes.
 */
final class HtmlReport {

    /** Candidates whose fits' learning curves are drawn. */
    private static final int FOLD_CURVES = 3;
    private static final String STYLE = "body{font-family:sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}"
            + "h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:1.8em;border-bottom:1px solid #ccc}"
            + ".sub{color:#555;margin-top:0}table{border-collapse:collapse;font-size:.9em}"
            + "th,td{border:1px solid #ddd;padding:.25em .6em;text-align:left}th{background:#f4f4f4}"
            + "td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}tr.best td{background:#eef6ee}"
            + "svg{width:100%;max-width:760px;height:auto;display:block}.wide{overflow-x:auto}"
            + ".effects{display:flex;flex-wrap:wrap;gap:1em}.effects svg{flex:1 1 320px;max-width:370px}"
            + ".note{color:#555;font-size:.9em}.bad{color:#b00}";

    private HtmlReport() {
    }

    /** Writes the report of {@code outcome} to {@code file}. */
    static void write(Job job, CompletedSearch outcome, Path file) throws IOException {
        Files.writeString(file, html(job, outcome), StandardCharsets.UTF_8);
    }

    static String html(Job job, CompletedSearch outcome) {
        SearchResult result = outcome.result();
        String scoring = job.search().scoring();
        List<CandidateResult> byRank = ResultsJson.byRank(result);
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>nn:gridsearch report: ")
                .append(esc(job.data().file())).append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<h1>Grid search report</h1>\n<p class=\"sub\">").append(esc(job.data().file())).append(" &rarr; ")
                .append(esc(outcome.data().targetName())).append(" &middot; ").append(result.candidates().size())
                .append(" candidates &times; ").append(result.splits()).append(" folds &middot; scoring ").append(esc(scoring))
                .append(" &middot; seed ").append(job.search().seed()).append("</p>\n");
        best(h, job, outcome);
        h.append("<h2>Cross-validated scores</h2>\n").append(Charts.cvScores(byRank, scoring, result.splits())).append('\n')
                .append("<p class=\"note\">Each point is a candidate's mean ").append(esc(scoring))
                .append(" over the test folds, its bar one standard deviation (population) either side; ")
                .append(Scoring.fromName(job.search().scoring()).greaterIsBetter() ? "higher" : "lower").append(" is better.</p>\n");
        effects(h, result, scoring);
        curve(h, outcome);
        foldCurves(h, byRank);
        outOfFold(h, outcome);
        rounds(h, outcome);
        candidates(h, job, outcome, byRank);
        setup(h, job, outcome);
        h.append("<p class=\"note\">Wall-clock timings are in timings.json: they change from run to run, this page "
                + "does not.</p>\n</body>\n</html>\n");
        return h.toString();
    }

    /**
     * One small chart per hyperparameter that varies: the best and the median mean score of the
     * candidates with each value (with successive halving, those of the first round, where every
     * candidate ran with the same resources).
     */
    private static void effects(StringBuilder h, SearchResult result, String scoring) {
        List<CandidateResult> rows = result.candidates().stream().filter(c -> c.round() == 0).toList();
        SortedMap<String, List<String>> values = new TreeMap<>();
        for (CandidateResult c : rows) {
            c.paramTexts().forEach((name, value) -> {
                List<String> seen = values.computeIfAbsent(name, n -> new ArrayList<>());
                if (!seen.contains(value)) {
                    seen.add(value);
                }
            });
        }
        values.values().removeIf(v -> v.size() < 2);
        if (values.isEmpty()) {
            return;
        }
        boolean greater = Scoring.fromName(scoring).greaterIsBetter();
        h.append("<h2>Effect of each hyperparameter</h2>\n<div class=\"effects\">\n");
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            List<String> shown = new ArrayList<>();
            List<Double> best = new ArrayList<>();
            List<Double> median = new ArrayList<>();
            for (String value : e.getValue()) {
                double[] scores = rows.stream().filter(c -> value.equals(c.paramTexts().get(e.getKey())))
                        .mapToDouble(CandidateResult::meanScore).filter(Double::isFinite).sorted().toArray();
                if (scores.length == 0) {
                    continue;
                }
                shown.add(value);
                best.add(greater ? scores[scores.length - 1] : scores[0]);
                median.add(scores.length % 2 == 1 ? scores[scores.length / 2]
                        : (scores[scores.length / 2 - 1] + scores[scores.length / 2]) / 2);
            }
            if (!shown.isEmpty()) {
                h.append(Charts.effect(e.getKey(), shown, best.stream().mapToDouble(Double::doubleValue).toArray(),
                        median.stream().mapToDouble(Double::doubleValue).toArray(), scoring)).append('\n');
            }
        }
        h.append("</div>\n<p class=\"note\">For each value, the best and the median mean ").append(esc(scoring))
                .append(" of the candidates that have it").append(result.rounds().isEmpty() ? "" : " (first round)")
                .append("; candidates without a score are left out.</p>\n");
    }

    private static void best(StringBuilder h, Job job, CompletedSearch outcome) {
        h.append("<h2>Best candidate</h2>\n");
        Optional<CandidateResult> best = outcome.result().best();
        if (best.isEmpty()) {
            h.append("<p class=\"bad\">No candidate has a score: every candidate had a fit that failed or diverged "
                    + "(see the status column below).</p>\n");
            return;
        }
        CandidateResult b = best.get();
        h.append("<table>\n");
        row(h, "candidate", Integer.toString(b.index()));
        row(h, "mean " + job.search().scoring() + " ± std", Formats.readable(b.meanScore()) + " ± " + Formats.readable(b.stdScore()));
        for (Scoring m : CvResults.extraMetrics(outcome.result())) {
            row(h, "mean " + m.shortName() + " ± std", Formats.readable(b.meanScore(m)) + " ± " + Formats.readable(b.stdScore(m)));
        }
        for (Map.Entry<String, String> p : b.paramTexts().entrySet()) {
            row(h, p.getKey(), p.getValue());
        }
        h.append("</table>\n");
    }

    private static void curve(StringBuilder h, CompletedSearch outcome) {
        h.append("<h2>Learning curve of the best candidate</h2>\n");
        Optional<FittedModel> refit = outcome.result().refit();
        if (refit.isEmpty()) {
            h.append("<p class=\"bad\">No refit: ").append(esc(outcome.result().refitProblem()
                    .orElse("there is no best candidate"))).append("</p>\n");
            return;
        }
        h.append(Charts.learningCurve(refit.get().history(), "Refit of candidate " + refit.get().candidate().index()
                + " on all " + outcome.data().rows() + " rows")).append('\n');
        h.append("<p class=\"note\">The curve is the refit's, trained on every row after the cross-validation and saved "
                + "as best-model.lanes and best-model.onnx. The loss is on the scaled target.</p>\n");
    }

    /** The best candidate's out-of-fold predictions against the targets, and their residuals. */
    private static void outOfFold(StringBuilder h, CompletedSearch outcome) {
        Optional<OutOfFold> oof = outcome.result().outOfFold();
        if (oof.isEmpty()) {
            return;
        }
        String target = outcome.data().targetName();
        h.append("<h2>Out-of-fold predictions of the best candidate</h2>\n<div class=\"effects\">\n")
                .append(Charts.predictedVsActual(oof.get(), target)).append('\n')
                .append(Charts.residuals(oof.get(), target)).append("\n</div>\n")
                .append("<p class=\"note\">Each test row of each fold of the first repeat, predicted by the best candidate's fit "
                        + "on the other folds (the same fits as the cross-validation's, trained again), in the target's units.</p>\n");
    }

    /** The training loss of every split of the best-ranked candidates, as the search recorded it. */
    private static void foldCurves(StringBuilder h, List<CandidateResult> byRank) {
        List<CandidateResult> top = byRank.stream().filter(CandidateResult::ok).limit(FOLD_CURVES).toList();
        if (top.isEmpty()) {
            return;
        }
        h.append("<h2>Learning curves of the top candidates, split by split</h2>\n<div class=\"effects\">\n");
        for (CandidateResult c : top) {
            h.append(Charts.foldCurves(c, "Candidate " + c.index() + " (rank " + c.rank() + ")")).append('\n');
        }
        h.append("</div>\n<p class=\"note\">The training loss of each epoch of each cross-validation fit (on the scaled "
                + "target, regularization included): lines that part show a candidate sensitive to its split.</p>\n");
    }

    /** The rounds of a successive-halving search: a chart of every candidate's way through them, and a table. */
    private static void rounds(StringBuilder h, CompletedSearch outcome) {
        SearchResult result = outcome.result();
        if (result.rounds().isEmpty()) {
            return;
        }
        // A candidate's rows share its parameters, except the epochs when they are the resource.
        boolean overEpochs = outcome.spec().halving().map(hv -> hv.resource() == Halving.Resource.EPOCHS).orElse(false);
        Map<Map<String, String>, List<Double>> byCandidate = new LinkedHashMap<>();
        Map<String, String> bestKey = null;
        for (CandidateResult c : result.candidates()) {
            Map<String, String> key = new TreeMap<>(c.paramTexts());
            if (overEpochs) {
                key.remove(Hyperparameters.EPOCHS);
            }
            byCandidate.computeIfAbsent(key, k -> new ArrayList<>()).add(c.meanScore());
            if (result.best().filter(b -> b.index() == c.index()).isPresent()) {
                bestKey = key;
            }
        }
        List<double[]> lines = byCandidate.values().stream()
                .map(l -> l.stream().mapToDouble(Double::doubleValue).toArray()).toList();
        int best = bestKey == null ? -1 : new ArrayList<>(byCandidate.keySet()).indexOf(bestKey);
        h.append("<h2>Rounds of successive halving</h2>\n")
                .append(Charts.halvingRounds(lines, result.rounds().size() - 1, best, result.scoring().shortName()))
                .append("\n<p class=\"note\">One line per candidate through its mean score in each round it was fitted in: "
                        + "grey when a round eliminated it, blue for the last round's, orange for the best; red at the top, "
                        + "a round's candidates without a score.</p>\n<table id=\"rounds\">\n<thead><tr><th>round</th>"
                + "<th>candidates</th><th>resources each</th></tr></thead>\n<tbody>\n");
        for (Halving.Round r : result.rounds()) {
            h.append("<tr><td class=\"n\">").append(r.iter()).append("</td><td class=\"n\">").append(r.candidates())
                    .append("</td><td class=\"n\">").append(r.resources()).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n<p class=\"note\">Each round keeps the best of its candidates for the next; the "
                + "best candidate is the best of the last round. The table below has one row per candidate and round.</p>\n");
    }

    private static void candidates(StringBuilder h, Job job, CompletedSearch outcome, List<CandidateResult> byRank) {
        SearchResult result = outcome.result();
        List<String> varying = new ArrayList<>();
        SortedMap<String, String> fixed = new TreeMap<>();
        for (String name : CvResults.paramNames(result)) {
            long distinct = result.candidates().stream().map(c -> String.valueOf(c.paramTexts().get(name))).distinct().count();
            boolean everywhere = result.candidates().stream().allMatch(c -> c.paramTexts().containsKey(name));
            if (distinct == 1 && everywhere) {
                fixed.put(name, result.candidates().get(0).paramTexts().get(name));
            } else {
                varying.add(name);
            }
        }
        h.append("<h2>All candidates</h2>\n");
        if (!fixed.isEmpty()) {
            h.append("<p>Set in every candidate: ").append(esc(Formats.params(fixed))).append(".</p>\n");
        }
        h.append("<div class=\"wide\">\n<table id=\"candidates\">\n<thead><tr><th>rank</th><th title=\"the candidate's index"
                + " in gridsearch.json and gridsearch.csv, from 0\">index</th>");
        for (String name : varying) {
            h.append("<th>").append(esc(name)).append("</th>");
        }
        h.append("<th>mean ").append(esc(job.search().scoring())).append(" ± std</th>");
        for (int k = 0; k < result.splits(); k++) {
            h.append("<th>fold ").append(k).append("</th>");
        }
        List<Scoring> extra = CvResults.extraMetrics(result);
        for (Scoring m : extra) {
            h.append("<th>mean ").append(esc(m.shortName())).append(" ± std</th>");
        }
        h.append("<th>epochs</th><th>status</th></tr></thead>\n<tbody>\n");
        int best = result.bestIndex().orElse(-1);
        for (CandidateResult c : byRank) {
            h.append(c.index() == best ? "<tr class=\"best\">" : "<tr>").append("<td class=\"n\">").append(c.rank())
                    .append("</td><td class=\"n\">").append(c.index()).append("</td>");
            for (String name : varying) {
                h.append("<td>").append(esc(c.paramTexts().getOrDefault(name, ""))).append("</td>");
            }
            h.append("<td class=\"n\">").append(Formats.readable(c.meanScore())).append(" ± ").append(Formats.readable(c.stdScore()))
                    .append("</td>");
            for (double s : c.splitScores()) {
                h.append("<td class=\"n\">").append(Formats.readable(s)).append("</td>");
            }
            for (Scoring m : extra) {
                h.append("<td class=\"n\">").append(Formats.readable(c.meanScore(m))).append(" ± ")
                        .append(Formats.readable(c.stdScore(m))).append("</td>");
            }
            StringBuilder epochs = new StringBuilder();
            for (int e : c.epochsRun()) {
                epochs.append(epochs.length() == 0 ? "" : " ").append(e);
            }
            h.append("<td class=\"n\">").append(epochs).append("</td><td").append(c.ok() ? ">ok" : " class=\"bad\">"
                    + esc(String.join("; ", c.problems()))).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</div>\n");
    }

    private static void setup(StringBuilder h, Job job, CompletedSearch outcome) {
        Job.Data d = job.data();
        Job.Search s = job.search();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("data file", d.file());
        rows.put("rows", outcome.data().rows() + (outcome.data().droppedRows() > 0
                ? " (" + outcome.data().droppedRows() + " dropped for empty cells)" : ""));
        rows.put("target", d.target());
        rows.put("features", String.join(", ", outcome.data().featureNames()));
        rows.put("missing values", d.missing());
        rows.put("search", s.type() + (s.nIter() == null ? "" : ", n_iter " + s.nIter())
                + (s.halving() == null ? "" : ", successive halving over " + s.halving().resource().shortName()
                + ", factor " + Formats.format(s.halving().factor())));
        rows.put("folds", s.folds() + (s.repeats() > 1 ? " x " + s.repeats() + " repeats (repeated K-fold" : " (K-fold")
                + ", shuffled with the seed)");
        rows.put("seed", Long.toString(s.seed()));
        rows.put("scoring", s.scoring() + (s.extraMetrics().isEmpty() ? "" : "; also " + String.join(", ", s.extraMetrics())));
        rows.put("scaling", "features " + s.featureScaling() + ", target " + s.targetScaling()
                + " (fitted on each fit's training rows)");
        for (String note : outcome.result().notes()) {
            rows.put("note", note);
        }
        rows.put("JDK", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        rows.put("SIMD", (Simd.isEnabled() ? "" : "off: ") + Simd.describe());
        rows.put("plugin", "nn-maven-plugin " + job.pluginVersion());
        h.append("<h2>Set-up</h2>\n<table>\n");
        for (Map.Entry<String, String> e : rows.entrySet()) {
            row(h, e.getKey(), e.getValue());
        }
        h.append("</table>\n");
    }

    private static void row(StringBuilder h, String key, String value) {
        h.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    /** Text made safe for HTML content and attribute values. */
    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
