package dev.lanes.nn;

/**
 * A fit of a {@link Model} that runs in stages ({@link Model#startFit}). Its shuffling, optimizer state,
 * learning-rate schedule and callbacks carry over from one stage to the next, so
 * {@code continueTo(3)} then {@code continueTo(9)} leaves the same weights, bit for bit, as
 * {@code fit} with 9 epochs. After each stage the model holds what a fit of that many epochs leaves (with
 * an optimizer's {@code use_ema}, the weights' moving average); the next stage goes on from where the
 * training was. Not thread-safe: one thread runs it at a time.
 */
public final class Training {

    private final Trainer trainer;

    Training(Trainer trainer) {
        this.trainer = trainer;
    }

    /**
     * Runs epochs until {@code epochs} have run in all (at most the fit options' epochs), a callback
     * stops the fit or the loss diverges; does nothing once one of those happened.
     *
     * @return the history of every epoch run so far
     */
    public History continueTo(int epochs) {
        return trainer.runTo(epochs);
    }

    /** Whether no further epoch will run: a callback stopped it, it diverged, or all its epochs ran. */
    public boolean finished() {
        return trainer.finished();
    }
}
