package dev.lanes.maven.job;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;
import java.util.Objects;

/**
 * {@code timings.json}: what the clock measured, kept apart from the reproducible files because it
 * changes from run to run and with the parallelism. Written by the worker, read by the build for the
 * log's table. Times are in seconds; NaN (written {@code null}) when not measured.
 *
 * @param note            what the file is, for a reader who opens it
 * @param parallelism     fits trained at once
 * @param wallSeconds     the whole search, data loading left out
 * @param cvWallSeconds   the cross-validation, refit left out
 * @param fitCpuSeconds   CPU time of the fits' threads
 * @param coreUtilisation CPU time over wall time and cores
 * @param refitSeconds    the refit of the best candidate
 * @param candidates      each candidate's times, in candidate order
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Timings(String note, int parallelism, double wallSeconds, double cvWallSeconds, double fitCpuSeconds,
                      double coreUtilisation, double refitSeconds, List<Candidate> candidates) {

    /** What {@link #note} says. */
    public static final String NOTE = "Wall-clock measurements: they change from run to run and with the parallelism, "
            + "so they are kept out of gridsearch.json, gridsearch.csv and report.html.";

    /** Refuses a missing list. */
    public Timings {
        candidates = List.copyOf(Objects.requireNonNull(candidates, "candidates"));
    }

    /**
     * One candidate's times, named as scikit-learn's {@code cv_results_} names them.
     *
     * @param index         the candidate's index in {@code gridsearch.json}
     * @param meanFitTime   mean training time per split
     * @param stdFitTime    its standard deviation
     * @param meanScoreTime mean scoring time per split
     * @param stdScoreTime  its standard deviation
     * @param splitFitTime  the training time of every split
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Candidate(int index, double meanFitTime, double stdFitTime, double meanScoreTime, double stdScoreTime,
                            List<Double> splitFitTime) {

        /** Refuses a missing list. */
        public Candidate {
            splitFitTime = List.copyOf(Objects.requireNonNull(splitFitTime, "split_fit_time"));
        }
    }
}
