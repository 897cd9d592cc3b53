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
    private final String label;
    private final String scoring;
    private final int passesAfterThis;
    private long lastPrinted;

    /**
     * @param label           what precedes each line, e.g. {@code pass 2/2 (mae): }, or empty
     * @param scoring         the name of the score, e.g. {@code rmse}
     * @param passesAfterThis passes of the same size still to come, counted in the ETA
     */
    ProgressPrinter(WorkerLog log, String label, String scoring, int passesAfterThis) {
        this.log = log;
        this.label = label;
        this.scoring = scoring;
        this.passesAfterThis = passesAfterThis;
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
        // Later passes repeat the same fits, so each takes about as long as this one.
        double eta = p.eta().toNanos() / 1e9 + passesAfterThis * (elapsed + p.eta().toNanos() / 1e9);
        log.info(label + p.fitsDone() + "/" + p.fitsTotal() + " fits (" + (100 * p.fitsDone() / p.fitsTotal()) + "%)"
                + (p.bestMeanScore().isPresent() ? ", best " + scoring + " " + Formats.format(p.bestMeanScore().getAsDouble()) : "")
                + ", " + Formats.clock(elapsed) + " elapsed" + (last && passesAfterThis == 0 ? "" : ", ETA " + Formats.clock(eta)));
    }
}
