package dev.lanes.simd.internal.panama;

import dev.lanes.simd.internal.GemmSupport;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Matrix multiply on vector lanes, in the style of BLIS: C is computed in tiles of {@link #MR} rows by
 * {@code NR = 2} vectors, held in 10, 12 or 16 vector registers while a rank-1 update per step of k streams
 * through them.
 *
 * <p>How many rows a tile has depends on how A is read and on the JIT. A tile reading A in place row by
 * row ({@code kernelRowA}) has 5 rows: with 6, the six row indices do not fit the general registers and
 * spill. A tile reading MR values of A side by side (a packed panel, or A stored transposed) has 6 rows on
 * JDK 17, whose C2 keeps the 12 accumulators in registers; JDK 25's C2 schedules the broadcasts of A
 * earlier, spills two accumulators to the stack and runs at half speed, so there it has 5 rows. Measured
 * on an AVX2 Zen 3 with 16 vector registers; {@code benchmarks/README.md} has the figures. With the 32
 * registers of AVX-512 both kinds of tile have 8 rows (16 accumulators) on both JDKs: 1.2–1.6x faster
 * than 5 or 6 rows there, the row indices spilled or not.
 *
 * <p>Large products pack op(A) and op(B) into contiguous panels (cache blocking by {@value #MC},
 * {@value #KC} and {@value #NC}). Small products, the shapes a network trains on, read A where it lies.
 * They copy B into panels NR wide, which the kernel reads at a constant stride, when it must be
 * transposed or A has many rows; otherwise they read B in place, or copy it when its rows are not whole
 * vectors wide.
 *
 * <p>Every path computes each element of C the same way: k is cut into blocks of {@value #KC}, each
 * block's products are summed by one chain of fused multiply-adds starting from zero, and the block
 * total is folded into C as {@code alpha * sum} (first block, beta 0) or {@code fma(alpha, sum, base)},
 * where base is {@code beta * C} for the first block and C after it. So the result does not depend on which path, tile or
 * thread produced an element. The exception is a matrix times a vector (n = 1), which sums along lanes
 * instead; {@code Gemm} never splits a product across threads into a part one column wide, so that is
 * deterministic too.
 */
final class PanamaGemm implements GemmSupport {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Rows of a micro-tile that reads MR values of A side by side: see the class comment. */
    static final int MR = L >= 16 ? 8 : Runtime.version().feature() <= 17 ? 6 : 5;
    /** Rows of a micro-tile that reads A in place row by row. */
    private static final int ROW_MR = L >= 16 ? 8 : 5;
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
    /** ... and from this many rows of C on: fewer rows leave too little to reuse a packed B panel. */
    private static final int PACK_MIN_ROWS = 48;

    /**
     * From this many rows on, A·B with A read in place copies B into panels too (see
     * {@link #rowsTimesPanels}): the copy is shared by enough row tiles to pay for itself.
     */
    private static final int PANEL_B_MIN_ROWS = 96;

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        Workspace ws = WORKSPACE.get();
        if (packs(m, n, k)) {
            packed(ws, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        } else {
            unpacked(ws, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc,
                    null, 0);
        }
    }

    /**
     * The bias is added in the tiles that read A in place row by row, the forward pass's kernels, when k
     * is one block; the other paths store the sums and add it after, which gives the same bits.
     */
    @Override
    public void sgemmBias(boolean transA, boolean transB, int m, int n, int k,
                          float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                          float[] bias, int biasOff, float[] c, int cOff, int ldc) {
        if (transA || k > KC || k == 1 || n == 1 || packs(m, n, k)) {
            sgemm(transA, transB, m, n, k, 1f, a, aOff, lda, b, bOff, ldb, 0f, c, cOff, ldc);
            PanamaVectors.addBiasTo(m, n, bias, biasOff, c, cOff, ldc);
        } else {
            unpacked(WORKSPACE.get(), false, transB, m, n, k, 1f, a, aOff, lda, b, bOff, ldb, 0f, c, cOff, ldc,
                    bias, biasOff);
        }
    }

    private static boolean packs(int m, int n, int k) {
        return (long) m * n * k >= PACK_MIN_WORK && m >= PACK_MIN_ROWS && n >= NR;
    }

    // ---------------------------------------------------------------- small products

    /** With a bias (not null) only for A read in place, alpha 1, beta 0 and k in one block (see the caller). */
    private static void unpacked(Workspace ws, boolean transA, boolean transB, int m, int n, int k, float alpha,
                                 float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                 float beta, float[] c, int cOff, int ldc, float[] bias, int biasOff) {
        if (n == 1 && (transB || ldb == 1)) {
            // A matrix times a contiguous vector (a regression network's output layer): tiles of
            // NR columns would waste all but one lane.
            if (transA) {
                gemvTransposed(m, k, alpha, a, aOff, lda, b, bOff, beta, c, cOff, ldc, ws.tile);
            } else {
                gemvRows(m, k, alpha, a, aOff, lda, b, bOff, beta, c, cOff, ldc, ws.tile);
            }
            return;
        }
        int ars = transA ? 1 : lda;
        int aps = transA ? lda : 1;
        if (k == 1 && (!transB || ldb == 1)) {
            // An outer product (dX of a network's output layer, k = 1): no tile kernel has work to amortise.
            outerProduct(m, n, alpha, a, aOff, ars, b, bOff, beta, c, cOff, ldc);
            return;
        }
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            float betaE = pc == 0 ? beta : 1f;
            if (!transA && (transB || m >= PANEL_B_MIN_ROWS)) {
                rowsTimesPanels(ws, transB, m, n, kc, pc, alpha, a, aOff, lda, b, bOff, ldb, betaE, c, cOff, ldc,
                        bias, biasOff);
                continue;
            }
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
            int aBase = aOff + pc * aps;
            int mr = transA ? MR : ROW_MR;
            for (int i = 0; i < m; i += mr) {
                int rows = Math.min(mr, m - i);
                int aIdx = aBase + i * ars;
                int cRow = cOff + i * ldc;
                // The last rows of a transposed A may end too close to the array's end for the kernel to
                // read MR of them: then they are copied once for every tile of this row group.
                float[] edge = null;
                if (transA && n >= NR && !columnsReadable(a, aIdx, lda, kc)) {
                    edge = ws.edgeA(MR * kc);
                    GemmPacking.packA(true, a, aOff, lda, i, pc, rows, kc, MR, edge);
                }
                int j = 0;
                // The column kernels add no bias (the caller never asks for one with A transposed).
                boolean direct = alpha == 1f && betaE == 0f && rows == mr && (bias == null || !transA);
                for (; j + NR <= n; j += NR) {
                    float[] dst = direct ? c : ws.tile;
                    int d = direct ? cRow + j : 0;
                    int ldd = direct ? ldc : NR;
                    float[] kernelBias = direct ? bias : null;
                    if (!transA && ROW_MR == 8) {
                        kernelRowA8(a, aIdx, lda, rows, bSrc, bIdx + j, ldbE, kc, dst, d, ldd, false, kernelBias,
                                biasOff + j);
                    } else if (!transA) {
                        kernelRowA(a, aIdx, rowIndex(aIdx, lda, rows, 1), rowIndex(aIdx, lda, rows, 2),
                                rowIndex(aIdx, lda, rows, 3), rowIndex(aIdx, lda, rows, 4),
                                bSrc, bIdx + j, ldbE, kc, dst, d, ldd, kernelBias, biasOff + j);
                    } else if (edge == null) {
                        kernelColumnA(a, aIdx, lda, bSrc, bIdx + j, ldbE, kc, dst, d, ldd);
                    } else {
                        kernelColumnA(edge, 0, MR, bSrc, bIdx + j, ldbE, kc, dst, d, ldd);
                    }
                    if (!direct) {
                        storeTile(ws.tile, NR, rows, NR, alpha, betaE, c, cRow + j, ldc, bias, biasOff + j);
                    }
                }
                for (; j < n; j += L) {
                    kernel8x1(a, aIdx, ars, aps, rows, bSrc, bIdx + j, ldbE, kc, ws.tile);
                    storeTile(ws.tile, L, rows, Math.min(L, n - j), alpha, betaE, c, cRow + j, ldc,
                            bias, biasOff + j);
                }
            }
        }
    }

    /**
     * One block of k for A read in place row by row, with op(B) copied into panels NR wide: step p of a
     * tile reads B at {@code p * NR}, a stride C2 sees, so the kernel loop keeps no bounds check on B
     * ({@link #kernelRowAPanel}). Bᵀ (dX = dY·Wᵀ in a network's backward pass) has to be copied anyway;
     * B itself only when A has at least {@value #PANEL_B_MIN_ROWS} rows: for fewer, reading B in place
     * is faster than copying it.
     */
    private static void rowsTimesPanels(Workspace ws, boolean transB, int m, int n, int kc, int pc, float alpha,
                                        float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                        float betaE, float[] c, int cOff, int ldc, float[] bias, int biasOff) {
        float[] panels = ws.scratchB(kc * roundUp(n, NR));
        GemmPacking.packB(transB, b, bOff, ldb, pc, 0, kc, n, NR, panels);
        for (int i = 0; i < m; i += ROW_MR) {
            int rows = Math.min(ROW_MR, m - i);
            int aIdx = aOff + i * lda + pc;
            int cRow = cOff + i * ldc;
            for (int j = 0; j < n; j += NR) {
                int cols = Math.min(NR, n - j);
                boolean direct = alpha == 1f && betaE == 0f && rows == ROW_MR && cols == NR;
                float[] kernelBias = direct ? bias : null;
                if (ROW_MR == 8) {
                    kernelRowA8(a, aIdx, lda, rows, panels, j * kc, NR, kc,
                            direct ? c : ws.tile, direct ? cRow + j : 0, direct ? ldc : NR, true, kernelBias, biasOff + j);
                } else {
                    kernelRowAPanel(a, aIdx, rowIndex(aIdx, lda, rows, 1), rowIndex(aIdx, lda, rows, 2),
                            rowIndex(aIdx, lda, rows, 3), rowIndex(aIdx, lda, rows, 4), panels, j * kc, kc,
                            direct ? c : ws.tile, direct ? cRow + j : 0, direct ? ldc : NR, kernelBias, biasOff + j);
                }
                if (!direct) {
                    storeTile(ws.tile, NR, rows, cols, alpha, betaE, c, cRow + j, ldc, bias, biasOff + j);
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
                int rows = Math.min(MR, mc - ir);
                if (alpha == 1f && betaE == 0f && rows == MR && cols == NR) {
                    kernelColumnA(ap, ir * kc, MR, bp, bIdx, NR, kc, c, cIdx + ir * ldc + jr, ldc);
                } else {
                    kernelColumnA(ap, ir * kc, MR, bp, bIdx, NR, kc, tile, 0, NR);
                    storeTile(tile, NR, rows, cols, alpha, betaE, c, cIdx + ir * ldc + jr, ldc, null, 0);
                }
            }
        }
    }

    // ---------------------------------------------------------------- micro-kernels

    /**
     * The sums of one MR x NR tile into {@code dst} at {@code d} (row stride {@code ldd}): the tile
     * buffer, or C itself when the sums are the result (alpha 1, beta 0, a whole tile). The MR values of A
     * for step p side by side at {@code aIdx + p * aps} (a packed panel, or A stored transposed) and B's
     * row p at {@code bIdx + p * ldb}. Twelve (or ten) accumulators, two B vectors and a broadcast fit the
     * 16 registers of AVX2. The loop has no branch and calls nothing, and the A reads share one index
     * (C2 merges their bounds checks); otherwise C is updated separately by {@link #storeTile}.
     */
    private static void kernelColumnA(float[] a, int aIdx, int aps, float[] b, int bIdx, int ldb, int kc,
                                      float[] dst, int d, int ldd) {
        // MR is a constant once the class is initialized, so C2 keeps only one of the calls.
        if (MR == 8) {
            kernelColumnA8(a, aIdx, aps, b, bIdx, ldb, kc, dst, d, ldd);
        } else if (MR == 6) {
            kernelColumnA6(a, aIdx, aps, b, bIdx, ldb, kc, dst, d, ldd);
        } else {
            kernelColumnA5(a, aIdx, aps, b, bIdx, ldb, kc, dst, d, ldd);
        }
    }

    /** {@link #kernelColumnA} for tiles of 8 rows: 16 accumulators, for the 32 registers of AVX-512. */
    private static void kernelColumnA8(float[] a, int aIdx, int aps, float[] b, int bIdx, int ldb, int kc,
                                      float[] dst, int d, int ldd) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        FloatVector c60 = c00, c61 = c00, c70 = c00, c71 = c00;
        for (int p = 0, ap = aIdx, bp = bIdx; p < kc; p++, ap += aps, bp += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ap + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ap + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ap + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[ap + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[ap + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, a[ap + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, a[ap + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        c00.intoArray(dst, d);
        c01.intoArray(dst, d + L);
        c10.intoArray(dst, d += ldd);
        c11.intoArray(dst, d + L);
        c20.intoArray(dst, d += ldd);
        c21.intoArray(dst, d + L);
        c30.intoArray(dst, d += ldd);
        c31.intoArray(dst, d + L);
        c40.intoArray(dst, d += ldd);
        c41.intoArray(dst, d + L);
        c50.intoArray(dst, d += ldd);
        c51.intoArray(dst, d + L);
        c60.intoArray(dst, d += ldd);
        c61.intoArray(dst, d + L);
        c70.intoArray(dst, d += ldd);
        c71.intoArray(dst, d + L);
    }

    /** {@link #kernelColumnA} for tiles of 6 rows. */
    private static void kernelColumnA6(float[] a, int aIdx, int aps, float[] b, int bIdx, int ldb, int kc,
                                      float[] dst, int d, int ldd) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        for (int p = 0, ap = aIdx, bp = bIdx; p < kc; p++, ap += aps, bp += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ap + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ap + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ap + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[ap + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[ap + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        c00.intoArray(dst, d);
        c01.intoArray(dst, d + L);
        c10.intoArray(dst, d += ldd);
        c11.intoArray(dst, d + L);
        c20.intoArray(dst, d += ldd);
        c21.intoArray(dst, d + L);
        c30.intoArray(dst, d += ldd);
        c31.intoArray(dst, d + L);
        c40.intoArray(dst, d += ldd);
        c41.intoArray(dst, d + L);
        c50.intoArray(dst, d += ldd);
        c51.intoArray(dst, d + L);
    }

    /** {@link #kernelColumnA} for tiles of 5 rows. */
    private static void kernelColumnA5(float[] a, int aIdx, int aps, float[] b, int bIdx, int ldb, int kc,
                                      float[] dst, int d, int ldd) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00;
        for (int p = 0, ap = aIdx, bp = bIdx; p < kc; p++, ap += aps, bp += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ap + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ap + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ap + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[ap + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
        }
        c00.intoArray(dst, d);
        c01.intoArray(dst, d + L);
        c10.intoArray(dst, d += ldd);
        c11.intoArray(dst, d + L);
        c20.intoArray(dst, d += ldd);
        c21.intoArray(dst, d + L);
        c30.intoArray(dst, d += ldd);
        c31.intoArray(dst, d + L);
        c40.intoArray(dst, d += ldd);
        c41.intoArray(dst, d + L);
    }

    /**
     * {@link #kernelColumnA} for A stored row by row, in tiles of {@value #ROW_MR} rows: row r of the
     * tile starts at {@code a<r>} and step p reads {@code a<r> + p}, an index the JIT can bounds-check
     * once before the loop.
     */
    private static void kernelRowA(float[] a, int a0, int a1, int a2, int a3, int a4,
                                   float[] b, int bIdx, int ldb, int kc, float[] dst, int d, int ldd,
                                   float[] bias, int bi) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00;
        for (int p = 0, bp = bIdx; p < kc; p++, bp += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[a1 + p]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[a2 + p]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[a3 + p]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[a4 + p]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
        }
        // The bias of each column, written out here: a helper method taking the vectors would be past
        // C2's inlining budget for this method, and they would be allocated.
        if (bias != null) {
            FloatVector b0 = FloatVector.fromArray(S, bias, bi);
            FloatVector b1 = FloatVector.fromArray(S, bias, bi + L);
            c00 = c00.add(b0);
            c01 = c01.add(b1);
            c10 = c10.add(b0);
            c11 = c11.add(b1);
            c20 = c20.add(b0);
            c21 = c21.add(b1);
            c30 = c30.add(b0);
            c31 = c31.add(b1);
            c40 = c40.add(b0);
            c41 = c41.add(b1);
        }
        c00.intoArray(dst, d);
        c01.intoArray(dst, d + L);
        c10.intoArray(dst, d += ldd);
        c11.intoArray(dst, d + L);
        c20.intoArray(dst, d += ldd);
        c21.intoArray(dst, d + L);
        c30.intoArray(dst, d += ldd);
        c31.intoArray(dst, d + L);
        c40.intoArray(dst, d += ldd);
        c41.intoArray(dst, d + L);
    }

    /**
     * {@link #kernelRowA} for B packed in panels NR wide: step p reads B at {@code bIdx + p * NR}. The
     * same loop as kernelRowA but for the stride, which must be a constant in the code for C2 to drop
     * the bounds checks on B; a stride passed as an argument keeps them.
     */
    private static void kernelRowAPanel(float[] a, int a0, int a1, int a2, int a3, int a4,
                                        float[] b, int bIdx, int kc, float[] dst, int d, int ldd,
                                        float[] bias, int bi) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00;
        for (int p = 0; p < kc; p++) {
            int bp = bIdx + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[a1 + p]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[a2 + p]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[a3 + p]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[a4 + p]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
        }
        // The bias of each column, written out here: a helper method taking the vectors would be past
        // C2's inlining budget for this method, and they would be allocated.
        if (bias != null) {
            FloatVector b0 = FloatVector.fromArray(S, bias, bi);
            FloatVector b1 = FloatVector.fromArray(S, bias, bi + L);
            c00 = c00.add(b0);
            c01 = c01.add(b1);
            c10 = c10.add(b0);
            c11 = c11.add(b1);
            c20 = c20.add(b0);
            c21 = c21.add(b1);
            c30 = c30.add(b0);
            c31 = c31.add(b1);
            c40 = c40.add(b0);
            c41 = c41.add(b1);
        }
        c00.intoArray(dst, d);
        c01.intoArray(dst, d + L);
        c10.intoArray(dst, d += ldd);
        c11.intoArray(dst, d + L);
        c20.intoArray(dst, d += ldd);
        c21.intoArray(dst, d + L);
        c30.intoArray(dst, d += ldd);
        c31.intoArray(dst, d + L);
        c40.intoArray(dst, d += ldd);
        c41.intoArray(dst, d + L);
    }

    /**
     * {@link #kernelRowA} in tiles of 8 rows, for the 32 registers of AVX-512; with {@code panel} B is
     * read at the constant stride NR ({@link #kernelRowAPanel}), otherwise at ldb.
     */
    private static void kernelRowA8(float[] a, int aIdx, int lda, int rows, float[] b, int bIdx, int ldb, int kc,
                                    float[] dst, int d, int ldd, boolean panel, float[] bias, int bi) {
        int a0 = rowIndex(aIdx, lda, rows, 0);
        int a1 = rowIndex(aIdx, lda, rows, 1);
        int a2 = rowIndex(aIdx, lda, rows, 2);
        int a3 = rowIndex(aIdx, lda, rows, 3);
        int a4 = rowIndex(aIdx, lda, rows, 4);
        int a5 = rowIndex(aIdx, lda, rows, 5);
        int a6 = rowIndex(aIdx, lda, rows, 6);
        int a7 = rowIndex(aIdx, lda, rows, 7);
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        FloatVector c60 = c00, c61 = c00, c70 = c00, c71 = c00;
        if (panel) {
            for (int p = 0; p < kc; p++) {
                int bp = bIdx + p * NR;
                FloatVector b0 = FloatVector.fromArray(S, b, bp);
                FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
                FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
                c00 = x.fma(b0, c00);
                c01 = x.fma(b1, c01);
                x = FloatVector.broadcast(S, a[a1 + p]);
                c10 = x.fma(b0, c10);
                c11 = x.fma(b1, c11);
                x = FloatVector.broadcast(S, a[a2 + p]);
                c20 = x.fma(b0, c20);
                c21 = x.fma(b1, c21);
                x = FloatVector.broadcast(S, a[a3 + p]);
                c30 = x.fma(b0, c30);
                c31 = x.fma(b1, c31);
                x = FloatVector.broadcast(S, a[a4 + p]);
                c40 = x.fma(b0, c40);
                c41 = x.fma(b1, c41);
                x = FloatVector.broadcast(S, a[a5 + p]);
                c50 = x.fma(b0, c50);
                c51 = x.fma(b1, c51);
                x = FloatVector.broadcast(S, a[a6 + p]);
                c60 = x.fma(b0, c60);
                c61 = x.fma(b1, c61);
                x = FloatVector.broadcast(S, a[a7 + p]);
                c70 = x.fma(b0, c70);
                c71 = x.fma(b1, c71);
            }
        } else {
            for (int p = 0, bp = bIdx; p < kc; p++, bp += ldb) {
                FloatVector b0 = FloatVector.fromArray(S, b, bp);
                FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
                FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
                c00 = x.fma(b0, c00);
                c01 = x.fma(b1, c01);
                x = FloatVector.broadcast(S, a[a1 + p]);
                c10 = x.fma(b0, c10);
                c11 = x.fma(b1, c11);
                x = FloatVector.broadcast(S, a[a2 + p]);
                c20 = x.fma(b0, c20);
                c21 = x.fma(b1, c21);
                x = FloatVector.broadcast(S, a[a3 + p]);
                c30 = x.fma(b0, c30);
                c31 = x.fma(b1, c31);
                x = FloatVector.broadcast(S, a[a4 + p]);
                c40 = x.fma(b0, c40);
                c41 = x.fma(b1, c41);
                x = FloatVector.broadcast(S, a[a5 + p]);
                c50 = x.fma(b0, c50);
                c51 = x.fma(b1, c51);
                x = FloatVector.broadcast(S, a[a6 + p]);
                c60 = x.fma(b0, c60);
                c61 = x.fma(b1, c61);
                x = FloatVector.broadcast(S, a[a7 + p]);
                c70 = x.fma(b0, c70);
                c71 = x.fma(b1, c71);
            }
        }
        // The bias of each column, written out here: a helper method taking the vectors would be past
        // C2's inlining budget for this method, and they would be allocated.
        if (bias != null) {
            FloatVector b0 = FloatVector.fromArray(S, bias, bi);
            FloatVector b1 = FloatVector.fromArray(S, bias, bi + L);
            c00 = c00.add(b0);
            c01 = c01.add(b1);
            c10 = c10.add(b0);
            c11 = c11.add(b1);
            c20 = c20.add(b0);
            c21 = c21.add(b1);
            c30 = c30.add(b0);
            c31 = c31.add(b1);
            c40 = c40.add(b0);
            c41 = c41.add(b1);
            c50 = c50.add(b0);
            c51 = c51.add(b1);
            c60 = c60.add(b0);
            c61 = c61.add(b1);
            c70 = c70.add(b0);
            c71 = c71.add(b1);
        }
        c00.intoArray(dst, d);
        c01.intoArray(dst, d + L);
        c10.intoArray(dst, d += ldd);
        c11.intoArray(dst, d + L);
        c20.intoArray(dst, d += ldd);
        c21.intoArray(dst, d + L);
        c30.intoArray(dst, d += ldd);
        c31.intoArray(dst, d + L);
        c40.intoArray(dst, d += ldd);
        c41.intoArray(dst, d + L);
        c50.intoArray(dst, d += ldd);
        c51.intoArray(dst, d + L);
        c60.intoArray(dst, d += ldd);
        c61.intoArray(dst, d + L);
        c70.intoArray(dst, d += ldd);
        c71.intoArray(dst, d + L);
    }

    /** One tile of up to 8 rows by 1 vector, for the columns left of a row after the 2-vector tiles. */
    private static void kernel8x1(float[] a, int aIdx, int ars, int aps, int rows,
                                  float[] b, int bIdx, int ldb, int kc, float[] tile) {
        int a0 = aIdx;
        int a1 = aIdx + (rows > 1 ? ars : 0);
        int a2 = aIdx + (rows > 2 ? 2 * ars : 0);
        int a3 = aIdx + (rows > 3 ? 3 * ars : 0);
        int a4 = aIdx + (rows > 4 ? 4 * ars : 0);
        int a5 = aIdx + (rows > 5 ? 5 * ars : 0);
        int a6 = aIdx + (rows > 6 ? 6 * ars : 0);
        int a7 = aIdx + (rows > 7 ? 7 * ars : 0);
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        for (int p = 0, bp = bIdx, ap = 0; p < kc; p++, bp += ldb, ap += aps) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            c0 = FloatVector.broadcast(S, a[a0 + ap]).fma(b0, c0);
            c1 = FloatVector.broadcast(S, a[a1 + ap]).fma(b0, c1);
            c2 = FloatVector.broadcast(S, a[a2 + ap]).fma(b0, c2);
            c3 = FloatVector.broadcast(S, a[a3 + ap]).fma(b0, c3);
            c4 = FloatVector.broadcast(S, a[a4 + ap]).fma(b0, c4);
            c5 = FloatVector.broadcast(S, a[a5 + ap]).fma(b0, c5);
            c6 = FloatVector.broadcast(S, a[a6 + ap]).fma(b0, c6);
            c7 = FloatVector.broadcast(S, a[a7 + ap]).fma(b0, c7);
        }
        c0.intoArray(tile, 0);
        c1.intoArray(tile, L);
        c2.intoArray(tile, 2 * L);
        c3.intoArray(tile, 3 * L);
        c4.intoArray(tile, 4 * L);
        c5.intoArray(tile, 5 * L);
        c6.intoArray(tile, 6 * L);
        c7.intoArray(tile, 7 * L);
    }

    /**
     * {@code c[i] = alpha * dot(A row i, b) (+ beta * c[i])} for a row-major A and a contiguous b: four
     * rows share each load of b, and each row's sum is reduced across lanes once at the end, L rows at a
     * time by {@link LaneSums#sums} where there are L rows left (the same bits as one row alone).
     */
    private static void gemvRows(int m, int k, float alpha, float[] a, int aOff, int lda, float[] b, int bOff,
                                 float beta, float[] c, int cOff, int ldc, float[] lanes) {
        int whole = S.loopBound(k);
        int i = 0;
        for (; i + L <= m; i += L) {
            for (int g = 0; g < L; g += 4) {
                dots4(a, aOff + (i + g) * lda, lda, b, bOff, whole, lanes, g * L);
            }
            LaneSums.sums(lanes);
            int ci = cOff + i * ldc;
            if (whole == k && ldc == 1) {
                // No tail to add row by row: the L results as one vector, each as storeDot computes it.
                FloatVector sum = FloatVector.fromArray(S, lanes, 0);
                (beta == 0f ? sum.mul(alpha)
                        : sum.fma(FloatVector.broadcast(S, alpha), FloatVector.fromArray(S, c, ci).mul(beta)))
                        .intoArray(c, ci);
            } else {
                for (int row = 0; row < L; row++) {
                    storeDot(lanes[row], a, aOff + (i + row) * lda, b, bOff, whole, k, alpha, beta, c, ci + row * ldc);
                }
            }
        }
        for (; i + 4 <= m; i += 4) {
            int r0 = aOff + i * lda;
            dots4(a, r0, lda, b, bOff, whole, lanes, 0);
            for (int row = 0; row < 4; row++) {
                storeDot(LaneSums.sum(FloatVector.fromArray(S, lanes, row * L)), a, r0 + row * lda, b, bOff, whole, k,
                        alpha, beta, c, cOff + (i + row) * ldc);
            }
        }
        for (; i < m; i++) {
            int r = aOff + i * lda;
            FloatVector s0 = FloatVector.zero(S);
            for (int p = 0; p < whole; p += L) {
                s0 = FloatVector.fromArray(S, a, r + p).fma(FloatVector.fromArray(S, b, bOff + p), s0);
            }
            storeDot(LaneSums.sum(s0), a, r, b, bOff, whole, k, alpha, beta, c, cOff + i * ldc);
        }
    }

    /**
     * The lane-wise partial dot products of four rows of A (from {@code r0}, stride lda) with b over
     * {@code [0, whole)}, stored one vector after another at {@code lanes[at]}. Through the array, not
     * returned: the vectors of a non-inlined call would be allocated.
     */
    private static void dots4(float[] a, int r0, int lda, float[] b, int bOff, int whole, float[] lanes, int at) {
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        for (int p = 0; p < whole; p += L) {
            FloatVector x = FloatVector.fromArray(S, b, bOff + p);
            s0 = FloatVector.fromArray(S, a, r0 + p).fma(x, s0);
            s1 = FloatVector.fromArray(S, a, r0 + lda + p).fma(x, s1);
            s2 = FloatVector.fromArray(S, a, r0 + 2 * lda + p).fma(x, s2);
            s3 = FloatVector.fromArray(S, a, r0 + 3 * lda + p).fma(x, s3);
        }
        s0.intoArray(lanes, at);
        s1.intoArray(lanes, at + L);
        s2.intoArray(lanes, at + 2 * L);
        s3.intoArray(lanes, at + 3 * L);
    }

    /**
     * {@code C = alpha * a bᵀ (+ beta * C)} for k = 1: column a (element i at {@code aOff + i * ars}) times
     * the contiguous row b. Each sum is {@code fma(a, b, 0)}, the one-step chain every other path computes.
     */
    private static void outerProduct(int m, int n, float alpha, float[] a, int aOff, int ars, float[] b, int bOff,
                                     float beta, float[] c, int cOff, int ldc) {
        int whole = S.loopBound(n);
        FloatVector zero = FloatVector.zero(S);
        FloatVector al = FloatVector.broadcast(S, alpha);
        FloatVector be = FloatVector.broadcast(S, beta);
        for (int i = 0; i < m; i++) {
            float ai = a[aOff + i * ars];
            FloatVector x = FloatVector.broadcast(S, ai);
            int row = cOff + i * ldc;
            int j = 0;
            for (; j < whole; j += L) {
                FloatVector sum = x.fma(FloatVector.fromArray(S, b, bOff + j), zero);
                (beta == 0f ? sum.mul(al) : sum.fma(al, FloatVector.fromArray(S, c, row + j).mul(be)))
                        .intoArray(c, row + j);
            }
            for (; j < n; j++) {
                float sum = Math.fma(ai, b[bOff + j], 0f);
                c[row + j] = beta == 0f ? sum * alpha : Math.fma(sum, alpha, c[row + j] * beta);
            }
        }
    }

    /** Adds the tail {@code [from, k)} of a row's dot product to its lane sum and stores it into C. */
    private static void storeDot(float laneSum, float[] a, int row, float[] b, int bOff, int from, int k,
                                 float alpha, float beta, float[] c, int ci) {
        float sum = laneSum;
        for (int p = from; p < k; p++) {
            sum = Math.fma(a[row + p], b[bOff + p], sum);
        }
        c[ci] = beta == 0f ? alpha * sum : Math.fma(alpha, sum, beta * c[ci]);
    }

    /**
     * {@code c[i] = alpha * sum over p of A[p][i] * b[p] (+ beta * c[i])} for A stored transposed (k x m)
     * and a contiguous b: lanes run along a row of the stored A, one broadcast of b[p] per step.
     */
    private static void gemvTransposed(int m, int k, float alpha, float[] a, int aOff, int lda, float[] b, int bOff,
                                       float beta, float[] c, int cOff, int ldc, float[] tile) {
        int whole = S.loopBound(m);
        int i = 0;
        for (; i + 2 * L <= whole; i += 2 * L) {
            FloatVector s0 = FloatVector.zero(S), s1 = s0;
            for (int p = 0, row = aOff + i; p < k; p++, row += lda) {
                FloatVector x = FloatVector.broadcast(S, b[bOff + p]);
                s0 = FloatVector.fromArray(S, a, row).fma(x, s0);
                s1 = FloatVector.fromArray(S, a, row + L).fma(x, s1);
            }
            s0.intoArray(tile, 0);
            s1.intoArray(tile, L);
            storeColumn(tile, 2 * L, alpha, beta, c, cOff + i * ldc, ldc);
        }
        for (; i < whole; i += L) {
            FloatVector s0 = FloatVector.zero(S);
            for (int p = 0, row = aOff + i; p < k; p++, row += lda) {
                s0 = FloatVector.fromArray(S, a, row).fma(FloatVector.broadcast(S, b[bOff + p]), s0);
            }
            s0.intoArray(tile, 0);
            storeColumn(tile, L, alpha, beta, c, cOff + i * ldc, ldc);
        }
        for (; i < m; i++) {
            float sum = 0f;
            for (int p = 0, row = aOff + i; p < k; p++, row += lda) {
                sum = Math.fma(a[row], b[bOff + p], sum);
            }
            c[cOff + i * ldc] = beta == 0f ? alpha * sum : Math.fma(alpha, sum, beta * c[cOff + i * ldc]);
        }
    }

    /** Stores {@code count} sums of consecutive rows into a column of C (row stride ldc). */
    private static void storeColumn(float[] sums, int count, float alpha, float beta, float[] c, int ci, int ldc) {
        for (int r = 0; r < count; r++, ci += ldc) {
            c[ci] = beta == 0f ? alpha * sums[r] : Math.fma(alpha, sums[r], beta * c[ci]);
        }
    }

    /**
     * {@code C = alpha * sum} (beta 0: C is not read) or {@code C = fma(alpha, sum, beta * C)} for the
     * first {@code rows x cols} sums of a tile (row stride {@code stride}), then plus the bias of each
     * column from {@code bias[bi]} unless bias is null. Whole vectors go through
     * lanes, the rest element by element with the same operations, so both give identical bits, and
     * so does a kernel writing its sums straight into C when alpha is 1 and beta 0.
     */
    private static void storeTile(float[] tile, int stride, int rows, int cols, float alpha, float betaE,
                                  float[] c, int cIdx, int ldc, float[] bias, int bi) {
        FloatVector al = FloatVector.broadcast(S, alpha);
        FloatVector be = FloatVector.broadcast(S, betaE);
        int whole = cols - cols % L;
        for (int r = 0; r < rows; r++) {
            int t = r * stride;
            int row = cIdx + r * ldc;
            int j = 0;
            for (; j < whole; j += L) {
                FloatVector sum = FloatVector.fromArray(S, tile, t + j);
                FloatVector v = betaE == 0f ? sum.mul(al) : sum.fma(al, FloatVector.fromArray(S, c, row + j).mul(be));
                (bias == null ? v : v.add(FloatVector.fromArray(S, bias, bi + j))).intoArray(c, row + j);
            }
            for (; j < cols; j++) {
                float v = betaE == 0f ? tile[t + j] * alpha : Math.fma(tile[t + j], alpha, c[row + j] * betaE);
                c[row + j] = bias == null ? v : v + bias[bi + j];
            }
        }
    }

    /** Row r of an A tile stored row by row; rows past the edge repeat row 0 (read, never stored). */
    private static int rowIndex(int aIdx, int lda, int rows, int r) {
        return r < rows ? aIdx + r * lda : aIdx;
    }

    /** Whether MR values side by side at every step of a transposed A stay inside the array. */
    private static boolean columnsReadable(float[] a, int aIdx, int lda, int kc) {
        return aIdx + (long) (kc - 1) * lda + MR <= a.length;
    }

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }

    /** Per-thread buffers, grown on demand and kept, so the steady state allocates nothing. */
    private static final class Workspace {
        final float[] tile = new float[8 * NR];
        private float[] packA = new float[0];
        private float[] packB = new float[0];
        private float[] scratchB = new float[0];
        private float[] edgeA = new float[0];

        float[] edgeA(int size) {
            return edgeA = atLeast(edgeA, size);
        }

        float[] packA(int size) {
            return packA = atLeast(packA, size);
        }

        float[] packB(int size) {
            return packB = atLeast(packB, size);
        }

        float[] scratchB(int size) {
            return scratchB = atLeast(scratchB, size);
        }

        private static float[] atLeast(float[] buffer, int size) {
            return buffer.length < size ? new float[size] : buffer;
        }
    }
}
