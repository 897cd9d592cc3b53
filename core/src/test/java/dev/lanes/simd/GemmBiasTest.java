package dev.lanes.simd;

import dev.lanes.simd.internal.VectorizationProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code sgemmBias} gives, bit for bit, what the product followed by {@code addBias} gives, on both
 * providers and on every path of the kernels: the bias added in the tiles or after them, remainder
 * columns, k = 1, n = 1, k above one block, packed, transposed operands, offsets and padded rows, with
 * NaN, infinities and signed zeros in the sums and the bias (all NaNs count as one). The product itself
 * is checked against a double reference in {@link GemmTest}.
 */
class GemmBiasTest {

    private static final int[] SIZES = {1, 2, 3, 5, 7, 15, 16, 17, 31, 32, 33, 63, 65, 97, 127, 129};

    static Stream<Arguments> cases() {
        List<int[]> dims = new ArrayList<>();
        for (int s : SIZES) {
            dims.add(new int[] {s, 64, 7});
            dims.add(new int[] {32, s, 64});
            dims.add(new int[] {s, s, 33});
            dims.add(new int[] {s, 1, 33});
            dims.add(new int[] {s, 33, 1});
            dims.add(new int[] {s, 40, 300});
        }
        dims.add(new int[] {130, 96, 40});
        dims.add(new int[] {400, 70, 200});
        List<Arguments> cases = new ArrayList<>();
        for (VectorizationProvider p : List.of(VectorizationProvider.scalar(), VectorizationProvider.panama())) {
            for (int[] d : dims) {
                for (int t = 0; t < 4; t++) {
                    cases.add(Arguments.of(p.name(), d[0], d[1], d[2], (t & 1) != 0, (t & 2) != 0));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} m={1} n={2} k={3} transA={4} transB={5}")
    @MethodSource("cases")
    void biasInTheProductIsTheProductThenAddBias(String provider, int m, int n, int k, boolean transA, boolean transB) {
        VectorizationProvider p = provider.equals("scalar") ? VectorizationProvider.scalar() : VectorizationProvider.panama();
        Random rnd = new Random(31L * m + 7L * n + k);
        int pad = 3;
        int off = 5;
        int lda = (transA ? m : k) + pad;
        int ldb = (transB ? k : n) + pad;
        int ldc = n + pad;
        float[] a = values(rnd, off + (transA ? k : m) * lda);
        float[] b = values(rnd, off + (transB ? n : k) * ldb);
        // A NaN row and an infinite column in the sums (when there is more than one of each).
        if (m > 1 && k > 0) {
            a[transA ? off + 1 : off + lda] = Float.NaN;
        }
        if (n > 2) {
            b[transB ? off + 2 * ldb : off + 2] = Float.POSITIVE_INFINITY;
        }
        int biasOff = 2;
        float[] bias = values(rnd, biasOff + n + pad);
        float[] specials = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f};
        for (int i = 0; i < specials.length && 4 * i < n; i++) {
            bias[biasOff + 4 * i + 1] = specials[i];
        }
        float[] expected = values(rnd, off + m * ldc + pad);
        float[] actual = expected.clone();
        p.gemm().sgemm(transA, transB, m, n, k, 1f, a, off, lda, b, off, ldb, 0f, expected, off, ldc);
        p.vectors().addBias(m, n, bias, biasOff, expected, off, ldc);
        p.gemm().sgemmBias(transA, transB, m, n, k, a, off, lda, b, off, ldb, bias, biasOff, actual, off, ldc);
        assertSameBits(expected, actual);
    }

    @Test
    void facadeBiasWithNoProductIsTheBiasPlusZero() {
        float[] c = {7f, 7f, 7f, 7f, 7f, 7f};
        Gemm.sgemmBias(false, false, 2, 3, 0, new float[0], 0, 1, new float[0], 0, 3, new float[] {1f, -0f, 3f}, 0,
                c, 0, 3);
        assertSameBits(new float[] {1f, 0f, 3f, 1f, 0f, 3f}, c);
    }

    @Test
    void facadeChecksTheBias() {
        float[] a = new float[6];
        float[] b = new float[6];
        float[] c = new float[4];
        IndexOutOfBoundsException bias = assertThrows(IndexOutOfBoundsException.class,
                () -> Gemm.sgemmBias(false, false, 2, 2, 3, a, 0, 3, b, 0, 2, new float[1], 0, c, 0, 2));
        assertTrue(bias.getMessage().startsWith("bias"), bias.getMessage());
        assertThrows(NullPointerException.class,
                () -> Gemm.sgemmBias(false, false, 2, 2, 3, a, 0, 3, b, 0, 2, null, 0, c, 0, 2));
    }

    private static float[] values(Random rnd, int size) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) (rnd.nextGaussian() * 1.5);
        }
        return v;
    }

    private static void assertSameBits(float[] expected, float[] actual) {
        for (int i = 0; i < expected.length; i++) {
            // floatToIntBits: one NaN for all, as C2 may swap the operands of a commutative product of two NaNs
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                fail("element " + i + ": expected " + expected[i] + " but was " + actual[i]);
            }
        }
    }
}
