package dev.lanes.nn;

import java.util.List;
import java.util.Optional;

/**
 * What a fit did: the logs of every epoch it ran, and whether it diverged.
 *
 * @param epochs     the logs of each epoch run, in order
 * @param divergence why and when training diverged, empty when it did not
 */
public record History(List<EpochLogs> epochs, Optional<Divergence> divergence) {

    /** Copies the list. */
    public History {
        epochs = List.copyOf(epochs);
    }

    /** Training stopped because the loss became NaN or infinite. */
    public record Divergence(int epoch, int step, String reason) {
    }

    /** Whether the loss became NaN or infinite; such a model must not be used. */
    public boolean diverged() {
        return divergence.isPresent();
    }

    /** Number of epochs completed. */
    public int epochsRun() {
        return epochs.size();
    }

    /** The last epoch's logs. */
    public Optional<EpochLogs> last() {
        return epochs.isEmpty() ? Optional.empty() : Optional.of(epochs.get(epochs.size() - 1));
    }

    /** Training loss per epoch. */
    public double[] loss() {
        return epochs.stream().mapToDouble(EpochLogs::loss).toArray();
    }

    /** Validation loss per epoch, empty without validation data. */
    public double[] validationLoss() {
        return epochs.stream().filter(e -> e.validationLoss().isPresent())
                .mapToDouble(e -> e.validationLoss().getAsDouble()).toArray();
    }
}
