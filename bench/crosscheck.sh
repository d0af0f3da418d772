#!/usr/bin/env bash
# Benchmark of the numeric cross-checks (not a timed test): per cross-check wall time (median and
# minimum of RUNS timed runs after WARMUP untimed ones, in one warm JVM) and flow evaluations.
# Usage: bench/crosscheck.sh [THEOREM_DIR] [WARMUP] [RUNS]      (defaults: theorems 5 10)
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=target/classpath.txt
if [[ ! -f $cp_file || pom.xml -nt $cp_file ]]; then
  mvn -q -B dependency:build-classpath -Dmdep.outputFile=$cp_file >/dev/null
fi
mvn -q -B test-compile -Denforcer.skip=true >/dev/null
exec java -Xss8m -Dorg.slf4j.simpleLogger.defaultLogLevel=off \
  -cp "target/test-classes:target/classes:$(cat $cp_file)" ibcheck.bench.CrosscheckBench "${1:-theorems}" "${2:-5}" "${3:-10}"
