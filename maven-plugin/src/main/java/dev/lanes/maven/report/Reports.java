package dev.lanes.maven.report;

import dev.lanes.maven.job.Job;
import dev.lanes.maven.job.Json;
import dev.lanes.maven.job.OutputFiles;
import dev.lanes.maven.job.Sha256;
import dev.lanes.nn.Model;
import dev.lanes.onnx.OnnxExport;
import dev.lanes.tune.FittedModel;
import dev.lanes.tune.SearchResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Writes every result file of a finished search into the output directory (see {@link OutputFiles}). */
public final class Reports {

    private Reports() {
    }

    /** Writes the model (best-model.lanes and .onnx), gridsearch.json, gridsearch.csv, report.html and timings.json. */
    public static void write(Job job, CompletedSearch outcome, Path dir) throws IOException {
        Optional<String> model = Optional.empty();
        Optional<FittedModel> refit = outcome.result().refit();
        if (refit.isPresent()) {
            FittedModel f = refit.get();
            // The scalers travel with the model, so Model.load(..).predictRaw(..) works on raw columns.
            Model best = f.model().withScalers(f.preprocessing().toScalers(outcome.data()));
            best.save(dir.resolve(OutputFiles.MODEL));
            OnnxExport.write(best, dir.resolve(OutputFiles.ONNX));
            model = Optional.of(OutputFiles.MODEL);
        }
        String sha256 = Sha256.ofFile(Path.of(job.data().file()));
        Json.write(ResultsJson.of(job, outcome, sha256, model), dir.resolve(OutputFiles.RESULTS));
        CsvReport.write(outcome, dir.resolve(OutputFiles.CSV));
        HtmlReport.write(job, outcome, dir.resolve(OutputFiles.HTML));
        Json.write(timings(job, outcome), dir.resolve(OutputFiles.TIMINGS));
    }

    /** {@code timings.json}: what the clock measured, apart from the reproducible files. */
    private static Map<String, Object> timings(Job job, CompletedSearch outcome) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("note", "Wall-clock measurements: they change from run to run and with the parallelism, so they are "
                + "kept out of gridsearch.json, gridsearch.csv and report.html.");
        m.put("parallelism", job.parallelism());
        m.put("wall_seconds", outcome.wallSeconds());
        SearchResult r = outcome.result();
        m.put("cv_wall_seconds", r.cvWallSeconds());
        m.put("fit_cpu_seconds", r.fitCpuSeconds());
        m.put("core_utilisation", r.coreUtilisation());
        m.put("refit_seconds", r.wallSeconds() - r.cvWallSeconds());
        m.put("candidates", CvResults.timingRows(r));
        return m;
    }
}
