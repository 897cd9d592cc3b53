/**
 * The result files of a search, written by the worker from a {@link dev.lanes.maven.report.CompletedSearch}:
 * {@code gridsearch.json}, {@code gridsearch.csv}, {@code report.html}, {@code timings.json} and the refitted
 * model ({@link dev.lanes.maven.report.Reports}). Reproducible files depend only on the data, the configuration
 * and the seed; measured times go to {@code timings.json} alone.
 */
package dev.lanes.maven.report;
