package dev.lanes.maven.report;

import dev.lanes.data.Dataset;
import dev.lanes.tune.SearchResult;
import dev.lanes.tune.SearchSpec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the worker's search produced, as the reports read it: the data, the spec, and each pass's
 * results. It lives here, not in the worker's package, so that the reports depend only on what they are
 * given.
 *
 * @param data        the data set
 * @param spec        the spec of the first pass
 * @param primary     the first pass, ranked by the job's scoring, with the refit
 * @param extra       the extra passes by metric name, in the job's order
 * @param passSeconds wall time of each pass
 * @param wallSeconds wall time of all passes
 */
public record CompletedSearch(Dataset data, SearchSpec spec, SearchResult primary, Map<String, SearchResult> extra,
                              List<Double> passSeconds, double wallSeconds) {

    /** Copies the collections. */
    public CompletedSearch {
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
        passSeconds = List.copyOf(passSeconds);
    }
}
