package dev.lanes.simd.internal.panama;

import dev.lanes.simd.internal.VectorSupport;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Level-1 kernels on {@link FloatVector#SPECIES_PREFERRED} lanes.
 *
 * <p>Shape shared by every kernel, each choice measured on the project's target machines:
 * <ul>
 *   <li>the species is a {@code static final} constant: read from anything else, C2 cannot intrinsify
 *       the vector operations and a 4096-float dot becomes two orders of magnitude slower;</li>
 *   <li>the vector part of a reduction lives in its own {@code *Body} method that takes arrays and
 *       returns a plain float, so no vector crosses a call C2 might not inline (such a vector is boxed
 *       on the heap), and every method stays well below the 325-byte size up to which C2 inlines hot
 *       methods (the largest, squaredErrorBody, is 305 bytes of bytecode, dotBody 262);</li>
 *   <li>reductions keep four independent accumulators: with one, every FMA waits about four cycles for
 *       the previous one, so the loop is latency bound instead of load bound;</li>
 *   <li>the vector loop stops at {@code SPECIES.loopBound(n)} and a scalar loop handles the tail,
 *       because masked tails are slower than scalar ones on JDK 17 (and only tie on JDK 25).</li>
 * </ul>
 * Element-wise kernels compute each element with the same single rounding as {@code ScalarVectors}
 * (FMA where the scalar twin uses {@link Math#fma}), so their results are bitwise identical to it;
 * reductions add in a different order and agree only within rounding.
 */
final class PanamaVectors implements VectorSupport {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    @Override
    public float dot(int n, float[] x, int xOff, float[] y, int yOff) {
        int bound = SPECIES.loopBound(n);
        float sum = dotBody(bound, x, xOff, y, yOff);
        for (int i = bound; i < n; i++) {
            sum = Math.fma(x[xOff + i], y[yOff + i], sum);
        }
        return sum;
    }

    private static float dotBody(int bound, float[] x, int xOff, float[] y, int yOff) {
        FloatVector acc0 = FloatVector.zero(SPECIES);
        FloatVector acc1 = acc0;
        FloatVector acc2 = acc0;
        FloatVector acc3 = acc0;
        int l = LANES;
        int i = 0;
        for (; i < bound - 3 * l; i += 4 * l) {
            int a = xOff + i;
            int b = yOff + i;
            acc0 = FloatVector.fromArray(SPECIES, x, a).fma(FloatVector.fromArray(SPECIES, y, b), acc0);
            acc1 = FloatVector.fromArray(SPECIES, x, a + l).fma(FloatVector.fromArray(SPECIES, y, b + l), acc1);
            acc2 = FloatVector.fromArray(SPECIES, x, a + 2 * l).fma(FloatVector.fromArray(SPECIES, y, b + 2 * l), acc2);
            acc3 = FloatVector.fromArray(SPECIES, x, a + 3 * l).fma(FloatVector.fromArray(SPECIES, y, b + 3 * l), acc3);
        }
        for (; i < bound; i += l) {
            acc0 = FloatVector.fromArray(SPECIES, x, xOff + i).fma(FloatVector.fromArray(SPECIES, y, yOff + i), acc0);
        }
        FloatVector t = acc0.add(acc1).add(acc2.add(acc3));
        // LaneSums' fixed-order sum, written out: a vector passed to a call that is not inlined is boxed.
        if (LANES >= 16) {
            t = t.add(t.rearrange(LaneSums.ROTATE_8));
        }
        if (LANES >= 8) {
            t = t.add(t.rearrange(LaneSums.ROTATE_4));
        }
        t = t.add(t.rearrange(LaneSums.ROTATE_2));
        return t.add(t.rearrange(LaneSums.ROTATE_1)).lane(0);
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        int bound = SPECIES.loopBound(n);
        FloatVector a = FloatVector.broadcast(SPECIES, alpha);
        for (int i = 0; i < bound; i += LANES) {
            a.fma(FloatVector.fromArray(SPECIES, x, xOff + i), FloatVector.fromArray(SPECIES, y, yOff + i))
                    .intoArray(y, yOff + i);
        }
        for (int i = bound; i < n; i++) {
            y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
        }
    }

    @Override
    public void scale(int n, float alpha, float[] x, int xOff) {
        int bound = SPECIES.loopBound(n);
        for (int i = 0; i < bound; i += LANES) {
            FloatVector.fromArray(SPECIES, x, xOff + i).mul(alpha).intoArray(x, xOff + i);
        }
        for (int i = bound; i < n; i++) {
            x[xOff + i] *= alpha;
        }
    }

    @Override
    public void add(int n, float[] x, int xOff, float[] y, int yOff, float[] out, int outOff) {
        int bound = SPECIES.loopBound(n);
        for (int i = 0; i < bound; i += LANES) {
            FloatVector.fromArray(SPECIES, x, xOff + i).add(FloatVector.fromArray(SPECIES, y, yOff + i))
                    .intoArray(out, outOff + i);
        }
        for (int i = bound; i < n; i++) {
            out[outOff + i] = x[xOff + i] + y[yOff + i];
        }
    }

    @Override
    public void multiply(int n, float[] x, int xOff, float[] y, int yOff, float[] out, int outOff) {
        int bound = SPECIES.loopBound(n);
        for (int i = 0; i < bound; i += LANES) {
            FloatVector.fromArray(SPECIES, x, xOff + i).mul(FloatVector.fromArray(SPECIES, y, yOff + i))
                    .intoArray(out, outOff + i);
        }
        for (int i = bound; i < n; i++) {
            out[outOff + i] = x[xOff + i] * y[yOff + i];
        }
    }

    @Override
    public float sum(int n, float[] x, int xOff) {
        int bound = SPECIES.loopBound(n);
        float sum = sumBody(bound, x, xOff);
        for (int i = bound; i < n; i++) {
            sum += x[xOff + i];
        }
        return sum;
    }

    private static float sumBody(int bound, float[] x, int xOff) {
        FloatVector acc0 = FloatVector.zero(SPECIES);
        FloatVector acc1 = acc0;
        FloatVector acc2 = acc0;
        FloatVector acc3 = acc0;
        int l = LANES;
        int i = 0;
        for (; i < bound - 3 * l; i += 4 * l) {
            int a = xOff + i;
            acc0 = acc0.add(FloatVector.fromArray(SPECIES, x, a));
            acc1 = acc1.add(FloatVector.fromArray(SPECIES, x, a + l));
            acc2 = acc2.add(FloatVector.fromArray(SPECIES, x, a + 2 * l));
            acc3 = acc3.add(FloatVector.fromArray(SPECIES, x, a + 3 * l));
        }
        for (; i < bound; i += l) {
            acc0 = acc0.add(FloatVector.fromArray(SPECIES, x, xOff + i));
        }
        FloatVector t = acc0.add(acc1).add(acc2.add(acc3));
        // LaneSums' fixed-order sum, written out: a vector passed to a call that is not inlined is boxed.
        if (LANES >= 16) {
            t = t.add(t.rearrange(LaneSums.ROTATE_8));
        }
        if (LANES >= 8) {
            t = t.add(t.rearrange(LaneSums.ROTATE_4));
        }
        t = t.add(t.rearrange(LaneSums.ROTATE_2));
        return t.add(t.rearrange(LaneSums.ROTATE_1)).lane(0);
    }

    @Override
    public float max(int n, float[] x, int xOff) {
        int bound = SPECIES.loopBound(n);
        float max = maxBody(bound, x, xOff);
        for (int i = bound; i < n; i++) {
            max = Math.max(max, x[xOff + i]);
        }
        return max;
    }

    /**
     * Lane-wise MAX and {@code reduceLanes(MAX)} follow {@link Math#max} (any NaN gives NaN, +0 beats
     * -0), checked on JDK 17 and 25 both interpreted and compiled by C2; VectorsTest pins it down.
     * Four accumulators again, because a dependent chain of max operations is latency bound too.
     */
    private static float maxBody(int bound, float[] x, int xOff) {
        FloatVector acc0 = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        FloatVector acc1 = acc0;
        FloatVector acc2 = acc0;
        FloatVector acc3 = acc0;
        int l = LANES;
        int i = 0;
        for (; i < bound - 3 * l; i += 4 * l) {
            int a = xOff + i;
            acc0 = acc0.max(FloatVector.fromArray(SPECIES, x, a));
            acc1 = acc1.max(FloatVector.fromArray(SPECIES, x, a + l));
            acc2 = acc2.max(FloatVector.fromArray(SPECIES, x, a + 2 * l));
            acc3 = acc3.max(FloatVector.fromArray(SPECIES, x, a + 3 * l));
        }
        for (; i < bound; i += l) {
            acc0 = acc0.max(FloatVector.fromArray(SPECIES, x, xOff + i));
        }
        return acc0.max(acc1).max(acc2.max(acc3)).reduceLanes(VectorOperators.MAX);
    }

    @Override
    public void addBias(int rows, int cols, float[] bias, int biasOff, float[] x, int xOff, int ldx) {
        addBiasTo(rows, cols, bias, biasOff, x, xOff, ldx);
    }

    /** {@link #addBias}, for {@code PanamaGemm}'s products that cannot add the bias in their tiles. */
    static void addBiasTo(int rows, int cols, float[] bias, int biasOff, float[] x, int xOff, int ldx) {
        int bound = SPECIES.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int row = xOff + r * ldx;
            for (int j = 0; j < bound; j += LANES) {
                FloatVector.fromArray(SPECIES, x, row + j).add(FloatVector.fromArray(SPECIES, bias, biasOff + j))
                        .intoArray(x, row + j);
            }
            for (int j = bound; j < cols; j++) {
                x[row + j] += bias[biasOff + j];
            }
        }
    }

    /**
     * Walks down column blocks rather than along rows: the running sums of a block stay in registers
     * for the whole column, so out is written once. Each column still adds its rows top to bottom, the
     * order ScalarVectors uses, so the results are bitwise identical to it.
     */
    @Override
    public void columnSums(int rows, int cols, float[] x, int xOff, int ldx, float[] out, int outOff) {
        int bound = SPECIES.loopBound(cols);
        int j = 0;
        for (; j < bound - 3 * LANES; j += 4 * LANES) {
            columnSums4(rows, x, xOff + j, ldx, out, outOff + j);
        }
        for (; j < bound; j += LANES) {
            columnSums1(rows, x, xOff + j, ldx, out, outOff + j);
        }
        for (; j < cols; j++) {
            float sum = 0f;
            for (int r = 0; r < rows; r++) {
                sum += x[xOff + r * ldx + j];
            }
            out[outOff + j] = sum;
        }
    }

    /** Sums {@code 4 * LANES} adjacent columns: four independent add chains hide the add latency. */
    private static void columnSums4(int rows, float[] x, int xOff, int ldx, float[] out, int outOff) {
        FloatVector acc0 = FloatVector.zero(SPECIES);
        FloatVector acc1 = acc0;
        FloatVector acc2 = acc0;
        FloatVector acc3 = acc0;
        int l = LANES;
        for (int r = 0; r < rows; r++) {
            int row = xOff + r * ldx;
            acc0 = acc0.add(FloatVector.fromArray(SPECIES, x, row));
            acc1 = acc1.add(FloatVector.fromArray(SPECIES, x, row + l));
            acc2 = acc2.add(FloatVector.fromArray(SPECIES, x, row + 2 * l));
            acc3 = acc3.add(FloatVector.fromArray(SPECIES, x, row + 3 * l));
        }
        acc0.intoArray(out, outOff);
        acc1.intoArray(out, outOff + l);
        acc2.intoArray(out, outOff + 2 * l);
        acc3.intoArray(out, outOff + 3 * l);
    }

    private static void columnSums1(int rows, float[] x, int xOff, int ldx, float[] out, int outOff) {
        FloatVector acc = FloatVector.zero(SPECIES);
        for (int r = 0; r < rows; r++) {
            acc = acc.add(FloatVector.fromArray(SPECIES, x, xOff + r * ldx));
        }
        acc.intoArray(out, outOff);
    }

    @Override
    public float squaredErrorSum(int n, float[] x, int xOff, float[] y, int yOff) {
        int bound = SPECIES.loopBound(n);
        float sum = squaredErrorBody(bound, x, xOff, y, yOff);
        for (int i = bound; i < n; i++) {
            float d = x[xOff + i] - y[yOff + i];
            sum = Math.fma(d, d, sum);
        }
        return sum;
    }

    private static float squaredErrorBody(int bound, float[] x, int xOff, float[] y, int yOff) {
        FloatVector acc0 = FloatVector.zero(SPECIES);
        FloatVector acc1 = acc0;
        FloatVector acc2 = acc0;
        FloatVector acc3 = acc0;
        int l = LANES;
        int i = 0;
        for (; i < bound - 3 * l; i += 4 * l) {
            int a = xOff + i;
            int b = yOff + i;
            FloatVector d0 = FloatVector.fromArray(SPECIES, x, a).sub(FloatVector.fromArray(SPECIES, y, b));
            FloatVector d1 = FloatVector.fromArray(SPECIES, x, a + l).sub(FloatVector.fromArray(SPECIES, y, b + l));
            FloatVector d2 = FloatVector.fromArray(SPECIES, x, a + 2 * l)
                    .sub(FloatVector.fromArray(SPECIES, y, b + 2 * l));
            FloatVector d3 = FloatVector.fromArray(SPECIES, x, a + 3 * l)
                    .sub(FloatVector.fromArray(SPECIES, y, b + 3 * l));
            acc0 = d0.fma(d0, acc0);
            acc1 = d1.fma(d1, acc1);
            acc2 = d2.fma(d2, acc2);
            acc3 = d3.fma(d3, acc3);
        }
        for (; i < bound; i += l) {
            FloatVector d = FloatVector.fromArray(SPECIES, x, xOff + i)
                    .sub(FloatVector.fromArray(SPECIES, y, yOff + i));
            acc0 = d.fma(d, acc0);
        }
        FloatVector t = acc0.add(acc1).add(acc2.add(acc3));
        // LaneSums' fixed-order sum, written out: a vector passed to a call that is not inlined is boxed.
        if (LANES >= 16) {
            t = t.add(t.rearrange(LaneSums.ROTATE_8));
        }
        if (LANES >= 8) {
            t = t.add(t.rearrange(LaneSums.ROTATE_4));
        }
        t = t.add(t.rearrange(LaneSums.ROTATE_2));
        return t.add(t.rearrange(LaneSums.ROTATE_1)).lane(0);
    }
}
