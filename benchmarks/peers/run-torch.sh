#!/bin/sh
# PyTorch CPU MLP training throughput, 1 thread. Debian's torch is imported by
# /usr/bin/python3 (a pyenv python3 on PATH would not see it).
# torch's matrix products go through the system libblas (OpenBLAS pthread build),
# so OpenBLAS is pinned to 1 thread too and its core-type overrides are removed.
# Needs: apt-get install -y python3-torch python3-numpy
# Usage: run-torch.sh --csv ../../core/src/test/resources/california_housing.csv [--random] [--epochs N] [--fits N]
# (paths relative to benchmarks/peers, where this script runs)
cd "$(dirname "$0")"
echo "# load before: $(cat /proc/loadavg); $(awk '/^cpu /{print "steal ticks " $9}' /proc/stat); $(cat /proc/self/autogroup 2>/dev/null); cpus $(taskset -pc $$ | cut -d: -f2)"
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE \
    OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 /usr/bin/python3 torch_mlp.py "$@"
echo "# load after: $(cat /proc/loadavg); $(awk '/^cpu /{print "steal ticks " $9}' /proc/stat)"
