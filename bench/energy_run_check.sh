#!/usr/bin/env bash
# A whole reasonbench run metered on a real GPU (issue 8): serve-sim answers a run whose [energy]
# meters the GPU with NVML, while a bf16 matmul load (PyTorch) keeps the GPU busy; nvidia-smi
# logs power.draw every 100 ms; window_compare.py compares the stored run window's energy with
# it and shows the attribution. `pack` (here) copies the stripped binary and its shared
# libraries (all but glibc's) into .gpu/ (ignored); `run OUT` runs on the GPU machine.
#   bench/energy_run_check.sh pack BUILD_DIR
#   bench/energy_run_check.sh run OUT_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  pack)
    build=${2:?build folder}
    rm -rf .gpu && mkdir -p .gpu/lib
    strip -o .gpu/reasonbench "$build/reasonbench"
    ldd "$build/reasonbench" | awk '$3 ~ /^\// {print $3}' | grep -v -E '/(libc|libm|libpthread|libdl|librt|ld-linux[^/]*)\.so' |
      xargs -I{} cp -L {} .gpu/lib/
    du -sh .gpu ;;
  run)
    out=${2:?output folder}
    mkdir -p "$out"
    export LD_LIBRARY_PATH="$PWD/.gpu/lib"
    cat > "$out/scenario.toml" <<'TOML'
seed = 3
chunk_tokens = 4
[[model]]
name = "r1-like"
accuracy = 0.7
reasoning = "think_tags"
reasoning_tokens_mean = 400
reasoning_tokens_sd = 50
answer_tokens_mean = 20
ttft_ms = 150
tokens_per_s = 60
TOML
    cat > "$out/gpu.toml" <<'TOML'
[run]
name = "gpu"
samples = 4
concurrency = 8
[[suite]]
name = "gen:arith?n=6&seed=3"
[[model]]
spec = "sim:r1-like"
label = "local (SIMULATED)"
usd_per_gpu_hour = 3.0
usd_per_kwh = 0.15
[slo]
ttft_ms = 1000
tpot_ms = 25
[energy]
gpus = "all"
rapl = true
pue = 1.2
grid_gco2_per_kwh = 350
TOML
    nvidia-smi --query-gpu=name,driver_version,power.limit --format=csv > "$out/gpu.txt"
    nvidia-smi --query-gpu=timestamp,power.draw --format=csv,noheader,nounits -lms 100 > "$out/smi.csv" &
    smi=$!
    .gpu/reasonbench serve-sim --port 0 --scenario "$out/scenario.toml" > "$out/sim.log" 2>&1 &
    sim=$!
    port=""
    for _ in $(seq 50); do
      port=$(sed -n 's|^serve-sim: listening on http://127.0.0.1:\([0-9]*\)/v1.*|\1|p' "$out/sim.log")
      [ -n "$port" ] && break
      sleep 0.1
    done
    python3 bench/energy/matmul_load.py 25 > "$out/load.txt" &
    load=$!
    sleep 3
    REASONBENCH_SIM_URL="http://127.0.0.1:$port/v1" .gpu/reasonbench run "$out/gpu.toml" --db "$out/gpu.db" \
      > "$out/run.txt" 2>&1 || { cat "$out/run.txt"; exit 1; }
    wait "$load"
    sleep 1
    kill "$smi" "$sim"
    .gpu/reasonbench report --db "$out/gpu.db" --out "$out/report.md"
    .gpu/reasonbench report --db "$out/gpu.db" --out "$out/report.json"
    python3 bench/energy/window_compare.py "$out/gpu.db" "$out/smi.csv" | tee "$out/compare.txt"
    sed -n '/### Latency, throughput and energy/,$p' "$out/report.md" ;;
  *) echo "usage: $0 pack BUILD_DIR | run OUT_DIR" >&2; exit 2 ;;
esac
