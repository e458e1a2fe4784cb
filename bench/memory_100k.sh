#!/usr/bin/env bash
# Memory stays flat: a 100,000-sample `reasonbench run` against serve-sim (instant answers,
# examples/sim/bench.toml), sampling the run's resident memory (VmRSS) every second and reporting
# its peak (/usr/bin/time %M). Target (issue 6): under 200 MB.
#   bench/memory_100k.sh [BUILD_DIR=build] [MODEL=o1-like] [STREAM=true] [CONCURRENCY=256]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
model=${2:-o1-like}
stream=${3:-true}
concurrency=${4:-256}
bin=$build/reasonbench
[ -x "$bin" ] || { echo "build first: cmake --build $build --target reasonbench" >&2; exit 1; }

work=$(mktemp -d)
trap 'kill "$sim_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
"$bin" serve-sim --port 0 --scenario examples/sim/bench.toml >"$work/sim.out" 2>"$work/sim.err" &
sim_pid=$!
for _ in $(seq 1 100); do
  port=$(sed -n 's|^serve-sim: listening on http://127.0.0.1:\([0-9]*\)/v1.*|\1|p' "$work/sim.out")
  [ -n "$port" ] && break
  sleep 0.05
done
cat >"$work/run.toml" <<TOML
[run]
name = "memory"
db = "$work/memory.db"
samples = 5
concurrency = $concurrency
[[suite]]
name = "gen:arith?n=20000&seed=1"
[[model]]
spec = "sim:http://127.0.0.1:$port/v1#$model"
label = "$model (SIMULATED)"
stream = $stream
TOML

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores; $(date -u +%Y-%m-%d); load $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
/usr/bin/time -f "%M %U %S" -o "$work/time" "$bin" run "$work/run.toml" >/dev/null 2>"$work/run.err" &
time_pid=$!
sleep 0.5
run_pid=$(pgrep -P "$time_pid" | head -1)
samples=()
while kill -0 "$time_pid" 2>/dev/null; do
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$run_pid/status" 2>/dev/null || true)
  [ -n "$rss" ] && samples+=("$rss")
  sleep 1
done
wait "$time_pid"
end=$(date +%s.%N)
read -r peak_kb user sys <"$work/time"
stored=$(sqlite3 "$work/memory.db" "SELECT count(*) FROM samples WHERE error = ''")
n=${#samples[@]}
pick() { echo "${samples[$(( ($1 * (n - 1)) / 100 ))]}"; }
awk -v p="$peak_kb" -v s="$start" -v e="$end" -v n="$stored" -v m="$model" -v st="$stream" -v c="$concurrency" \
  -v a="$(pick 10)" -v b="$(pick 50)" -v d="$(pick 90)" -v u="$user" -v y="$sys" \
  'BEGIN { printf "model=%s stream=%s concurrency=%d samples_stored=%d wall_s=%.0f cpu_s=%.0f rss_mb_at_10%%=%.0f at_50%%=%.0f at_90%%=%.0f peak_rss_mb=%.0f\n", m, st, c, n, e - s, u + y, a / 1024, b / 1024, d / 1024, p / 1024 }'
