package dev.lanes.simd.internal.panama;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Copies blocks of op(A) and op(B) into the layouts the micro-kernels stream through. Every layout is
 * zero-padded to whole panels, so a kernel never needs a bounds check and padding never changes a sum.
 */
final class GemmPacking {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /**
     * Side of the square blocks transposed in registers: one vector, 8 lanes (AVX2) or 16 (AVX-512); 0
     * for other widths, which transpose element by element. A 16-lane machine could run the 8 x 8 form on
     * 256-bit vectors, but JDK 17 permutes those slowly there (1.4 ns per float against 0.26 for
     * 16 x 16 on 512-bit vectors; JDK 25 0.08 and 0.10).
     */
    private static final int BLOCK = L == 8 || L == 16 ? L : 0;
    // Lane permutations and masks of the butterfly transposes; masked to the lane count so they can be
    // built on any species, though only 8 or 16 lanes use them.
    private static final VectorShuffle<Float> SWAP1 = VectorShuffle.fromOp(S, i -> (i ^ 1) & (L - 1));
    private static final VectorShuffle<Float> SWAP2 = VectorShuffle.fromOp(S, i -> (i ^ 2) & (L - 1));
    private static final VectorShuffle<Float> SWAP4 = VectorShuffle.fromOp(S, i -> (i ^ 4) & (L - 1));
    private static final VectorShuffle<Float> SWAP8 = VectorShuffle.fromOp(S, i -> (i ^ 8) & (L - 1));
    private static final VectorMask<Float> BIT1 = VectorMask.fromLong(S, 0xAAAA_AAAAL);
    private static final VectorMask<Float> BIT2 = VectorMask.fromLong(S, 0xCCCC_CCCCL);
    private static final VectorMask<Float> BIT4 = VectorMask.fromLong(S, 0xF0F0_F0F0L);
    private static final VectorMask<Float> BIT8 = VectorMask.fromLong(S, 0xFF00_FF00L);

    private GemmPacking() {
    }

    /**
     * Copies the {@code kc x n} block of op(B) starting at row pc into {@code dst} as a row-major matrix
     * with row stride {@code ldDst >= n}, zeroing columns n to ldDst.
     */
    static void copyB(boolean transB, float[] b, int bOff, int ldb, int pc, int kc, int n,
                      float[] dst, int ldDst) {
        if (transB) {
            transpose(b, bOff + pc, ldb, n, kc, dst, 0, ldDst);
        } else {
            for (int p = 0; p < kc; p++) {
                System.arraycopy(b, bOff + (pc + p) * ldb, dst, p * ldDst, n);
            }
        }
        for (int p = 0; p < kc; p++) {
            Arrays.fill(dst, p * ldDst + n, (p + 1) * ldDst, 0f);
        }
    }

    /**
     * {@code dst[d0 + p * ldDst + j] = b[src + j * ldb + p]} for j below rows and p below cols: blocks of
     * {@link #BLOCK} x BLOCK in registers, the rest element by element.
     */
    private static void transpose(float[] b, int src, int ldb, int rows, int cols, float[] dst, int d0, int ldDst) {
        int wholeJ = BLOCK == 0 ? 0 : rows - rows % BLOCK;
        int wholeP = BLOCK == 0 ? 0 : cols - cols % BLOCK;
        for (int j = 0; j < wholeJ; j += BLOCK) {
            for (int p = 0; p < wholeP; p += BLOCK) {
                // BLOCK is a constant once the class is initialized, so C2 keeps only one of the calls.
                if (BLOCK == 8) {
                    transpose8(b, src + j * ldb + p, ldb, dst, d0 + p * ldDst + j, ldDst);
                } else {
                    transpose16(b, src + j * ldb + p, ldb, dst, d0 + p * ldDst + j, ldDst);
                }
            }
            for (int r = j; r < j + BLOCK; r++) {
                copyColumn(b, src + r * ldb, wholeP, cols, dst, d0 + r, ldDst);
            }
        }
        for (int j = wholeJ; j < rows; j++) {
            copyColumn(b, src + j * ldb, 0, cols, dst, d0 + j, ldDst);
        }
    }

    /** {@code dst[d0 + p * ldDst] = b[src + p]} for p in [from, cols): one column of a transposed copy. */
    private static void copyColumn(float[] b, int src, int from, int cols, float[] dst, int d0, int ldDst) {
        for (int p = from, d = d0 + from * ldDst; p < cols; p++, d += ldDst) {
            dst[d] = b[src + p];
        }
    }

