#!/bin/sh
# scikit-learn's GridSearchCV over MLPRegressor on the reference grid (the 72 candidates of
# examples/california-housing), n_jobs=2 for the 2-core machines. Debian's scikit-learn is
# imported by /usr/bin/python3 (a pyenv python3 on PATH would not see it); its BLAS calls are
# pinned to one thread per job. The environment silences the 20-epoch ConvergenceWarning in the
# worker processes too.
# Needs: apt-get install -y python3-sklearn python3-pandas
# Usage: run-sklearn.sh [CSV] [JOBS]
cd "$(dirname "$0")"
csv=${1:-../../core/src/test/resources/california_housing.csv}
echo "# load before: $(cat /proc/loadavg)"
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE \
    OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 PYTHONWARNINGS=ignore::UserWarning /usr/bin/python3 sklearn_grid.py "$csv" "${2:-2}"
echo "# load after: $(cat /proc/loadavg)"
