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
  std::size_t browser_samples = reports::k_default_browser_samples;
};

/// Most samples the HTML browser may show: each is up to ~16 KB of page (docs/reports.md).
constexpr std::size_t k_max_browser_samples = 100000;

int report_command(const ReportFlags& flags)
{
  if (!std::filesystem::exists(flags.db)) {
    throw ConfigError("--db: no database at '" + flags.db + "'");
  }
  if (flags.browser_samples > k_max_browser_samples) {
    throw ConfigError("--browser-samples " + std::to_string(flags.browser_samples) + ": at most " +
                      std::to_string(k_max_browser_samples) + " (each sample adds up to ~16 KB to the page)");
  }
  store::Store store(flags.db);
  reports::SummaryOptions options;
  options.browser_samples = flags.browser_samples;
  const auto summaries = reports::summarize(store, flags.runs, options);
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
  sub.add_option("--browser-samples", flags->browser_samples,
                 "samples the HTML page's browser shows, over all runs (default 1000; 0: none)");
  return [flags] { return report_command(*flags); };
}

}  // namespace rb::cli
