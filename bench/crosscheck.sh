#!/usr/bin/env bash
# Benchmark of the numeric cross-checks (not a timed test): per cross-check wall time (median and
# minimum of RUNS timed runs after WARMUP untimed ones, in one warm JVM) and flow evaluations.
# Usage: bench/crosscheck.sh [THEOREM_DIR] [WARMUP] [RUNS]      (defaults: theorems 5 10)
set -euo pipefail
exec "$(dirname "$0")/run-java.sh" ibcheck.bench.CrosscheckBench "${1:-theorems}" "${2:-5}" "${3:-10}"
