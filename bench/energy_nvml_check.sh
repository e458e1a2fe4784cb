#!/usr/bin/env bash
# The NVML meter against nvidia-smi on a real GPU (issue 8's acceptance): builds
# bench/energy/nvml_probe (static libstdc++) here; on the GPU machine runs a 30 s bf16 matmul
# load (PyTorch) while the probe samples reasonbench's meter and nvidia-smi logs power.draw
# every 100 ms; compare.py integrates both over the load window.
#   bench/energy_nvml_check.sh build            # on the development machine
#   bench/energy_nvml_check.sh run OUT_DIR      # on the GPU machine (needs nvidia-smi, torch)
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  build)
    mkdir -p build-energy
    g++ -std=c++23 -O2 -I. -static-libstdc++ -static-libgcc -o build-energy/nvml_probe \
      bench/energy/nvml_probe.cpp harness/meters/nvml_source.cpp harness/meters/energy_counter.cpp \
      harness/meters/energy_sampler.cpp -ldl -pthread
    echo "built build-energy/nvml_probe" ;;
  run)
    out=${2:?output folder}
    mkdir -p "$out"
    nvidia-smi --query-gpu=name,driver_version,power.limit --format=csv > "$out/gpu.txt"
    nvidia-smi --query-gpu=timestamp,power.draw --format=csv,noheader,nounits -lms 100 > "$out/smi.csv" &
    smi=$!
    build-energy/nvml_probe 45 "${INTERVAL_MS:-1000}" > "$out/probe.txt" &
    probe=$!
    sleep 5
    python3 bench/energy/matmul_load.py 30 > "$out/load.txt"
    wait "$probe"
    kill "$smi"
    python3 bench/energy/compare.py "$out/probe.txt" "$out/smi.csv" "$out/load.txt" | tee "$out/compare.txt"
    tail -1 "$out/probe.txt" ;;
  *) echo "usage: $0 build | run OUT_DIR" >&2; exit 2 ;;
esac
