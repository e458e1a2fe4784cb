#!/usr/bin/env bash
# Whole-suite grading time for code (issue 4's target: HumanEval, 164 problems, one sample each,
# in under 10 s on 2 cores). Grades the canonical solutions with `reasonbench grade` twice:
# cold (an empty cache: the trusted pre-pass splits every problem's tests first) and warm (the
# splits cached on disk, as in every later grading of the suite). Also MBPP sanitized (427).
#   bench/code_grade_humaneval.sh [BUILD_DIR=build]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build}/reasonbench
data=${REASONBENCH_DATA:-../shared/data}
[ -x "$bin" ] || { echo "build first: cmake --build ${1:-build} --target reasonbench" >&2; exit 1; }
[ -d "$data/humaneval" ] || { echo "no datasets in $data (set REASONBENCH_DATA)" >&2; exit 1; }
export REASONBENCH_DATA=$data

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export REASONBENCH_CACHE=$work/cache

python3 - "$data" "$work" <<'PY'
import gzip, json, sys
data, work = sys.argv[1], sys.argv[2]
with gzip.open(f"{data}/humaneval/HumanEval.jsonl.gz", "rt") as f, open(f"{work}/humaneval.jsonl", "w") as out:
    for line in f:
        r = json.loads(line)
        code = r["prompt"] + r["canonical_solution"]
        out.write(json.dumps({"problem_id": r["task_id"], "response": "```python\n" + code + "\n```"}) + "\n")
with open(f"{data}/mbpp/sanitized-mbpp.json") as f, open(f"{work}/mbpp.jsonl", "w") as out:
    for r in json.load(f):
        out.write(json.dumps({"problem_id": "Mbpp/%d" % r["task_id"], "response": "```python\n" + r["code"] + "\n```"}) + "\n")
PY

grade() {  # $1 suite, $2 generations, $3 label
  local start end correct
  start=$(date +%s.%N)
  "$bin" grade --suite "$1" --in "$2" --out "$work/verdicts.jsonl" >/dev/null
  end=$(date +%s.%N)
  correct=$(grep -c '"correct":true' "$work/verdicts.jsonl" || true)
  printf '%-10s %-5s %6.2f s  %s/%s correct\n' "$1" "$3" "$(echo "$end - $start" | bc)" "$correct" "$(wc -l <"$2")"
}
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), cores: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)"
grade humaneval "$work/humaneval.jsonl" cold
grade humaneval "$work/humaneval.jsonl" warm
grade mbpp "$work/mbpp.jsonl" cold
grade mbpp "$work/mbpp.jsonl" warm
