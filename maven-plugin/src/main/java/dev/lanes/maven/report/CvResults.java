package dev.lanes.maven.report;

import dev.lanes.tune.CandidateResult;
import dev.lanes.tune.SearchResult;
import dev.lanes.tune.Scoring;
import dev.lanes.tune.SplitResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The search's results as rows named like scikit-learn's {@code cv_results_}, one per candidate in
 * candidate order (with successive halving one per candidate and round, led by {@code iter} and
 * {@code n_resources}), shared by {@code gridsearch.json} and {@code gridsearch.csv}: {@code params},
 * {@code param_<name>}, {@code split<k>_test_score}, {@code mean_test_score}, {@code std_test_score},
 * {@code rank_test_score} of the ranking metric, then the same four for each further metric
 * ({@code mean_test_mae}, ... as scikit-learn names them for multi-metric scoring), the
 * {@code split<k>_train_*}, {@code mean_train_*} and {@code std_train_*} columns when train scores were
 * asked for, then {@code epochs_run}, {@code status} and
 * {@code problems} per split. Timings are apart ({@link #timingRows}) since they change from run to run.
 */
final class CvResults {

    private CvResults() {
    }

    /** Every hyperparameter name any candidate sets, sorted. */
    static List<String> paramNames(SearchResult result) {
        TreeSet<String> names = new TreeSet<>();
        for (CandidateResult c : result.candidates()) {
            names.addAll(c.paramTexts().keySet());
        }
        return new ArrayList<>(names);
    }

    /** The metrics of {@code result} besides the ranking one, in their order. */
    static List<Scoring> extraMetrics(SearchResult result) {
        return result.metrics().subList(1, result.metrics().size());
    }

    /** One row per candidate; values are Strings, Integers, Doubles (NaN for a failed fit), maps or lists. */
    static List<Map<String, Object>> rows(CompletedSearch outcome) {
        SearchResult result = outcome.result();
        List<String> names = paramNames(result);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CandidateResult c : result.candidates()) {
            Map<String, Object> row = new LinkedHashMap<>();
            if (!result.rounds().isEmpty()) {
                row.put("iter", c.round());
                row.put("n_resources", result.resources(c));
            }
            row.put("params", c.paramTexts());
            for (String name : names) {
                row.put("param_" + name, c.paramTexts().get(name));
            }
            scores(row, "score", c, result.scoring());
            for (Scoring m : extraMetrics(result)) {
                scores(row, m.shortName(), c, m);
            }
            if (c.hasTrainScores()) {
                trainScores(row, "score", c, result.scoring());
                for (Scoring m : extraMetrics(result)) {
                    trainScores(row, m.shortName(), c, m);
                }
            }
            List<Integer> epochs = new ArrayList<>();
            List<String> status = new ArrayList<>();
            for (SplitResult s : c.splits()) {
                epochs.add(s.epochsRun());
                status.add(s.status().name().toLowerCase(Locale.ROOT));
            }
            row.put("epochs_run", epochs);
            row.put("status", status);
            row.put("problems", c.problems());
            rows.add(row);
        }
        return rows;
    }

    private static void scores(Map<String, Object> row, String suffix, CandidateResult c, Scoring metric) {
        double[] splits = c.splitScores(metric);
        for (int k = 0; k < splits.length; k++) {
            row.put("split" + k + "_test_" + suffix, splits[k]);
        }
        row.put("mean_test_" + suffix, c.meanScore(metric));
        row.put("std_test_" + suffix, c.stdScore(metric));
        row.put("rank_test_" + suffix, c.rank(metric));
    }

    private static void trainScores(Map<String, Object> row, String suffix, CandidateResult c, Scoring metric) {
        double[] splits = c.splitTrainScores(metric);
        for (int k = 0; k < splits.length; k++) {
            row.put("split" + k + "_train_" + suffix, splits[k]);
        }
        row.put("mean_train_" + suffix, c.meanTrainScore(metric));
        row.put("std_train_" + suffix, c.stdTrainScore(metric));
    }

    /** Wall-clock times per candidate: {@code mean_fit_time}, {@code std_fit_time}, ... and per split. */
    static List<Map<String, Object>> timingRows(SearchResult result) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CandidateResult c : result.candidates()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("index", c.index());
            row.put("mean_fit_time", c.meanFitSeconds());
            row.put("std_fit_time", c.stdFitSeconds());
            row.put("mean_score_time", c.meanScoreSeconds());
            row.put("std_score_time", c.stdScoreSeconds());
            for (SplitResult s : c.splits()) {
                row.put("split" + s.fold() + "_fit_time", s.fitSeconds());
            }
            rows.add(row);
        }
        return rows;
    }
}
