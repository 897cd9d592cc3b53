package dev.lanes.simd.internal.panama;

import java.util.Arrays;

/**
 * Copies blocks of op(A) and op(B) into the layouts the micro-kernels stream through. Every layout is
 * zero-padded to whole panels, so a kernel never needs a bounds check and padding never changes a sum.
 */
final class GemmPacking {

    private GemmPacking() {
    }

    /**
     * Copies the {@code kc x n} block of op(B) starting at row pc into {@code dst} as a row-major matrix
     * with row stride {@code ldDst >= n}, zeroing columns n to ldDst.
     */
    static void copyB(boolean transB, float[] b, int bOff, int ldb, int pc, int kc, int n,
                      float[] dst, int ldDst) {
        if (transB) {
            // op(B)[p][j] = B[j][p]: read each row of B once, write a column of dst.
            for (int j = 0; j < n; j++) {
                int src = bOff + j * ldb + pc;
                for (int p = 0, d = j; p < kc; p++, d += ldDst) {
                    dst[d] = b[src + p];
                }
            }
            for (int p = 0; p < kc; p++) {
                Arrays.fill(dst, p * ldDst + n, (p + 1) * ldDst, 0f);
            }
        } else {
            for (int p = 0; p < kc; p++) {
                System.arraycopy(b, bOff + (pc + p) * ldb, dst, p * ldDst, n);
                Arrays.fill(dst, p * ldDst + n, (p + 1) * ldDst, 0f);
            }
        }
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
                for (int j = 0; j < cols; j++) {
                    int src = bOff + (jc + j0 + j) * ldb + pc;
                    for (int p = 0, d = panel + j; p < kc; p++, d += nr) {
                        bp[d] = b[src + p];
                    }
                }
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
