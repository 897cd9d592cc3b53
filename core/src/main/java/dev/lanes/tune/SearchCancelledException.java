package dev.lanes.tune;

import java.util.concurrent.CancellationException;

/** A search was cancelled before it finished: there is no result, and it says how far it got. */
public final class SearchCancelledException extends CancellationException {

    private static final long serialVersionUID = 1L;

    /** Fits finished before the cancellation took effect; part of the serialized form. */
    private final int fitsDone;
    /** Fits the whole search would have run; part of the serialized form. */
    private final int fitsTotal;

    SearchCancelledException(int fitsDone, int fitsTotal, String when) {
        super("The search was cancelled" + (when.isEmpty() ? "" : " " + when) + " after " + fitsDone + " of " + fitsTotal + " fits; it has no result");
        this.fitsDone = fitsDone;
        this.fitsTotal = fitsTotal;
    }

    /** Fits finished before the cancellation took effect. */
    public int fitsDone() {
        return fitsDone;
    }

    /** Fits the whole search would have run. */
    public int fitsTotal() {
        return fitsTotal;
    }
}
