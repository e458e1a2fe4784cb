#!/usr/bin/env bash
# End-to-end throughput: `reasonbench run` against serve-sim with instant answers
# (examples/sim/instant.toml), so the figure is the harness's own cost: request building, HTTP,
# SSE parsing, grading, SQLite writes. Prints samples/s and harness CPU ms per sample for
# streaming and non-streaming requests, side by side in one invocation.
#   bench/e2e_serve_sim.sh [ITEMS=4000] [CONCURRENCY=64]
set -euo pipefail
cd "$(dirname "$0")/.."
items=${1:-4000}
concurrency=${2:-64}
bin=build/reasonbench
[ -x "$bin" ] || { echo "build first: cmake --build build --target reasonbench" >&2; exit 1; }

work=$(mktemp -d)
trap 'kill "$sim_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
"$bin" serve-sim --port 0 --scenario examples/sim/instant.toml >"$work/sim.out" 2>"$work/sim.err" &
sim_pid=$!
for _ in $(seq 1 100); do
  port=$(sed -n 's|^serve-sim: listening on http://127.0.0.1:\([0-9]*\)/v1.*|\1|p' "$work/sim.out")
  [ -n "$port" ] && break
  sleep 0.05
done
url="http://127.0.0.1:$port/v1"

measure() {  # $1 = stream true|false, $2 = model
  local name="bench-$1-$2"
  cat >"$work/$name.toml" <<TOML
[run]
name = "$name"
db = "$work/$name.db"
concurrency = $concurrency
cache = false
[[suite]]
name = "gen:arith?n=$items&seed=1"
[[model]]
spec = "sim:$url#$2"
label = "$2 (SIMULATED)"
stream = $1
TOML
  local start end
  start=$(date +%s.%N)
  # bash's `times` would include serve-sim; measure the child alone with /proc accounting via time -f.
  /usr/bin/time -f "%U %S" -o "$work/$name.cpu" "$bin" run "$work/$name.toml" >/dev/null 2>"$work/$name.err"
  end=$(date +%s.%N)
  read -r user sys <"$work/$name.cpu"
  awk -v n="$items" -v s="$start" -v e="$end" -v u="$user" -v y="$sys" -v st="$1" -v m="$2" -v c="$concurrency" \
    'BEGIN { w = e - s; printf "model=%-16s stream=%-5s concurrency=%d items=%d wall_s=%.2f samples_per_s=%.0f harness_cpu_ms_per_sample=%.3f\n", m, st, c, n, w, n / w, 1000 * (u + y) / n }'
}

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores; $(date -u +%Y-%m-%d)"
for model in r1-like o1-like; do
  measure true "$model"
  measure false "$model"
done
