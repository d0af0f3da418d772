#!/usr/bin/env bash
# Benchmark of the Wu-Ma-E stability set (not a test): checking time of the three theorem files with
# their cross-checks and properties, in a cold JVM and then in warm rounds of the same JVM, plus the
# process CPU time of a 1-round and an N-round run (their difference / (N - 1) estimates the CPU cost
# of one warm round, which is less sensitive to other load on the machine than wall time).
#   bench/sgd-stability.sh [rounds]     (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
files=(theorems/wu2018-*.yaml)
uptime
for r in 1 "$rounds"; do
  /usr/bin/time -f "repeat=$r user=%U s sys=%S s wall=%e s" ./ibcheck --repeat "$r" --reports /tmp/ibcheck-bench-sgd "${files[@]}" 2>&1 \
    | grep -E 'repeat=|round [0-9]+|^wu2018'
done
uptime
