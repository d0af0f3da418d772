#!/usr/bin/env bash
# Regenerates src/test/resources/golden/verdicts.tsv (the verdicts TheoremGateVerdictsIT expects) from
# two gate runs on the shipped theorems with the default seed; what differs between the runs is
# recorded as such (see ibcheck.gate.GoldenVerdicts). Usage: .ci/golden-verdicts.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs=$(mktemp -d)
trap 'rm -rf "$runs"' EXIT
for r in a b; do
  ./ibcheck theorems/ --reports "$runs/$r" >/dev/null || true # the golden file records failures too
done
bench/run-java.sh ibcheck.gate.GoldenVerdicts src/test/resources/golden/verdicts.tsv "$runs/a/summary.json" "$runs/b/summary.json"