    /**
     * Transposes the 8 x 8 block of b at {@code src} (row stride ldb) into dst at d (row stride ldDst) in
     * registers: three butterfly stages, stage s swapping bit s of the row and lane numbers through a
     * lane permutation and a blend (the single-input forms, fast on JDK 17 and 25). Only for 8 lanes.
     */
    private static void transpose8(float[] b, int src, int ldb, float[] dst, int d, int ldDst) {
        FloatVector r0 = FloatVector.fromArray(S, b, src);
        FloatVector r1 = FloatVector.fromArray(S, b, src + ldb);
        FloatVector r2 = FloatVector.fromArray(S, b, src + 2 * ldb);
        FloatVector r3 = FloatVector.fromArray(S, b, src + 3 * ldb);
        FloatVector r4 = FloatVector.fromArray(S, b, src + 4 * ldb);
        FloatVector r5 = FloatVector.fromArray(S, b, src + 5 * ldb);
        FloatVector r6 = FloatVector.fromArray(S, b, src + 6 * ldb);
        FloatVector r7 = FloatVector.fromArray(S, b, src + 7 * ldb);
        FloatVector t0 = r0.blend(r1.rearrange(SWAP1), BIT1);
        FloatVector t1 = r0.rearrange(SWAP1).blend(r1, BIT1);
        FloatVector t2 = r2.blend(r3.rearrange(SWAP1), BIT1);
        FloatVector t3 = r2.rearrange(SWAP1).blend(r3, BIT1);
        FloatVector t4 = r4.blend(r5.rearrange(SWAP1), BIT1);
        FloatVector t5 = r4.rearrange(SWAP1).blend(r5, BIT1);
        FloatVector t6 = r6.blend(r7.rearrange(SWAP1), BIT1);
        FloatVector t7 = r6.rearrange(SWAP1).blend(r7, BIT1);
        r0 = t0.blend(t2.rearrange(SWAP2), BIT2);
        r2 = t0.rearrange(SWAP2).blend(t2, BIT2);
        r1 = t1.blend(t3.rearrange(SWAP2), BIT2);
        r3 = t1.rearrange(SWAP2).blend(t3, BIT2);
        r4 = t4.blend(t6.rearrange(SWAP2), BIT2);
        r6 = t4.rearrange(SWAP2).blend(t6, BIT2);
        r5 = t5.blend(t7.rearrange(SWAP2), BIT2);
        r7 = t5.rearrange(SWAP2).blend(t7, BIT2);
        r0.blend(r4.rearrange(SWAP4), BIT4).intoArray(dst, d);
        r1.blend(r5.rearrange(SWAP4), BIT4).intoArray(dst, d + ldDst);
        r2.blend(r6.rearrange(SWAP4), BIT4).intoArray(dst, d + 2 * ldDst);
        r3.blend(r7.rearrange(SWAP4), BIT4).intoArray(dst, d + 3 * ldDst);
        r0.rearrange(SWAP4).blend(r4, BIT4).intoArray(dst, d + 4 * ldDst);
        r1.rearrange(SWAP4).blend(r5, BIT4).intoArray(dst, d + 5 * ldDst);
        r2.rearrange(SWAP4).blend(r6, BIT4).intoArray(dst, d + 6 * ldDst);
        r3.rearrange(SWAP4).blend(r7, BIT4).intoArray(dst, d + 7 * ldDst);
    }

