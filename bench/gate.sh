#!/usr/bin/env bash
# Benchmark of the gate (not a test): cold `mvn verify` wall time of the gate alone, then each
# theorem's checking time in a cold and in a warm JVM (the CLI's --repeat). Rerun any time:
#   bench/gate.sh [theorem files or folders...]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp compile -Denforcer.skip=true >/dev/null
echo "== cold mvn verify (gate only, Maven repository already downloaded)"
start=$(date +%s.%N)
mvn -q -B -ntp verify -Dibcheck.skipEngineTests=true >/tmp/ibcheck-bench-verify.log 2>&1 || { tail -20 /tmp/ibcheck-bench-verify.log; exit 1; }
end=$(date +%s.%N)
printf 'cold mvn verify: %.1f s wall\n' "$(echo "$end - $start" | bc)"
echo "== checking time per theorem (CLI, same JVM, 3 rounds)"
./ibcheck --repeat 3 "${@:-theorems}" 2>/dev/null
