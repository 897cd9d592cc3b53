package dev.lanes.maven.worker;

import dev.lanes.maven.job.Formats;
import dev.lanes.tune.SearchListener;
import dev.lanes.tune.SearchProgress;

/**
 * Prints where a search stands at most every two seconds, and once at its end: fits done of the total,
 * percent, the best mean score so far and the estimated time left, e.g.
 * {@code 96/216 fits (44%), best rmse 55123.5, 0:26 elapsed, ETA 0:33}.
 */
final class ProgressPrinter implements SearchListener {

    /** Often enough to show life, rarely enough to keep the build log short. */
    private static final long INTERVAL_NANOS = 2_000_000_000L;

    private final WorkerLog log;
    private final String scoring;
    private long lastPrinted;

    /** @param scoring the name of the ranking score, e.g. {@code rmse} */
    ProgressPrinter(WorkerLog log, String scoring) {
        this.log = log;
        this.scoring = scoring;
        this.lastPrinted = System.nanoTime();
    }

    @Override
    public void onFit(SearchProgress p) {
        long now = System.nanoTime();
        boolean last = p.fitsDone() == p.fitsTotal();
        if (!last && now - lastPrinted < INTERVAL_NANOS) {
            return;
        }
        lastPrinted = now;
        double elapsed = p.elapsed().toNanos() / 1e9;
        log.info(p.fitsDone() + "/" + p.fitsTotal() + " fits (" + (100 * p.fitsDone() / p.fitsTotal()) + "%)"
                + (p.bestMeanScore().isPresent() ? ", best " + scoring + " " + Formats.format(p.bestMeanScore().getAsDouble()) : "")
                + ", " + Formats.clock(elapsed) + " elapsed" + (last ? "" : ", ETA " + Formats.clock(p.eta().toNanos() / 1e9)));
    }
}
