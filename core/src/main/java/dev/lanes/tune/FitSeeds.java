package dev.lanes.tune;

import dev.lanes.base.Rng;

import java.nio.charset.StandardCharsets;

/**
 * The seeds of one fit, derived from the search seed, the candidate's canonical parameters (less the
 * names of files its callbacks write) and the split index only: a fit trains the same way whichever thread runs it, whenever it starts, and
 * wherever its candidate stands in the grid, so adding values to a grid leaves the scores of the
 * candidates that were there before as they were.
 *
 * @param weights  seeds the weight initialization
 * @param training seeds the shuffling and dropout
 */
record FitSeeds(long weights, long training) {

    /**
     * The seeds of {@code candidate} on split {@code split}; the refit on all rows uses
     * {@code split = } the number of splits. The canonical form is hashed (64-bit FNV-1a) and each
     * part goes through a SplitMix64 step, so similar candidates and neighbouring splits get unrelated
     * streams.
     */
    static FitSeeds of(long searchSeed, Candidate candidate, int split) {
        long perCandidate = new Rng(new Rng(searchSeed).nextLong() ^ fnv1a(candidate.seedForm())).nextLong();
        Rng rng = new Rng(perCandidate + split);
        return new FitSeeds(rng.nextLong(), rng.nextLong());
    }

    private static long fnv1a(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h;
    }
}
