package dev.lanes.maven.report;

import dev.lanes.maven.job.GridSearchResults;
import dev.lanes.maven.job.Job;
import dev.lanes.maven.job.Timings;
import dev.lanes.simd.Simd;
import dev.lanes.tune.CandidateResult;
import dev.lanes.tune.FittedModel;
import dev.lanes.tune.Halving;
import dev.lanes.tune.ReferenceResult;
import dev.lanes.tune.Scoring;
import dev.lanes.tune.SearchResult;
import dev.lanes.tune.SplitResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a finished search onto the records of its JSON files: {@link GridSearchResults}
 * ({@code gridsearch.json}) and {@link Timings} ({@code timings.json}).
 */
final class ResultsJson {

    private ResultsJson() {
    }

    /** The document for {@code outcome}; {@code model} is the saved model's file name, empty if none. */
    static GridSearchResults of(Job job, CompletedSearch outcome, String datasetSha256, Optional<String> model) {
        SearchResult result = outcome.result();
        Optional<CandidateResult> best = result.best();
        Map<String, Double> bestScores = new LinkedHashMap<>();
        best.ifPresent(b -> result.metrics().forEach(m -> bestScores.put(m.shortName(), b.meanScore(m))));
        Map<String, Map<String, GridSearchResults.Scores>> references = new LinkedHashMap<>();
        for (ReferenceResult r : result.references()) {
            Map<String, GridSearchResults.Scores> scores = new LinkedHashMap<>();
            for (Scoring m : result.metrics()) {
                scores.put(m.shortName(), scores(r.scores(m), r.meanScore(m), r.stdScore(m)));
            }
            references.put(r.model().shortName(), scores);
        }
        List<GridSearchResults.Candidate> candidates = new ArrayList<>();
        for (CandidateResult c : result.candidates()) {
            candidates.add(candidate(result, c));
        }
        return new GridSearchResults(GridSearchResults.FORMAT, job.pluginVersion(), dataset(job.data(), outcome, datasetSha256),
                search(job.search(), outcome), environment(), best.map(CandidateResult::index).orElse(null),
                best.<Map<String, String>>map(CandidateResult::paramTexts).orElse(Map.of()), best.map(CandidateResult::meanScore).orElse(Double.NaN),
                bestScores, references, candidates, refit(result, model));
    }

    private static GridSearchResults.Candidate candidate(SearchResult result, CandidateResult c) {
        boolean halving = !result.rounds().isEmpty();
        Map<String, GridSearchResults.Scores> test = new LinkedHashMap<>();
        Map<String, GridSearchResults.Scores> train = new LinkedHashMap<>();
        for (Scoring m : result.metrics()) {
            test.put(m.shortName(), scores(c.splitScores(m), c.meanScore(m), c.stdScore(m)));
            if (c.hasTrainScores()) {
                train.put(m.shortName(), scores(c.splitTrainScores(m), c.meanTrainScore(m), c.stdTrainScore(m)));
            }
        }
        List<GridSearchResults.Split> splits = c.splits().stream()
                .map(s -> new GridSearchResults.Split(s.status().name().toLowerCase(Locale.ROOT), s.epochsRun())).toList();
        return new GridSearchResults.Candidate(c.index(), halving ? c.round() : null, halving ? result.resources(c) : null,
                c.paramTexts(), c.rank(), test, train, splits, c.problems());
    }

    private static GridSearchResults.Scores scores(double[] splits, double mean, double std) {
        return new GridSearchResults.Scores(Arrays.stream(splits).boxed().toList(), mean, std);
    }

    private static GridSearchResults.DatasetInfo dataset(Job.Data d, CompletedSearch outcome, String sha256) {
        return new GridSearchResults.DatasetInfo(d.file(), sha256, d.target(), d.include(), d.exclude(),
                d.delimiter() == null ? null : d.delimiter().toString(), d.missing(), d.categorical(), outcome.data().rows(),
                outcome.data().droppedRows(), outcome.data().featureNames(),
                GridSearchResults.TargetSummary.of(outcome.data().target().toArray()));
    }

    private static GridSearchResults.SearchInfo search(Job.Search s, CompletedSearch outcome) {
        SearchResult r = outcome.result();
        List<GridSearchResults.Round> rounds = r.rounds().stream()
                .map(round -> new GridSearchResults.Round(round.iter(), round.candidates(), round.resources())).toList();
        return new GridSearchResults.SearchInfo(s.type(), s.nIter(), s.grids(), s.folds(), s.repeats(), true, s.seed(),
                s.scoring(), s.extraMetrics(), s.returnTrainScore(), s.halving() == null ? null : halving(s.halving()),
                s.featureScaling(), s.targetScaling(), r.candidates().size(), r.fits(), r.notes(), rounds);
    }

    private static GridSearchResults.HalvingInfo halving(Halving h) {
        return new GridSearchResults.HalvingInfo(h.resource().shortName(), h.factor(),
                h.minResources() > 0 ? Integer.toString(h.minResources()) : h.exhaust() ? "exhaust" : "smallest",
                h.maxResources() > 0 ? Integer.toString(h.maxResources()) : "auto", h.aggressiveElimination());
    }

    /** What the numbers may depend on: the JDK and the kernels (not the machine's size or the clock). */
    private static GridSearchResults.Environment environment() {
        return new GridSearchResults.Environment(System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                System.getProperty("os.arch"), Simd.isEnabled(), Simd.floatLanes(), Simd.describe());
    }

    private static GridSearchResults.Refit refit(SearchResult primary, Optional<String> model) {
        Optional<FittedModel> refit = primary.refit();
        List<GridSearchResults.Epoch> history = new ArrayList<>();
        refit.ifPresent(f -> f.history().epochs().forEach(e -> history.add(new GridSearchResults.Epoch(e.epoch() + 1,
                e.loss(), e.validationLoss().orElse(Double.NaN), e.learningRate()))));
        return new GridSearchResults.Refit(refit.map(f -> f.candidate().index()).orElse(null), model.orElse(null),
                primary.refitProblem().orElse(null), "per-epoch loss of the refit on all rows, on the scaled target "
                + "(report.html draws the folds' curves of the top candidates)", history);
    }

    /** Wall-clock times: the whole search's and every candidate's. */
    static Timings timings(Job job, CompletedSearch outcome) {
        SearchResult r = outcome.result();
        List<Timings.Candidate> candidates = r.candidates().stream().map(c -> new Timings.Candidate(c.index(),
                c.meanFitSeconds(), c.stdFitSeconds(), c.meanScoreSeconds(), c.stdScoreSeconds(),
                c.splits().stream().map(SplitResult::fitSeconds).toList())).toList();
        return new Timings(Timings.NOTE, job.parallelism(), outcome.wallSeconds(), r.cvWallSeconds(), r.fitCpuSeconds(),
                r.coreUtilisation(), r.wallSeconds() - r.cvWallSeconds(), candidates);
    }

    /** The candidates in rank order (ties by index), for tables. */
    static List<CandidateResult> byRank(SearchResult result) {
        return result.candidates().stream()
                .sorted((a, b) -> a.rank() != b.rank() ? Integer.compare(a.rank(), b.rank()) : Integer.compare(a.index(), b.index()))
                .toList();
    }
}
