#!/usr/bin/env bash
# A report from a database of 1,000,000 samples (issue 9: under 10 s, HTML under 20 MB), through
# the real `reasonbench report` command, for every format; then the same HTML report again after
# evicting the database from the page cache (posix_fadvise DONTNEED on that file only), and the
# Google Benchmark figures of bench/report_bench.cpp. Figures: bench/RESULTS.md.
#   bench/report_1m.sh [BUILD_DIR] [DB]      (defaults: build, /tmp/rb-report-1m.db)
# Builds the database first when it is missing (~3.4 GB, about a minute).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
db=${2:-/tmp/rb-report-1m.db}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

if [ ! -f "$db" ]; then
  "$build/bench/report_bench" --make-db "$db"
fi
echo "database: $db ($(du -h "$db" | cut -f1)), $(sqlite3 -readonly "$db" 'SELECT count(*) FROM samples') samples"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

for ext in html md csv json; do
  /usr/bin/time -f "report .$ext: %e s wall, %U s user, %S s sys, %M KB max RSS" \
    "$build/reasonbench" report --db "$db" --out "$out/report.$ext" 2>&1 | grep -v "report written"
  echo "  size: $(stat -c %s "$out/report.$ext") bytes"
done

python3 - "$db" <<'PY'
import os, sys
fd = os.open(sys.argv[1], os.O_RDONLY)
os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
os.close(fd)
PY
/usr/bin/time -f "report .html, database evicted from the page cache: %e s wall, %U s user, %S s sys" \
  "$build/reasonbench" report --db "$db" --out "$out/report.html" 2>&1 | grep -v "report written"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

RB_REPORT_DB="$db" "$build/bench/report_bench" --benchmark_counters_tabular=true
