#!/bin/sh
# run-grid.sh [JVM OPTION...]: the reference grid (dev.lanes.bench.ReferenceGrid, 2 threads) between two
# measurements of the FMA ceiling, and the share of that ceiling the grid sustained:
#   train_gflop / (wall_s x 2 cores x ceiling of one core)
# The ceiling is the median of fma_peak's runs, before and after, of the ISA the JVM uses:
# with -XX:UseAVX=2 among the options, AVX2 (as FMA_ISA=avx2); otherwise the widest the CPU has.
# Run from anywhere; needs gcc and benchmarks/target/benchmarks.jar
# (./mvnw -B package -pl benchmarks -am -Dmaven.test.skip=true -Dinvoker.skip=true); JAR=path runs another build
# of it, JAVA=path another java.
set -e
root=$(cd "$(dirname "$0")/../.." && pwd)
peers="$root/benchmarks/peers"
gcc -O2 -Wall -o "$peers/fma_peak" "$peers/fma_peak.c"
isa=${FMA_ISA:-}
case " $* " in *" -XX:UseAVX=2 "*) isa=avx2 ;; esac
ceiling() {
    "$peers/fma_peak" $isa | tee /dev/stderr | awk '/ run /{print $4}' | sort -n | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}'
}
echo "# load before: $(cat /proc/loadavg); $(${JAVA:-java} -version 2>&1 | head -1); options: $*; jar ${JAR:-benchmarks/target/benchmarks.jar}" >&2
before=$(ceiling)
jar=$(realpath "${JAR:-$root/benchmarks/target/benchmarks.jar}")
line=$(cd "$root" && ${JAVA:-java} --add-modules=jdk.incubator.vector "$@" -cp "$jar" \
    dev.lanes.bench.ReferenceGrid core/src/test/resources/california_housing.csv 2)
after=$(ceiling)
echo "$line"
echo "$line" | awk -v b="$before" -v a="$after" '{
    match($0, /"wall_s":[0-9.]+/); w = substr($0, RSTART + 9, RLENGTH - 9)
    if (!match($0, /"train_gflop":[0-9.]+/)) { print "run-grid: no train_gflop in the line (a build before it was added?)"; exit 1 }
    g = substr($0, RSTART + 14, RLENGTH - 14)
    c = (a + b) / 2
    printf "grid %.1f GFLOP in %.2f s; ceiling %.1f GFLOP/s per core (before %.1f, after %.1f); %.1f %% of 2 cores\n",
        g, w, c, b, a, 100 * g / (w * 2 * c)
}'
