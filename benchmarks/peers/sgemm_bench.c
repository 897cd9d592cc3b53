/*
 * sgemm_bench.c - single-thread OpenBLAS cblas_sgemm throughput (row-major).
 *
 * For each shape M x N x K and layout NN / TN (op(A)=A^T) / NT (op(B)=B^T):
 * C = 1.0 * op(A) * op(B) + 0.0 * C, operands uniform in [-1,1), 64-byte aligned,
 * tight leading dimensions. A calibration run picks a repetition count giving
 * ~TARGET_S seconds per figure; the figure is then measured RUNS times and the
 * best and median GFLOP/s (2*M*N*K*reps / time) are printed.
 *
 * Build: gcc -O2 -o sgemm_bench sgemm_bench.c -lopenblas   (see run-openblas.sh)
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cblas.h>

extern char *openblas_get_config(void);
extern char *openblas_get_corename(void);
extern int openblas_get_num_threads(void);

#define TARGET_S 0.5
#define RUNS 5

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static float *alloc_rand(size_t n, unsigned *seed) {
    float *p = aligned_alloc(64, ((n * sizeof(float) + 63) / 64) * 64);
    if (!p) { perror("aligned_alloc"); exit(1); }
    for (size_t i = 0; i < n; i++) p[i] = (float)rand_r(seed) / RAND_MAX * 2.0f - 1.0f;
    return p;
}

static int cmp_d(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void run(int M, int N, int K, const char *layout) {
    unsigned seed = 42;
    int ta = layout[0] == 'T', tb = layout[1] == 'T';
    float *A = alloc_rand((size_t)M * K, &seed);
    float *B = alloc_rand((size_t)K * N, &seed);
    float *C = alloc_rand((size_t)M * N, &seed);
    int lda = ta ? M : K;   /* A stored K x M when transposed, else M x K */
    int ldb = tb ? K : N;   /* B stored N x K when transposed, else K x N */
    enum CBLAS_TRANSPOSE opa = ta ? CblasTrans : CblasNoTrans;
    enum CBLAS_TRANSPOSE opb = tb ? CblasTrans : CblasNoTrans;
    double flop = 2.0 * M * N * K;

    /* warm-up + calibration: double reps until one batch takes >= 50 ms */
    long reps = 1;
    for (;;) {
        double t0 = now();
        for (long r = 0; r < reps; r++)
            cblas_sgemm(CblasRowMajor, opa, opb, M, N, K, 1.0f, A, lda, B, ldb, 0.0f, C, N);
        double dt = now() - t0;
        if (dt >= 0.05) { reps = (long)(reps * TARGET_S / dt) + 1; break; }
        reps *= 2;
    }

    double g[RUNS];
    for (int i = 0; i < RUNS; i++) {
        double t0 = now();
        for (long r = 0; r < reps; r++)
            cblas_sgemm(CblasRowMajor, opa, opb, M, N, K, 1.0f, A, lda, B, ldb, 0.0f, C, N);
        double dt = now() - t0;
        g[i] = flop * reps / dt * 1e-9;
    }
    qsort(g, RUNS, sizeof g[0], cmp_d);
    printf("%5d %5d %5d  %-2s  %9ld  %8.1f  %8.1f   ", M, N, K, layout, reps, g[RUNS - 1], g[RUNS / 2]);
    for (int i = 0; i < RUNS; i++) printf(" %.1f", g[i]);
    printf("\n");
    fflush(stdout);
    free(A); free(B); free(C);
}

int main(void) {
    static const int shapes[][3] = {
        {1024, 1024, 1024}, {512, 512, 512}, {256, 256, 256},
        {32, 64, 64}, {32, 64, 7}, {128, 64, 128}, {32, 32, 64}, {128, 1, 32},
    };
    static const char *layouts[] = {"NN", "TN", "NT"};
    printf("# OpenBLAS config : %s\n", openblas_get_config());
    printf("# OpenBLAS core   : %s\n", openblas_get_corename());
    printf("# OpenBLAS threads: %d\n", openblas_get_num_threads());
    printf("# %d runs of ~%.1f s per figure; GFLOP/s = 2*M*N*K*reps/time\n", RUNS, TARGET_S);
    printf("#   M     N     K  op      reps      best    median    all runs (sorted)\n");
    for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++)
        for (int l = 0; l < 3; l++)
            run(shapes[s][0], shapes[s][1], shapes[s][2], layouts[l]);
    return 0;
}
