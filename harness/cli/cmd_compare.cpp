// `reasonbench compare`: the regression gate. Compares a candidate run with a base run on the
// problems both answered and prints a Markdown block; exit 1 when a suite dropped by more than
// --max-drop and the drop is significant at --alpha, 0 otherwise, 2 on usage or data errors.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "harness/cli/command_table.hpp"
#include "harness/core/error.hpp"
#include "reports/compare.hpp"

namespace rb::cli {

namespace {
struct CompareFlags {
  std::string db;
  std::string base;
  std::string candidate;
  double max_drop = reports::k_default_max_drop;
  double alpha = reports::k_default_alpha;
};

int compare_command(const CompareFlags& flags)
{
  if (!(flags.max_drop >= 0 && flags.max_drop <= 1)) {
    throw ConfigError(
        fmt::format("--max-drop {}: a fraction of accuracy in [0, 1] (0.02 = 2 points)", flags.max_drop));
  }
  if (!(flags.alpha > 0 && flags.alpha < 1)) {
    throw ConfigError(fmt::format("--alpha {}: a significance level in (0, 1), e.g. 0.05", flags.alpha));
  }
  if (!std::filesystem::exists(flags.db)) {
    throw ConfigError("--db: no database at '" + flags.db + "'");
  }
  store::Store store(flags.db);
  reports::CompareOptions options;
  options.max_drop = flags.max_drop;
  options.alpha = flags.alpha;
  const auto comparison = reports::compare_runs(store, flags.base, flags.candidate, options);
  std::fputs(reports::compare_markdown(comparison).c_str(), stdout);
  std::fflush(stdout);
  return comparison.regression() ? 1 : 0;
}
}  // namespace

std::function<int()> setup_compare(CLI::App& sub)
{
  auto flags = std::make_shared<CompareFlags>();
  sub.add_option("--db", flags->db, "SQLite database holding both runs")->required();
  sub.add_option("--base", flags->base, "the accepted run (e.g. the last released checkpoint)")->required();
  sub.add_option("--candidate", flags->candidate, "the run to check against it")->required();
  sub.add_option("--max-drop", flags->max_drop,
                 "largest tolerated drop in accuracy, as a fraction (default 0: any significant drop fails)");
  sub.add_option("--alpha", flags->alpha, "significance level of the paired test (default 0.05)");
  return [flags] { return compare_command(*flags); };
}

}  // namespace rb::cli
