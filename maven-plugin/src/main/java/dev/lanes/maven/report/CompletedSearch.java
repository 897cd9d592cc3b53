package dev.lanes.maven.report;

import dev.lanes.data.Dataset;
import dev.lanes.tune.SearchResult;
import dev.lanes.tune.SearchSpec;

/**
 * What the worker's search produced, as the reports read it. It lives here, not in the worker's
 * package, so that the reports depend only on what they are given.
 *
 * @param data        the data set
 * @param spec        the search's spec
 * @param result      the search's result: every metric of every split, the ranking, the refit
 * @param wallSeconds wall time of the search, data loading left out
 */
public record CompletedSearch(Dataset data, SearchSpec spec, SearchResult result, double wallSeconds) {
}
