#!/usr/bin/env bash
# Benchmark of the Jin-Montufar set (not a test): the three theorem files (zeta: steps, quadrature and
# Monte Carlo; the variational spline problem; the wide-ReLU width sweeps with the all-layers run)
# with their properties, in a cold JVM and then in warm rounds of the same JVM, plus the process CPU
# time of a 1-round and an N-round run ((N-round CPU - 1-round CPU) / (N - 1) estimates the CPU cost of
# one warm round, less sensitive to other load than wall time). The slowest claims of the last round
# follow (needs python3).
#   bench/zeta.sh [rounds] [threads]     (defaults 5 and 2: the three files checked two at a time, each on
#   its own Symja evaluator; jobs 1 checks them one after the other)
# A bigger sweep: edit 'widths:' and 'seeds:' of the cross-checks in theorems/jin2023-wide-relu.yaml
# (e.g. widths up to 102400 and seeds 1-10: about 10 s a round).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
jobs=${2:-2}
only=jin2023-zeta,jin2023-variational-spline,jin2023-wide-relu
reports=/tmp/ibcheck-bench-zeta
uptime
for r in 1 "$rounds"; do
  /usr/bin/time -f "repeat=$r jobs=$jobs user=%U s sys=%S s wall=%e s" ./ibcheck --repeat "$r" --threads "$jobs" --only "$only" --reports "$reports" theorems/ 2>&1 \
    | grep -E 'repeat=|round [0-9]+|^jin2023'
done
uptime
if command -v python3 >/dev/null; then
  python3 - "$reports/summary.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
claims = [(c['seconds'], t['id'], c['kind'], c['name']) for t in d['theorems'] for c in t['claims']]
by_kind = {}
for s, _, k, _ in claims:
    by_kind[k] = by_kind.get(k, 0) + s
print('last round, seconds by kind: ' + ', '.join(f'{k} {v:.2f}' for k, v in sorted(by_kind.items())))
for s, t, k, n in sorted(claims, reverse=True)[:8]:
    print(f'{s:6.3f} s  {t:28s} {k:10s} {n[:70]}')
PY
fi
