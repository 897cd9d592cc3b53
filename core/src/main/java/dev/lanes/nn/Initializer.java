package dev.lanes.nn;

import dev.lanes.base.Rng;

/**
 * Fills a weight tensor with its initial values, as a Keras initializer does.
 *
 * <p>Shapes are Keras shapes: a dense kernel is {@code {fanIn, fanOut}} (row-major, one row per input
 * unit), a bias is {@code {units}}. Fans follow Keras: for a 2-D shape fan_in = rows and fan_out =
 * columns; for a 1-D shape both are its length.
 */
public interface Initializer {

    /**
     * Writes {@code product(shape)} values into {@code dst} starting at {@code off}.
     *
     * @throws IllegalArgumentException when the initializer cannot fill this shape (e.g. identity of a
     *                                  1-D shape)
     */
    void fill(float[] dst, int off, int[] shape, Rng rng);

    /** The Keras spelling of this initializer with its arguments, e.g. {@code glorot_uniform}. */
    String name();
}
