#!/bin/sh
# Build and run the single-thread OpenBLAS sgemm benchmark (plus the FMA ceiling of the widest ISA
# the CPU has; FMA_ISA=avx2 measures the AVX2 ceiling on an AVX-512 CPU).
# OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE are removed for this command only, so
# OpenBLAS picks its kernel by its own CPU detection (printed in the header).
# Needs: apt-get install -y gcc libopenblas-dev libopenblas0-pthread
set -e
cd "$(dirname "$0")"
gcc -O2 -Wall -o sgemm_bench sgemm_bench.c -lopenblas
gcc -O2 -Wall -o fma_peak fma_peak.c
echo "# load before: $(cat /proc/loadavg); $(awk '/^cpu /{print "steal ticks " $9}' /proc/stat); $(cat /proc/self/autogroup 2>/dev/null); cpus $(taskset -pc $$ | cut -d: -f2)"
./fma_peak ${FMA_ISA:-}
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE \
    OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 OPENBLAS_VERBOSE=2 ./sgemm_bench "$@"
./fma_peak ${FMA_ISA:-}
echo "# load after: $(cat /proc/loadavg); $(awk '/^cpu /{print "steal ticks " $9}' /proc/stat)"
