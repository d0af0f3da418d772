#!/usr/bin/env bash
# Benchmark (not a test) of what the prover layer costs: the cold gate on the shipped theorems,
# `./ibcheck theorems/` with its default threads, at HEAD and at the commit before the layer, run
# alternately so that both see the same machine. Prints each run's wall and CPU time and the
# proved-step count, then the medians. With `same`, HEAD checks only the theorems the baseline has
# (theorems added since are work the layer did not add). Rerun any time on a quiet machine:
#   bench/prover-cost.sh [rounds] [baseline-commit] [same]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
baseline=${2:-cd170cd^}
same=${3:-}
base_dir=$(mktemp -d /tmp/ibcheck-baseline.XXXXXX)
trap 'git worktree remove --force "$base_dir" >/dev/null 2>&1 || true' EXIT
git worktree add -q --detach "$base_dir" "$baseline"
for dir in . "$base_dir"; do
  (cd "$dir" && ./ibcheck --help >/dev/null 2>&1) # builds the classes and the classpath once
done
only=()
if [[ $same == same ]]; then
  only=(--only "$(grep -h '^id:' "$base_dir"/theorems/*.yaml | awk '{print $2}' | paste -sd,)")
fi
heads=()
bases=()
run() { # label folder [gate options] -> prints "label wall cpu proved", sets $wall
  local out; out=$(mktemp)
  /usr/bin/time -f "%e %U %S" -o "$out.time" bash -c "cd '$2' && ./ibcheck theorems/ --reports '$out.reports' \"\$@\"" _ "${@:3}" >"$out" 2>&1 || true
  local user sys
  read -r wall user sys <"$out.time"
  printf '%-9s %6.1f s wall %6.1f s cpu  %s\n' "$1" "$wall" "$(echo "$user + $sys" | bc)" \
    "$(grep -o '[0-9]* of [0-9]* symbolic steps proved' "$out" || echo '?')"
  rm -rf "$out" "$out.time" "$out.reports"
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 1; i <= rounds; i++)); do
  run head . ${only[@]+"${only[@]}"} && heads+=("$wall")
  run baseline "$base_dir" && bases+=("$wall")
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
h=$(median "${heads[@]}")
b=$(median "${bases[@]}")
printf 'median wall: head %s s, baseline %s s, growth %+.0f %%\n' "$h" "$b" "$(echo "($h / $b - 1) * 100" | bc -l)"
