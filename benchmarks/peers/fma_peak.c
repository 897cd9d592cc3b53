/*
 * fma_peak.c - single-core FMA ceiling of the widest vector ISA the CPU has: 12 independent FMA
 * chains of 16 float lanes (AVX-512) or 8 (AVX2). It prints the CPU's family and model and, for AMD's,
 * the generation: Zen 3 (AVX2 only) and Zen 5 issue two full-width FMAs per cycle; Zen 4 has AVX-512
 * but runs each 512-bit FMA as two 256-bit halves, so its AVX-512 ceiling equals its AVX2 one. The GHz
 * estimate divides by the flop per cycle of that generation.
 * Build: gcc -O2 -o fma_peak fma_peak.c   (each kernel carries its own target attribute)
 * Run:   ./fma_peak          the widest ISA this CPU has
 *        ./fma_peak avx2     the AVX2 ceiling, to compare with a JVM run with -XX:UseAVX=2
 */
#define _POSIX_C_SOURCE 200809L
#include <cpuid.h>
#include <immintrin.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define ITERS 100000000L /* 100M x 12 FMA x lanes x 2 flop */

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* One kernel per ISA; the asm barrier keeps the 12 chains in registers and the loop from folding. */
#define CHAINS(T, SET1, FMA, ADD, STORE, BARRIER)                                              \
    T a = SET1(0.999999f), b = SET1(1e-7f);                                                    \
    T c0 = SET1(1), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0, c8 = c0,    \
      c9 = c0, c10 = c0, c11 = c0;                                                             \
    double t0 = now();                                                                         \
    for (long i = 0; i < ITERS; i++) {                                                         \
        c0 = FMA(c0, a, b); c1 = FMA(c1, a, b); c2 = FMA(c2, a, b); c3 = FMA(c3, a, b);        \
        c4 = FMA(c4, a, b); c5 = FMA(c5, a, b); c6 = FMA(c6, a, b); c7 = FMA(c7, a, b);        \
        c8 = FMA(c8, a, b); c9 = FMA(c9, a, b); c10 = FMA(c10, a, b); c11 = FMA(c11, a, b);    \
        __asm__ volatile("" : BARRIER(c0), BARRIER(c1), BARRIER(c2), BARRIER(c3), BARRIER(c4), \
                              BARRIER(c5), BARRIER(c6), BARRIER(c7), BARRIER(c8), BARRIER(c9), \
                              BARRIER(c10), BARRIER(c11));                                     \
    }                                                                                          \
    double dt = now() - t0;                                                                    \
    T s = ADD(ADD(ADD(c0, c1), ADD(c2, c3)), ADD(ADD(c4, c5), ADD(c6, c7)));                   \
    s = ADD(s, ADD(ADD(c8, c9), ADD(c10, c11)));                                               \
    STORE(out, s);                                                                             \
    return dt;

#define X_REG(c) "+x"(c)
#define V_REG(c) "+v"(c)

__attribute__((target("avx2,fma"))) static double avx2(float *out) {
    CHAINS(__m256, _mm256_set1_ps, _mm256_fmadd_ps, _mm256_add_ps, _mm256_storeu_ps, X_REG)
}

__attribute__((target("avx512f"))) static double avx512(float *out) {
    CHAINS(__m512, _mm512_set1_ps, _mm512_fmadd_ps, _mm512_add_ps, _mm512_storeu_ps, V_REG)
}

/* AMD's generation from CPUID leaf 1 (family 0x19: Zen 3 or Zen 4 by model; 0x1a: Zen 5), or "". */
static const char *zen(unsigned family, unsigned model) {
    if (family == 0x1a) return "Zen 5";
    if (family != 0x19) return "";
    if ((model >= 0x10 && model <= 0x1f) || (model >= 0x60 && model <= 0x7f) || (model >= 0xa0 && model <= 0xaf))
        return "Zen 4";
    return "Zen 3";
}

int main(int argc, char **argv) {
    __builtin_cpu_init();
    int wide = __builtin_cpu_supports("avx512f") && !(argc > 1 && strcmp(argv[1], "avx2") == 0);
    if (!wide && !__builtin_cpu_supports("avx2")) {
        fprintf(stderr, "fma_peak: this CPU has neither AVX-512 nor AVX2\n");
        return 1;
    }
    unsigned eax = 0, ebx, ecx, edx;
    __get_cpuid(1, &eax, &ebx, &ecx, &edx);
    unsigned family = ((eax >> 8) & 0xf) + (((eax >> 8) & 0xf) == 0xf ? (eax >> 20) & 0xff : 0);
    unsigned model = ((eax >> 4) & 0xf) | (((eax >> 16) & 0xf) << 4);
    const char *generation = __builtin_cpu_is("amd") ? zen(family, model) : "";
    int lanes = wide ? 16 : 8;
    /* Two FMA pipes; Zen 4 splits a 512-bit FMA into two 256-bit ones. */
    int flopPerCycle = 2 * 2 * (wide && strcmp(generation, "Zen 4") == 0 ? 8 : lanes);
    printf("fma_peak: CPU family %u model %u%s%s; ISA %s, %d float lanes, 12 chains\n", family, model,
           *generation ? " = " : "", generation, wide ? "avx512f" : "avx2", lanes);
    for (int run = 0; run < 5; run++) {
        float out[16];
        double dt = wide ? avx512(out) : avx2(out);
        double gf = ITERS * 12.0 * lanes * 2 / dt * 1e-9;
        printf("fma_peak run %d: %.1f GFLOP/s %s (~%.2f GHz at %d flop/cycle) [%g]\n", run, gf,
               wide ? "avx512f" : "avx2", gf / flopPerCycle, flopPerCycle, out[0]);
    }
    return 0;
}
