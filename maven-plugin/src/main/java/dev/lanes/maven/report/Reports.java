package dev.lanes.maven.report;

import dev.lanes.maven.job.Job;
import dev.lanes.maven.job.Json;
import dev.lanes.maven.job.OutputFiles;
import dev.lanes.maven.job.Sha256;
import dev.lanes.nn.Model;
import dev.lanes.onnx.OnnxExport;
import dev.lanes.tune.FittedModel;

import java.io.IOException;
import java.nio.file.Path;
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
        Json.write(ResultsJson.timings(job, outcome), dir.resolve(OutputFiles.TIMINGS));
    }
}
