package dev.lanes.simd.internal.panama;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
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

    // The butterfly of {@link #sums}: lane j's partner at distance h is lane j ^ h; a level keeps the
    // lanes whose bit h is clear from its first vector and the others from its second.
    private static final VectorShuffle<Float> XOR_1 = VectorShuffle.fromOp(S, j -> j ^ 1);
    private static final VectorShuffle<Float> XOR_2 = VectorShuffle.fromOp(S, j -> j ^ (2 % L));
    private static final VectorShuffle<Float> XOR_4 = VectorShuffle.fromOp(S, j -> j ^ (4 % L));
    private static final VectorShuffle<Float> XOR_8 = VectorShuffle.fromOp(S, j -> j ^ (8 % L));
    private static final VectorMask<Float> BIT_1 = VectorMask.fromLong(S, 0xAAAAL);
    private static final VectorMask<Float> BIT_2 = VectorMask.fromLong(S, 0xCCCCL);
    private static final VectorMask<Float> BIT_4 = VectorMask.fromLong(S, 0xF0F0L);
    private static final VectorMask<Float> BIT_8 = VectorMask.fromLong(S, 0xFF00L);
    /** After the butterfly, row r's sum is in the lane whose index is r's bits reversed. */
    private static final VectorShuffle<Float> ROW_ORDER = VectorShuffle.fromOp(S,
            r -> Integer.reverse(r) >>> (Integer.SIZE - Integer.numberOfTrailingZeros(L)));

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

    /**
     * The lane sums of the L vectors stored one after another in {@code lanes[0, L * L)}, written to
     * {@code lanes[0, L)}: the same additions as {@link #sum} for each vector, in a butterfly that halves
     * the vectors at each level (two lane swaps, two adds and a blend put two rows' halves in one vector):
     * 31 permutations for 16 rows where {@link #sum} takes 64. Every lane of {@link #sum}'s last vector holds the same bits, since
     * it adds the same pairs, and the butterfly keeps each row in the lanes of one of them.
     */
    static void sums(float[] lanes) {
        if (L >= 16) {
            level(lanes, 8, XOR_8, BIT_8);
        }
        if (L >= 8) {
            level(lanes, 4, XOR_4, BIT_4);
        }
        level(lanes, 2, XOR_2, BIT_2);
        level(lanes, 1, XOR_1, BIT_1);
        FloatVector.fromArray(S, lanes, 0).rearrange(ROW_ORDER).intoArray(lanes, 0);
    }

    /** One level of {@link #sums}: the 2h vectors at the start of lanes become h, each pair in one. */
    private static void level(float[] lanes, int h, VectorShuffle<Float> partner, VectorMask<Float> second) {
        for (int q = 0; q < h; q++) {
            FloatVector x = FloatVector.fromArray(S, lanes, 2 * q * L);
            FloatVector y = FloatVector.fromArray(S, lanes, (2 * q + 1) * L);
            x.add(x.rearrange(partner)).blend(y.add(y.rearrange(partner)), second).intoArray(lanes, q * L);
        }
    }
}