    /** {@link #transpose8} for 16 lanes: four butterfly stages on 16 registers. Only for 16 lanes. */
    private static void transpose16(float[] b, int src, int ldb, float[] dst, int d, int ldDst) {
        FloatVector r0 = FloatVector.fromArray(S, b, src + 0 * ldb);
        FloatVector r1 = FloatVector.fromArray(S, b, src + 1 * ldb);
        FloatVector r2 = FloatVector.fromArray(S, b, src + 2 * ldb);
        FloatVector r3 = FloatVector.fromArray(S, b, src + 3 * ldb);
        FloatVector r4 = FloatVector.fromArray(S, b, src + 4 * ldb);
        FloatVector r5 = FloatVector.fromArray(S, b, src + 5 * ldb);
        FloatVector r6 = FloatVector.fromArray(S, b, src + 6 * ldb);
        FloatVector r7 = FloatVector.fromArray(S, b, src + 7 * ldb);
        FloatVector r8 = FloatVector.fromArray(S, b, src + 8 * ldb);
        FloatVector r9 = FloatVector.fromArray(S, b, src + 9 * ldb);
        FloatVector r10 = FloatVector.fromArray(S, b, src + 10 * ldb);
        FloatVector r11 = FloatVector.fromArray(S, b, src + 11 * ldb);
        FloatVector r12 = FloatVector.fromArray(S, b, src + 12 * ldb);
        FloatVector r13 = FloatVector.fromArray(S, b, src + 13 * ldb);
        FloatVector r14 = FloatVector.fromArray(S, b, src + 14 * ldb);
        FloatVector r15 = FloatVector.fromArray(S, b, src + 15 * ldb);
        FloatVector t0 = r0.blend(r1.rearrange(SWAP1), BIT1);
        FloatVector t1 = r0.rearrange(SWAP1).blend(r1, BIT1);
        FloatVector t2 = r2.blend(r3.rearrange(SWAP1), BIT1);
        FloatVector t3 = r2.rearrange(SWAP1).blend(r3, BIT1);
        FloatVector t4 = r4.blend(r5.rearrange(SWAP1), BIT1);
        FloatVector t5 = r4.rearrange(SWAP1).blend(r5, BIT1);
        FloatVector t6 = r6.blend(r7.rearrange(SWAP1), BIT1);
        FloatVector t7 = r6.rearrange(SWAP1).blend(r7, BIT1);
        FloatVector t8 = r8.blend(r9.rearrange(SWAP1), BIT1);
        FloatVector t9 = r8.rearrange(SWAP1).blend(r9, BIT1);
        FloatVector t10 = r10.blend(r11.rearrange(SWAP1), BIT1);
        FloatVector t11 = r10.rearrange(SWAP1).blend(r11, BIT1);
        FloatVector t12 = r12.blend(r13.rearrange(SWAP1), BIT1);
        FloatVector t13 = r12.rearrange(SWAP1).blend(r13, BIT1);
        FloatVector t14 = r14.blend(r15.rearrange(SWAP1), BIT1);
        FloatVector t15 = r14.rearrange(SWAP1).blend(r15, BIT1);
        FloatVector u0 = t0.blend(t2.rearrange(SWAP2), BIT2);
        FloatVector u2 = t0.rearrange(SWAP2).blend(t2, BIT2);
        FloatVector u1 = t1.blend(t3.rearrange(SWAP2), BIT2);
        FloatVector u3 = t1.rearrange(SWAP2).blend(t3, BIT2);
        FloatVector u4 = t4.blend(t6.rearrange(SWAP2), BIT2);
        FloatVector u6 = t4.rearrange(SWAP2).blend(t6, BIT2);
        FloatVector u5 = t5.blend(t7.rearrange(SWAP2), BIT2);
        FloatVector u7 = t5.rearrange(SWAP2).blend(t7, BIT2);
        FloatVector u8 = t8.blend(t10.rearrange(SWAP2), BIT2);
        FloatVector u10 = t8.rearrange(SWAP2).blend(t10, BIT2);
        FloatVector u9 = t9.blend(t11.rearrange(SWAP2), BIT2);
        FloatVector u11 = t9.rearrange(SWAP2).blend(t11, BIT2);
        FloatVector u12 = t12.blend(t14.rearrange(SWAP2), BIT2);
        FloatVector u14 = t12.rearrange(SWAP2).blend(t14, BIT2);
        FloatVector u13 = t13.blend(t15.rearrange(SWAP2), BIT2);
        FloatVector u15 = t13.rearrange(SWAP2).blend(t15, BIT2);
        FloatVector v0 = u0.blend(u4.rearrange(SWAP4), BIT4);
        FloatVector v4 = u0.rearrange(SWAP4).blend(u4, BIT4);
        FloatVector v1 = u1.blend(u5.rearrange(SWAP4), BIT4);
        FloatVector v5 = u1.rearrange(SWAP4).blend(u5, BIT4);
        FloatVector v2 = u2.blend(u6.rearrange(SWAP4), BIT4);
        FloatVector v6 = u2.rearrange(SWAP4).blend(u6, BIT4);
        FloatVector v3 = u3.blend(u7.rearrange(SWAP4), BIT4);
        FloatVector v7 = u3.rearrange(SWAP4).blend(u7, BIT4);
        FloatVector v8 = u8.blend(u12.rearrange(SWAP4), BIT4);
        FloatVector v12 = u8.rearrange(SWAP4).blend(u12, BIT4);
        FloatVector v9 = u9.blend(u13.rearrange(SWAP4), BIT4);
        FloatVector v13 = u9.rearrange(SWAP4).blend(u13, BIT4);
        FloatVector v10 = u10.blend(u14.rearrange(SWAP4), BIT4);
        FloatVector v14 = u10.rearrange(SWAP4).blend(u14, BIT4);
        FloatVector v11 = u11.blend(u15.rearrange(SWAP4), BIT4);
        FloatVector v15 = u11.rearrange(SWAP4).blend(u15, BIT4);
        v0.blend(v8.rearrange(SWAP8), BIT8).intoArray(dst, d + 0 * ldDst);
        v0.rearrange(SWAP8).blend(v8, BIT8).intoArray(dst, d + 8 * ldDst);
        v1.blend(v9.rearrange(SWAP8), BIT8).intoArray(dst, d + 1 * ldDst);
        v1.rearrange(SWAP8).blend(v9, BIT8).intoArray(dst, d + 9 * ldDst);
        v2.blend(v10.rearrange(SWAP8), BIT8).intoArray(dst, d + 2 * ldDst);
        v2.rearrange(SWAP8).blend(v10, BIT8).intoArray(dst, d + 10 * ldDst);
        v3.blend(v11.rearrange(SWAP8), BIT8).intoArray(dst, d + 3 * ldDst);
        v3.rearrange(SWAP8).blend(v11, BIT8).intoArray(dst, d + 11 * ldDst);
        v4.blend(v12.rearrange(SWAP8), BIT8).intoArray(dst, d + 4 * ldDst);
        v4.rearrange(SWAP8).blend(v12, BIT8).intoArray(dst, d + 12 * ldDst);
        v5.blend(v13.rearrange(SWAP8), BIT8).intoArray(dst, d + 5 * ldDst);
        v5.rearrange(SWAP8).blend(v13, BIT8).intoArray(dst, d + 13 * ldDst);
        v6.blend(v14.rearrange(SWAP8), BIT8).intoArray(dst, d + 6 * ldDst);
        v6.rearrange(SWAP8).blend(v14, BIT8).intoArray(dst, d + 14 * ldDst);
        v7.blend(v15.rearrange(SWAP8), BIT8).intoArray(dst, d + 7 * ldDst);
        v7.rearrange(SWAP8).blend(v15, BIT8).intoArray(dst, d + 15 * ldDst);
    }

