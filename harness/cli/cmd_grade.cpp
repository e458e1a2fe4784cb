// `reasonbench grade`: grades generations without calling a model. Two forms:
//   --suite S [--data F] --in G.jsonl [--out V.jsonl]   generations from a file (DESIGN.md format)
//   --db PATH [--run NAME]... [--rewards R --out F]      stored samples, again, with today's verifiers
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>

#include "harness/cli/command_table.hpp"
#include "harness/cli/grade_db.hpp"
#include "harness/cli/grade_file.hpp"
#include "harness/core/error.hpp"

namespace rb::cli {

namespace {
int grade_command(const GradeFlags& flags)
{
  if (!flags.db.empty()) {
    if (!flags.out.empty() && !flags.rewards) {
      throw ConfigError("--out: with --db, verdicts go back into the database; --out takes the lines of --rewards");
    }
    if (!flags.in.empty() || !flags.suite.empty()) {
      throw ConfigError("grade: use either --db (stored samples) or --suite with --in (a file), not both");
    }
    return grade_database(flags);
  }
  if (flags.suite.empty() || flags.in.empty()) {
    throw ConfigError("grade: pass --suite NAME and --in GENERATIONS.jsonl (or --db PATH to grade stored samples)");
  }
  return grade_file(flags);
}
}  // namespace

std::function<int()> setup_grade(CLI::App& sub)
{
  auto flags = std::make_shared<GradeFlags>();
  sub.add_option("--suite", flags->suite, "suite whose problems the generations answer");
  sub.add_option("--data", flags->data, "the suite's dataset file, when not the default");
  sub.add_option("--in", flags->in, "generations, one JSON object per line: "
                                    "{\"problem_id\", \"response\", \"reasoning\"?, \"sample\"?, \"finish_reason\"?}");
  sub.add_option("--out", flags->out, "verdicts as JSON lines (default: stdout); with --db: the --rewards lines");
  sub.add_option("--db", flags->db, "grade the samples stored in this database again");
  sub.add_option("--run", flags->runs, "with --db: only this run (repeatable)");
  sub.add_option("--rewards", flags->rewards,
                 "add rule-based rewards to each line, e.g. accuracy,format,language (docs/behaviour.md); "
                 "with --db: one line per stored sample");
  return [flags] { return grade_command(*flags); };
}

}  // namespace rb::cli
