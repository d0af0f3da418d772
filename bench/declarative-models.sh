#!/usr/bin/env bash
# Benchmark of a model declared in a theorem file against its Java class (not a timed test): median
# wall time of the diagonal network's gradient flow over the q-alpha sweep, Java vs declared, in one
# warm JVM (the target: declared within 3x).
# Usage: bench/declarative-models.sh [WARMUP] [RUNS]      (defaults: 5 15)
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=target/classpath.txt
if [[ ! -f $cp_file || pom.xml -nt $cp_file ]]; then
  mvn -q -B dependency:build-classpath -Dmdep.outputFile=$cp_file >/dev/null
fi
mvn -q -B test-compile -Denforcer.skip=true >/dev/null
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=off \
  -cp "target/test-classes:target/classes:$(cat $cp_file)" ibcheck.bench.DeclarativeModelBench "${1:-5}" "${2:-15}"
