#!/usr/bin/env bash
# Installs the Debian packages reasonbench needs to build and test, and only those missing.
# Runs apt-get only when something is missing, so a second call costs nothing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  nlohmann-json3-dev libboost-dev libboost-filesystem-dev libcurl4-openssl-dev
  libsqlite3-dev sqlite3 libbenchmark-dev catch2 libcli11-dev libtomlplusplus-dev libfmt-dev
  libseccomp-dev libgmp-dev libcpp-httplib-dev zlib1g-dev libssl-dev g++
  python3 curl procps time
  python3-sortedcontainers  # code suites: LeetCode's runtime has it (17 LeetCodeDataset problems import it)
  python3-aiohttp  # bench/adapter_cpu.sh only: the Python asyncio + aiohttp client it compares with
  chromium  # tests/browser only: headless Chromium loads the HTML report (skipped when absent)
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "deps.sh: installing ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
