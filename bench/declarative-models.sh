#!/usr/bin/env bash
# Benchmark of a model declared in a theorem file against its Java class (not a timed test): median
# wall time of the diagonal network's gradient flow over the q-alpha sweep, Java vs declared, in one
# warm JVM (the target: declared within 3x).
# Usage: bench/declarative-models.sh [WARMUP] [RUNS]      (defaults: 5 15)
set -euo pipefail
exec "$(dirname "$0")/run-java.sh" ibcheck.bench.DeclarativeModelBench "${1:-5}" "${2:-15}"