    /**
     * Packs the {@code kc x nc} block of op(B) at (pc, jc) into panels of {@code nr} columns: panel q
     * starts at {@code q * nr * kc} and holds row p at {@code p * nr}.
     */
    static void packB(boolean transB, float[] b, int bOff, int ldb, int pc, int jc, int kc, int nc, int nr,
                      float[] bp) {
        for (int j0 = 0; j0 < nc; j0 += nr) {
            int cols = Math.min(nr, nc - j0);
            int panel = j0 * kc;
            if (transB) {
                transpose(b, bOff + (jc + j0) * ldb + pc, ldb, cols, kc, bp, panel, nr);
            } else {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, bOff + (pc + p) * ldb + jc + j0, bp, panel + p * nr, cols);
                }
            }
            if (cols < nr) {
                for (int p = 0; p < kc; p++) {
                    Arrays.fill(bp, panel + p * nr + cols, panel + (p + 1) * nr, 0f);
                }
            }
        }
    }

    /**
     * Packs the {@code mc x kc} block of op(A) at (ic, pc) into panels of {@code mr} rows: panel q starts
     * at {@code q * mr * kc} and holds column p at {@code p * mr}.
     */
    static void packA(boolean transA, float[] a, int aOff, int lda, int ic, int pc, int mc, int kc, int mr,
                      float[] ap) {
        for (int i0 = 0; i0 < mc; i0 += mr) {
            int rows = Math.min(mr, mc - i0);
            int panel = i0 * kc;
            if (transA) {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(a, aOff + (pc + p) * lda + ic + i0, ap, panel + p * mr, rows);
                }
            } else {
                for (int r = 0; r < rows; r++) {
                    int src = aOff + (ic + i0 + r) * lda + pc;
                    for (int p = 0, d = panel + r; p < kc; p++, d += mr) {
                        ap[d] = a[src + p];
                    }
                }
            }
            if (rows < mr) {
                for (int p = 0; p < kc; p++) {
                    Arrays.fill(ap, panel + p * mr + rows, panel + (p + 1) * mr, 0f);
                }
            }
        }
    }
}
