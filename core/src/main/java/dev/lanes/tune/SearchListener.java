package dev.lanes.tune;

/**
 * Told after every fit of a search how far it is. Called from one thread at a time (never concurrently),
 * though not always the same thread; a slow listener slows the search down. An exception thrown here stops
 * the search, and {@link Search#await()} rethrows it.
 */
@FunctionalInterface
public interface SearchListener {

    /** One more fit is done. */
    void onFit(SearchProgress progress);
}
