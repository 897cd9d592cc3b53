/**
 * Cross-validated hyperparameter search, in the manner of scikit-learn's {@code GridSearchCV} and
 * {@code RandomizedSearchCV}: a {@link dev.lanes.tune.SearchSpace} of candidates, a
 * {@link dev.lanes.tune.SearchSpec} saying how to search, and {@link dev.lanes.tune.Search}, which runs
 * the fits in parallel and gives a {@link dev.lanes.tune.SearchResult}. Seeds depend only on the search
 * seed, the candidate and the fold, so the result is the same whatever the number of threads.
 */
package dev.lanes.tune;
