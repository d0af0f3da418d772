#!/usr/bin/env bash
# Benchmark of the warped-IMD set (not a test): the five theorem files of Azulay et al. 2021 on the
# fully connected network (Theorem 2 and the Hessian-map condition, Proposition 1, Theorem 3,
# Theorem 4, the NTK limit) with their cross-checks and properties, in a cold JVM and then in warm
# rounds of the same JVM, plus the process CPU time of a 1-round and an N-round run (their difference
# / (N - 1) estimates the CPU cost of one warm round, less sensitive to other load on the machine).
#   bench/warped-imd.sh [rounds]     (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
ids=azulay2021-warped-imd,azulay2021-fc-balanced,azulay2021-fc-min-l2,azulay2021-leaky-relu,azulay2021-fc-ntk
uptime
for r in 1 "$rounds"; do
  /usr/bin/time -f "repeat=$r user=%U s sys=%S s wall=%e s" ./ibcheck --repeat "$r" --only "$ids" \
    --reports /tmp/ibcheck-bench-warped theorems/ 2>&1 | grep -E 'repeat=|round [0-9]+|^azulay'
done
uptime
