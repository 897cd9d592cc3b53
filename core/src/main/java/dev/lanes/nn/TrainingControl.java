package dev.lanes.nn;

import java.io.IOException;
import java.nio.file.Path;

/** What a {@link Callback} may do to the fit it watches. */
public interface TrainingControl {

    /** Ends training after this epoch. */
    void stop();

    /** The learning rate the next step will use. */
    double learningRate();

    /**
     * Replaces the learning rate for the rest of the fit.
     *
     * @throws IllegalStateException when the optimizer follows a learning-rate schedule
     */
    void setLearningRate(double learningRate);

    /** A copy of all the model's weights. */
    float[] copyWeights();

    /** Restores weights earlier taken with {@link #copyWeights()}. */
    void restoreWeights(float[] weights);

    /**
     * Writes the model with its weights after this epoch to {@code file}, as {@link Model#save} does.
     *
     * @throws IOException when the file cannot be written
     */
    void save(Path file) throws IOException;
}
