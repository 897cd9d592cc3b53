/*
 * fma_peak.c - single-core AVX2 FMA ceiling: 12 independent 8-lane FMA chains.
 * Zen 3 issues 2 x 256-bit FMA per cycle = 32 flop/cycle, so GHz ~= GFLOP/s / 32
 * (an estimate of the effective clock under the hypervisor).
 * Build: gcc -O2 -mavx2 -mfma -o fma_peak fma_peak.c   (see run-openblas.sh)
 */
#define _POSIX_C_SOURCE 200809L
#include <immintrin.h>
#include <stdio.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(void) {
    const long iters = 100000000L;  /* 100M x 12 FMA x 8 lanes x 2 flop = 19.2 GFLOP */
    for (int run = 0; run < 5; run++) {
        __m256 a = _mm256_set1_ps(0.999999f), b = _mm256_set1_ps(1e-7f);
        __m256 c0 = _mm256_set1_ps(1), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0,
               c6 = c0, c7 = c0, c8 = c0, c9 = c0, c10 = c0, c11 = c0;
        double t0 = now();
        for (long i = 0; i < iters; i++) {
            c0 = _mm256_fmadd_ps(c0, a, b); c1 = _mm256_fmadd_ps(c1, a, b);
            c2 = _mm256_fmadd_ps(c2, a, b); c3 = _mm256_fmadd_ps(c3, a, b);
            c4 = _mm256_fmadd_ps(c4, a, b); c5 = _mm256_fmadd_ps(c5, a, b);
            c6 = _mm256_fmadd_ps(c6, a, b); c7 = _mm256_fmadd_ps(c7, a, b);
            c8 = _mm256_fmadd_ps(c8, a, b); c9 = _mm256_fmadd_ps(c9, a, b);
            c10 = _mm256_fmadd_ps(c10, a, b); c11 = _mm256_fmadd_ps(c11, a, b);
            __asm__ volatile("" : "+x"(c0), "+x"(c1), "+x"(c2), "+x"(c3), "+x"(c4), "+x"(c5),
                                  "+x"(c6), "+x"(c7), "+x"(c8), "+x"(c9), "+x"(c10), "+x"(c11));
        }
        double dt = now() - t0;
        __m256 s = _mm256_add_ps(_mm256_add_ps(_mm256_add_ps(c0, c1), _mm256_add_ps(c2, c3)),
                   _mm256_add_ps(_mm256_add_ps(c4, c5), _mm256_add_ps(c6, c7)));
        s = _mm256_add_ps(s, _mm256_add_ps(_mm256_add_ps(c8, c9), _mm256_add_ps(c10, c11)));
        float out[8];
        _mm256_storeu_ps(out, s);
        double gf = iters * 12.0 * 16.0 / dt * 1e-9;
        printf("fma_peak run %d: %.1f GFLOP/s (~%.2f GHz at 32 flop/cycle) [%g]\n", run, gf, gf / 32, out[0]);
    }
    return 0;
}
