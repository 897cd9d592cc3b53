package dev.lanes.tune;

import dev.lanes.base.Rng;

/**
 * The seeds of one fit, derived from the search seed, the candidate index and the fold index only, so
 * that a fit trains the same way whichever thread runs it and whenever it starts.
 *
 * @param weights  seeds the weight initialization
 * @param training seeds the shuffling and dropout
 */
record FitSeeds(long weights, long training) {

    /**
     * The seeds of candidate {@code candidate} on fold {@code fold}; the refit on all rows uses
     * {@code fold = k}. Each index goes through a SplitMix64 step, so neighbouring indices get
     * unrelated streams.
     */
    static FitSeeds of(long searchSeed, int candidate, int fold) {
        long perCandidate = new Rng(new Rng(searchSeed).nextLong() + candidate).nextLong();
        Rng rng = new Rng(perCandidate + fold);
        return new FitSeeds(rng.nextLong(), rng.nextLong());
    }
}
