// `reasonbench report`: a report built from the store alone.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "harness/cli/command_table.hpp"
#include "harness/core/error.hpp"
#include "reports/render.hpp"

namespace rb::cli {

namespace {
struct ReportFlags {
  std::string db;
  std::vector<std::string> runs;
  std::string out;
};

int report_command(const ReportFlags& flags)
{
  if (!std::filesystem::exists(flags.db)) {
    throw ConfigError("--db: no database at '" + flags.db + "'");
  }
  store::Store store(flags.db);
  const auto summaries = reports::summarize(store, flags.runs);
  if (flags.out.empty() || flags.out == "-") {
    std::fputs(reports::to_markdown(summaries).c_str(), stdout);
    return 0;
  }
  reports::write_report(summaries, flags.out);
  std::fprintf(stderr, "reasonbench: report written to '%s'\n", flags.out.c_str());
  return 0;
}
}  // namespace

std::function<int()> setup_report(CLI::App& sub)
{
  auto flags = std::make_shared<ReportFlags>();
  sub.add_option("--db", flags->db, "SQLite database written by 'reasonbench run'")->required();
  sub.add_option("--run", flags->runs, "run to include (repeatable; default: every run)");
  sub.add_option("--out", flags->out, "output file: .html, .md, .csv or .json (default: Markdown on stdout)");
  return [flags] { return report_command(*flags); };
}

}  // namespace rb::cli
