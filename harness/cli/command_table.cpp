#include "harness/cli/command_table.hpp"

#include <vector>

namespace rb::cli {

std::span<const CommandRow> command_table()
{
  static const std::vector<CommandRow> k_rows{
      {"run", "evaluate models on suites: generate, grade, store, summarise (resumable)",
       "reasonbench run examples/quickstart/config.toml --run my-run   (again with --resume after a crash)",
       setup_run},
      {"grade", "grade generations from a JSONL file, or the samples stored in a database again",
       "reasonbench grade --suite gen:arith?n=50 --in generations.jsonl --out verdicts.jsonl", setup_grade},
      {"report", "write a report (HTML, Markdown, CSV, JSON) from a database alone",
       "reasonbench report --db quickstart/results.db --out report.html", setup_report},
      {"compare", "compare a candidate run with a base run; exit 1 on a significant regression (CI gate)",
       "reasonbench compare --db results.db --base ckpt-100 --candidate ckpt-200 --max-drop 0.02", setup_compare},
      {"serve-sim", "serve simulated models over an OpenAI-compatible HTTP API (demos, dry runs, tests)",
       "reasonbench serve-sim --port 8377 --scenario examples/sim/faults.toml", setup_serve_sim},
      {"sandbox", "run one program in the code sandbox and print what happened as JSON",
       "reasonbench sandbox run --lang python prog.py --stdin input.txt --timeout-ms 2000", setup_sandbox},
      {"suites", "list the built-in suites and verifiers", "reasonbench suites", setup_suites},
      {"models", "list the model spec kinds and serve-sim's simulated models", "reasonbench models", setup_models},
  };
  return k_rows;
}

}  // namespace rb::cli
