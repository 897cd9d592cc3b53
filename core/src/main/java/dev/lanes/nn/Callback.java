package dev.lanes.nn;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Something that watches training epoch by epoch and may steer it, like a Keras callback.
 *
 * <p>A callback is configuration and may be shared by fits running in parallel: {@link #start()} gives
 * the mutable state of one fit.
 */
public interface Callback {

    /** The state of this callback for one fit. */
    Hook start();

    /**
     * Whether it sets the learning rate ({@link TrainingControl#setLearningRate}), which an optimizer whose
     * rate follows a schedule does not allow, as in Keras: such a fit is refused before it starts
     * ({@link Callbacks#checkLearningRate}).
     */
    default boolean setsLearningRate() {
        return false;
    }

    /** Its Keras class name, for messages: {@code EarlyStopping}, {@code CSVLogger}. */
    default String kerasName() {
        return getClass().getSimpleName();
    }

    /** The files it writes ({@link ModelCheckpoint}, {@link CsvLogger}); none for most callbacks. */
    default List<Path> files() {
        return List.of();
    }

    /**
     * This callback writing each of its {@link #files()} to {@code where.apply(file)} instead (a search
     * gives each fit its own files); a callback that writes none returns itself.
     */
    default Callback relocated(UnaryOperator<Path> where) {
        return this;
    }

    /** Called around every epoch of one fit. */
    @FunctionalInterface
    interface Hook {
        /** Before epoch {@code epoch} (from 0) trains: may change the learning rate it trains with. */
        default void onEpochBegin(int epoch, TrainingControl control) {
        }

        /** Sees the epoch's logs and may stop training or change the learning rate or weights. */
        void onEpochEnd(EpochLogs logs, TrainingControl control);

        /**
         * At the end of the fit (Keras' {@code on_train_end}), after the optimizer has finalized the weights
         * (its moving average, with {@code use_ema}): may put other weights in place. A fit run in stages
         * ends each stage so, and the next stage trains on from the weights as they were before.
         */
        default void onTrainEnd(TrainingControl control) {
        }
    }
}
