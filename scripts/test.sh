#!/usr/bin/env bash
# Installs missing Debian packages, builds everything, and runs every test through CTest.
# Extra arguments go to ctest (e.g. scripts/test.sh -L unit, scripts/test.sh -R store).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs" "$@"
