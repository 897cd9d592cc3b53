package dev.lanes.simd.internal.panama;

import dev.lanes.simd.internal.GemmSupport;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Matrix multiply on vector lanes, in the style of BLIS: C is computed in tiles of {@value #MR} rows by
 * {@code NR = 2} vectors, held in 12 vector registers while a rank-1 update per step of k streams
 * through them.
 *
 * <p>Large products pack op(A) and op(B) into contiguous panels (cache blocking by {@value #MC},
 * {@value #KC} and {@value #NC}). Small products, the shapes a network trains on, read A where it lies
 * and only copy B when its rows are not whole vectors wide or it must be transposed.
 *
 * <p>Every path computes each element of C the same way: k is cut into blocks of {@value #KC}, each
 * block's products are summed by one chain of fused multiply-adds starting from zero, and the block
 * total is folded into C as {@code fma(alpha, sum, base)}, where base is {@code beta * C} for the first
 * block (0 when beta is 0) and C after it. So the result does not depend on which path, tile or
 * thread produced an element.
 */
final class PanamaGemm implements GemmSupport {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Rows of a micro-tile. */
    static final int MR = 6;
    /** Columns of a micro-tile: two vectors. */
    private static final int NR = 2 * L;
    /** Rows of A packed at once (a multiple of MR): an MC x KC block stays in L2. */
    static final int MC = 24 * MR;
    /** Depth of one block of k: a packed B panel of KC x NR floats stays in L1. */
    static final int KC = 256;
    /** Columns of B packed at once. */
    static final int NC = 4096;
    /** From this many multiply-adds on, packing pays for itself. */
    private static final long PACK_MIN_WORK = 1L << 22;

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        Workspace ws = WORKSPACE.get();
        if ((long) m * n * k >= PACK_MIN_WORK && m >= MR * 8 && n >= NR) {
            packed(ws, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        } else {
            unpacked(ws, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }
    }

    // ---------------------------------------------------------------- small products

    private static void unpacked(Workspace ws, boolean transA, boolean transB, int m, int n, int k, float alpha,
                                 float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                 float beta, float[] c, int cOff, int ldc) {
        int ars = transA ? 1 : lda;
        int aps = transA ? lda : 1;
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            float[] bSrc;
            int bIdx;
            int ldbE;
            if (transB || n % L != 0) {
                ldbE = roundUp(n, L);
                bSrc = ws.scratchB(kc * ldbE);
                GemmPacking.copyB(transB, b, bOff, ldb, pc, kc, n, bSrc, ldbE);
                bIdx = 0;
            } else {
                bSrc = b;
                ldbE = ldb;
                bIdx = bOff + pc * ldb;
            }
            float betaE = pc == 0 ? beta : 1f;
            int aBase = aOff + pc * aps;
            for (int i = 0; i < m; i += MR) {
                int rows = Math.min(MR, m - i);
                int aIdx = aBase + i * ars;
                int cRow = cOff + i * ldc;
                int j = 0;
                for (; j + NR <= n; j += NR) {
                    kernel6x2(a, aIdx, ars, aps, rows, bSrc, bIdx + j, ldbE, kc,
                            c, cRow + j, ldc, rows, NR, alpha, betaE, ws.tile);
                }
                for (; j < n; j += L) {
                    kernel6x1(a, aIdx, ars, aps, rows, bSrc, bIdx + j, ldbE, kc,
                            c, cRow + j, ldc, Math.min(L, n - j), alpha, betaE, ws.tile);
                }
            }
        }
    }

    // ---------------------------------------------------------------- large products

    private static void packed(Workspace ws, boolean transA, boolean transB, int m, int n, int k, float alpha,
                               float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                               float beta, float[] c, int cOff, int ldc) {
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                float[] bp = ws.packB(kc * roundUp(nc, NR));
                GemmPacking.packB(transB, b, bOff, ldb, pc, jc, kc, nc, NR, bp);
                float betaE = pc == 0 ? beta : 1f;
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    float[] ap = ws.packA(kc * roundUp(mc, MR));
                    GemmPacking.packA(transA, a, aOff, lda, ic, pc, mc, kc, MR, ap);
                    macroTile(ap, mc, bp, nc, kc, alpha, betaE, c, cOff + ic * ldc + jc, ldc, ws.tile);
                }
            }
        }
    }

    private static void macroTile(float[] ap, int mc, float[] bp, int nc, int kc, float alpha, float betaE,
                                  float[] c, int cIdx, int ldc, float[] tile) {
        for (int jr = 0; jr < nc; jr += NR) {
            int cols = Math.min(NR, nc - jr);
            int bIdx = jr * kc;
            for (int ir = 0; ir < mc; ir += MR) {
                kernel6x2(ap, ir * kc, 1, MR, MR, bp, bIdx, NR, kc,
                        c, cIdx + ir * ldc + jr, ldc, Math.min(MR, mc - ir), cols, alpha, betaE, tile);
            }
        }
    }

    // ---------------------------------------------------------------- micro-kernels

    /**
     * One MR x NR tile: reads A rows {@code aIdx + r * ars + p * aps} (rows past {@code aRows} repeat
     * row 0 so nothing is read out of bounds) and B rows {@code bIdx + p * ldb}, then folds the sums into
     * the first {@code rows x cols} elements of C. Twelve accumulators, two B vectors and a broadcast
     * fit the 16 registers of AVX2 without spilling, and still hide the FMA latency with 32 registers.
     */
    private static void kernel6x2(float[] a, int aIdx, int ars, int aps, int aRows,
                                  float[] b, int bIdx, int ldb, int kc,
                                  float[] c, int cIdx, int ldc, int rows, int cols, float alpha, float betaE,
                                  float[] tile) {
        int a0 = aIdx;
        int a1 = aIdx + (aRows > 1 ? ars : 0);
        int a2 = aIdx + (aRows > 2 ? 2 * ars : 0);
        int a3 = aIdx + (aRows > 3 ? 3 * ars : 0);
        int a4 = aIdx + (aRows > 4 ? 4 * ars : 0);
        int a5 = aIdx + (aRows > 5 ? 5 * ars : 0);
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        for (int p = 0, bp = bIdx, ap = 0; p < kc; p++, bp += ldb, ap += aps) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[a1 + ap]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[a2 + ap]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[a3 + ap]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[a4 + ap]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[a5 + ap]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        if (rows == MR && cols == NR) {
            FloatVector al = FloatVector.broadcast(S, alpha);
            int r = cIdx;
            update(c00, c01, al, betaE, c, r);
            update(c10, c11, al, betaE, c, r += ldc);
            update(c20, c21, al, betaE, c, r += ldc);
            update(c30, c31, al, betaE, c, r += ldc);
            update(c40, c41, al, betaE, c, r += ldc);
            update(c50, c51, al, betaE, c, r + ldc);
        } else {
            c00.intoArray(tile, 0);
            c01.intoArray(tile, L);
            c10.intoArray(tile, NR);
            c11.intoArray(tile, NR + L);
            c20.intoArray(tile, 2 * NR);
            c21.intoArray(tile, 2 * NR + L);
            c30.intoArray(tile, 3 * NR);
            c31.intoArray(tile, 3 * NR + L);
            c40.intoArray(tile, 4 * NR);
            c41.intoArray(tile, 4 * NR + L);
            c50.intoArray(tile, 5 * NR);
            c51.intoArray(tile, 5 * NR + L);
            updateFromTile(tile, NR, rows, cols, alpha, betaE, c, cIdx, ldc);
        }
    }

    /** One MR x 1-vector tile, for the columns left of a row after the 4-vector tiles. */
    private static void kernel6x1(float[] a, int aIdx, int ars, int aps, int rows,
                                  float[] b, int bIdx, int ldb, int kc,
                                  float[] c, int cIdx, int ldc, int cols, float alpha, float betaE, float[] tile) {
        int a0 = aIdx;
        int a1 = aIdx + (rows > 1 ? ars : 0);
        int a2 = aIdx + (rows > 2 ? 2 * ars : 0);
        int a3 = aIdx + (rows > 3 ? 3 * ars : 0);
        int a4 = aIdx + (rows > 4 ? 4 * ars : 0);
        int a5 = aIdx + (rows > 5 ? 5 * ars : 0);
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0;
        for (int p = 0, bp = bIdx, ap = 0; p < kc; p++, bp += ldb, ap += aps) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            c0 = FloatVector.broadcast(S, a[a0 + ap]).fma(b0, c0);
            c1 = FloatVector.broadcast(S, a[a1 + ap]).fma(b0, c1);
            c2 = FloatVector.broadcast(S, a[a2 + ap]).fma(b0, c2);
            c3 = FloatVector.broadcast(S, a[a3 + ap]).fma(b0, c3);
            c4 = FloatVector.broadcast(S, a[a4 + ap]).fma(b0, c4);
            c5 = FloatVector.broadcast(S, a[a5 + ap]).fma(b0, c5);
        }
        c0.intoArray(tile, 0);
        c1.intoArray(tile, L);
        c2.intoArray(tile, 2 * L);
        c3.intoArray(tile, 3 * L);
        c4.intoArray(tile, 4 * L);
        c5.intoArray(tile, 5 * L);
        updateFromTile(tile, L, rows, cols, alpha, betaE, c, cIdx, ldc);
    }

    /** {@code C[row, 0 .. NR) = fma(alpha, sums, base)} for one full row of a tile. */
    private static void update(FloatVector s0, FloatVector s1, FloatVector alpha, float betaE, float[] c, int idx) {
        s0.fma(alpha, base(betaE, c, idx)).intoArray(c, idx);
        s1.fma(alpha, base(betaE, c, idx + L)).intoArray(c, idx + L);
    }

    private static FloatVector base(float betaE, float[] c, int idx) {
        if (betaE == 0f) {
            return FloatVector.zero(S);
        }
        FloatVector old = FloatVector.fromArray(S, c, idx);
        return betaE == 1f ? old : old.mul(betaE);
    }

    /** The scalar twin of {@link #update}, for tiles cut by the edge of C. */
    private static void updateFromTile(float[] tile, int tileStride, int rows, int cols, float alpha, float betaE,
                                       float[] c, int cIdx, int ldc) {
        for (int r = 0; r < rows; r++) {
            int t = r * tileStride;
            int row = cIdx + r * ldc;
            for (int j = 0; j < cols; j++) {
                float old = c[row + j];
                float base = betaE == 0f ? 0f : betaE == 1f ? old : old * betaE;
                c[row + j] = Math.fma(tile[t + j], alpha, base);
            }
        }
    }

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }

    /** Per-thread buffers, grown on demand and kept, so the steady state allocates nothing. */
    private static final class Workspace {
        final float[] tile = new float[MR * NR];
        private float[] packA = new float[0];
        private float[] packB = new float[0];
        private float[] scratchB = new float[0];

        float[] packA(int size) {
            if (packA.length < size) {
                packA = new float[size];
            }
            return packA;
        }

        float[] packB(int size) {
            if (packB.length < size) {
                packB = new float[size];
            }
            return packB;
        }

        float[] scratchB(int size) {
            if (scratchB.length < size) {
                scratchB = new float[size];
            }
            return scratchB;
        }
    }
}
