#!/usr/bin/env bash
# The quickstart: installs missing Debian packages, builds reasonbench, starts serve-sim (three
# SIMULATED models over real HTTP on loopback) and evaluates them offline on a seeded arithmetic
# suite. Writes quickstart/results.db and quickstart/report.{md,json,html}; prints a summary table.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs" --target reasonbench

mkdir -p quickstart
rm -f quickstart/results.db quickstart/results.db-wal quickstart/results.db-shm  # the demo starts afresh

build/reasonbench serve-sim --port 0 >quickstart/serve-sim.log 2>&1 &
sim_pid=$!
trap 'kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true' EXIT

port=""
for _ in $(seq 1 100); do
  port=$(sed -n 's|^serve-sim: listening on http://127.0.0.1:\([0-9]*\)/v1.*|\1|p' quickstart/serve-sim.log)
  [ -n "$port" ] && break
  kill -0 "$sim_pid" 2>/dev/null || { cat quickstart/serve-sim.log >&2; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "quickstart: serve-sim did not start" >&2; exit 1; }
echo "quickstart: serve-sim (SIMULATED models) on port $port" >&2

export REASONBENCH_SIM_URL="http://127.0.0.1:$port/v1"
build/reasonbench run examples/quickstart/config.toml
build/reasonbench report --db quickstart/results.db --out quickstart/report.json
build/reasonbench report --db quickstart/results.db --out quickstart/report.html
echo "quickstart: wrote quickstart/results.db, quickstart/report.md, quickstart/report.json and quickstart/report.html (open it in any browser; it needs no network)" >&2
