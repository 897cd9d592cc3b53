package dev.lanes.nn;

/**
 * Keras' {@code GaussianNoise(stddev)}: during training, adds zero-mean normal noise of standard deviation
 * {@code stddev} to every output of the previous layer; does nothing at prediction time. The noise comes
 * from the fit's seed, so training stays reproducible. Its gradient is the identity.
 *
 * @param stddev the noise's standard deviation, finite and {@code >= 0} (0 adds nothing)
 */
public record GaussianNoise(double stddev) implements Layer {

    /** Checks the standard deviation. */
    public GaussianNoise {
        if (!(stddev >= 0) || Double.isInfinite(stddev)) {
            throw new IllegalArgumentException("GaussianNoise stddev must be a finite number >= 0 but was " + stddev);
        }
    }
}
