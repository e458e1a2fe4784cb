#!/usr/bin/env bash
# Harness CPU per request, streaming and not, at concurrency 1, 64 and 512, against serve-sim
# (examples/sim/bench.toml: instant answers, so the figure is the client's own cost), for
# reasonbench's HttpAdapter (bench/adapter_cpu_bench.cpp) and, measured in the same invocation,
# for a Python asyncio + aiohttp client doing the same work (bench/aiohttp_client.py). Each
# client is its own process; CPU is that process's user+sys time. serve-sim runs beside them.
#   bench/adapter_cpu.sh [BUILD_DIR=build] [REQUESTS=2000] [MODEL=r1-like] [SCENARIO=examples/sim/bench.toml]
# STREAMS="1 0" and CONCURRENCY="1 64 512" (environment) choose the rows. Paced streams, as a real
# engine sends them (one wake-up per chunk):
#   STREAMS=1 CONCURRENCY="64 512" bench/adapter_cpu.sh build 1024 r1-like examples/sim/bench_paced.toml
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
requests=${2:-2000}
model=${3:-r1-like}
scenario=${4:-examples/sim/bench.toml}
bin=$build/reasonbench
driver=$build/bench/adapter_cpu_bench
floor=$build/bench/curl_floor_bench
for f in "$bin" "$driver" "$floor"; do
  [ -x "$f" ] || { echo "build first: cmake --build $build --target reasonbench adapter_cpu_bench curl_floor_bench" >&2; exit 1; }
done
/usr/bin/python3 -c 'import aiohttp' 2>/dev/null || { echo "install python3-aiohttp (scripts/deps.sh)" >&2; exit 1; }

work=$(mktemp -d)
trap 'kill "$sim_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
ulimit -n 8192 2>/dev/null || true
"$bin" serve-sim --port 0 --scenario "$scenario" >"$work/sim.out" 2>"$work/sim.err" &
sim_pid=$!
for _ in $(seq 1 100); do
  port=$(sed -n 's|^serve-sim: listening on http://127.0.0.1:\([0-9]*\)/v1.*|\1|p' "$work/sim.out")
  [ -n "$port" ] && break
  sleep 0.05
done
url="http://127.0.0.1:$port/v1"

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores; $(date -u +%Y-%m-%d); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "model=$model requests=$requests scenario=$scenario"
for stream in ${STREAMS:-1 0}; do
  for concurrency in ${CONCURRENCY:-1 64 512}; do
    cpp=$("$driver" "$url" "$model" "$requests" "$concurrency" "$stream")
    py=$(/usr/bin/python3 bench/aiohttp_client.py "$url" "$model" "$requests" "$concurrency" "$stream")
    echo "$cpp"
    echo "$py"
    awk -v a="$cpp" -v b="$py" -v s="$stream" -v c="$concurrency" 'BEGIN {
      match(a, /cpu_ms_per_request=[0-9.]+/); x = substr(a, RSTART + 19, RLENGTH - 19);
      match(b, /cpu_ms_per_request=[0-9.]+/); y = substr(b, RSTART + 19, RLENGTH - 19);
      printf "ratio stream=%s concurrency=%s python/cpp cpu per request = %.1fx\n", s, c, y / x }' || true
    if [ "$stream" = 0 ]; then
      bare=$("$floor" "$url" "$model" "$requests" "$concurrency")
      echo "$bare"
      awk -v a="$bare" -v b="$py" -v c="$concurrency" 'BEGIN {
        match(a, /cpu_ms_per_request=[0-9.]+/); x = substr(a, RSTART + 19, RLENGTH - 19);
        match(b, /cpu_ms_per_request=[0-9.]+/); y = substr(b, RSTART + 19, RLENGTH - 19);
        printf "ratio stream=0 concurrency=%s python/curl-floor cpu per request = %.1fx\n", c, y / x }' || true
    fi
  done
done
