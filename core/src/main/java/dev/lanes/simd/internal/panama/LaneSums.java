package dev.lanes.simd.internal.panama;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The sum of a vector's lanes in a fixed order. {@code reduceLanes(ADD)} may add floats in a different
 * order in interpreted and in compiled code (it does on JDK 25), which would make a result depend on
 * how warm the JIT was; rotations and lane-wise adds are exact operations, the same in every tier.
 */
final class LaneSums {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    static final VectorShuffle<Float> ROTATE_1 = VectorShuffle.iota(S, 1, 1, true);
    static final VectorShuffle<Float> ROTATE_2 = VectorShuffle.iota(S, 2 % L, 1, true);
    static final VectorShuffle<Float> ROTATE_4 = VectorShuffle.iota(S, 4 % L, 1, true);
    static final VectorShuffle<Float> ROTATE_8 = VectorShuffle.iota(S, 8 % L, 1, true);

    /** The widest vector this class sums (16 floats, 512 bits). */
    static final int MAX_LANES = 16;

    private LaneSums() {
    }

    /** Lanes added pairwise by halving rotations: the same bits in interpreted and compiled code. */
    static float sum(FloatVector v) {
        FloatVector t = v;
        if (L >= 16) {
            t = t.add(t.rearrange(ROTATE_8));
        }
        if (L >= 8) {
            t = t.add(t.rearrange(ROTATE_4));
        }
        t = t.add(t.rearrange(ROTATE_2));
        t = t.add(t.rearrange(ROTATE_1));
        return t.lane(0);
    }
}
