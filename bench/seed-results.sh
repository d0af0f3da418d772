#!/usr/bin/env bash
# Benchmark of the further seed results (not a test): checking time of
# wu2020-linear-regression, wu2020-convex-lyapunov, wu2020-relu-kernel and
# srebro-scale-of-initialisation with their cross-checks and properties, in a cold JVM and in warm
# rounds of the same JVM, plus the process CPU time of a 1-round and an N-round run (their
# difference / (N - 1) estimates the CPU cost of one warm round, less sensitive to other load on the
# machine than wall time).
#   bench/seed-results.sh [rounds]     (default 4)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-4}
files=(theorems/wu2020-*.yaml theorems/srebro-scale-of-initialisation.yaml)
uptime
for r in 1 "$rounds"; do
  /usr/bin/time -f "repeat=$r user=%U s sys=%S s wall=%e s" ./ibcheck --repeat "$r" --reports /tmp/ibcheck-bench-seeds "${files[@]}" 2>&1 \
    | grep -E 'repeat=|round [0-9]+|^wu2020|^srebro'
done
uptime
