#!/usr/bin/env bash
# The regression gate offline (docs/ci-gate.md): serve-sim plays three checkpoints of one model
# family, all SIMULATED. "accepted" is the base; "ckpt-noise" is the same model sampled with
# another seed (noise: exit 0); "ckpt-worse" is a weaker model (a regression: exit 1).
#   examples/gate/demo.sh [BUILD_DIR]      (default: build)
# Writes BUILD_DIR/gate-demo/results.db, compare-*.md (the blocks) and report.html.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
rb="$build/reasonbench"
out="$build/gate-demo"
mkdir -p "$out"
rm -f "$out"/results.db "$out"/results.db-wal "$out"/results.db-shm

"$rb" serve-sim --port 0 >"$out/serve-sim.log" 2>&1 &
sim_pid=$!
trap 'kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true' EXIT
port=""
for _ in $(seq 1 100); do
  port=$(sed -n 's|^serve-sim: listening on http://127.0.0.1:\([0-9]*\)/v1.*|\1|p' "$out/serve-sim.log")
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "demo: serve-sim did not start" >&2; exit 1; }
export REASONBENCH_SIM_URL="http://127.0.0.1:$port/v1"

config=examples/gate/config.toml
"$rb" run "$config" --db "$out/results.db" --run accepted --model sim:r1-like >/dev/null
"$rb" run "$config" --db "$out/results.db" --run ckpt-noise --model sim:r1-like --seed 2 >/dev/null
"$rb" run "$config" --db "$out/results.db" --run ckpt-worse --model sim:distill-7b-like >/dev/null

for candidate in ckpt-noise ckpt-worse; do
  set +e
  "$rb" compare --db "$out/results.db" --base accepted --candidate "$candidate" --max-drop 0.02 \
    >"$out/compare-$candidate.md"
  status=$?
  set -e
  echo "compare accepted -> $candidate: exit $status ($out/compare-$candidate.md)"
done
"$rb" report --db "$out/results.db" --out "$out/report.html"
