#include <fmt/format.h>

#include "reports/render.hpp"

namespace rb::reports {

namespace {

std::string percent(double x) { return fmt::format("{:.1f}%", 100.0 * x); }

std::string money(double usd)
{
  if (usd == 0) {
    return "-";
  }
  return usd >= 1 ? fmt::format("{:.2f}", usd) : fmt::format("{:.4f}", usd);
}

std::string escape_cell(const std::string& text)
{
  std::string out;
  for (const char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string to_markdown(const std::vector<RunSummary>& runs)
{
  std::string out;
  for (const auto& summary : runs) {
    const auto& run = summary.run;
    out += fmt::format("## Run `{}` ({})\n\n", run.name, run.status);
    out += fmt::format("reasonbench {} (git {}), started {}{}\n\n", run.harness_version, run.git_revision,
                       run.started_at, run.ended_at.empty() ? "" : ", ended " + run.ended_at);
    bool simulated = false;
    for (const auto& row : summary.rows) {
      simulated = simulated || row.simulated;
    }
    if (simulated) {
      out += "> Models marked SIMULATED are served by `reasonbench serve-sim`: their answers, tokens, "
             "latencies and prices are simulated, not measured on a real model.\n\n";
    }
    if (summary.rows.empty()) {
      out += "No samples stored yet.\n\n";
      continue;
    }
    out += "| model | suite | problems | samples | accuracy | 95% CI | correct | incorrect | no answer | "
           "truncated | errors | output tok/sample | reasoning tok/sample | cost $ | $/correct | "
           "latency p50 ms | latency p99 ms |\n";
    out += "|---|---|--:|--:|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n";
    for (const auto& r : summary.rows) {
      out += fmt::format("| {} | {} | {} | {} | {} | {}–{} | {} | {} | {} | {} | {} | {:.0f} | {:.0f} | {} | {} | {:.0f} | {:.0f} |\n",
                         escape_cell(r.model), escape_cell(r.suite), r.problems, r.samples, percent(r.accuracy.value),
                         percent(r.accuracy.ci95.low), percent(r.accuracy.ci95.high), r.correct, r.incorrect,
                         r.no_answer, r.truncated, r.errors, r.mean_output_tokens, r.mean_reasoning_tokens,
                         money(r.cost_usd), money(r.cost_per_correct_usd), r.e2e_p50_ms, r.e2e_p99_ms);
    }
    out += "\nAccuracy is avg@n (the mean over problems of each problem's share of correct samples); the "
           "interval is Wilson's for one sample per problem, else from the problem-level standard error. "
           "Errors and truncated answers count as not correct.\n";
    std::int64_t ungraded = 0;
    std::int64_t cached = 0;
    std::int64_t estimated = 0;
    for (const auto& r : summary.rows) {
      ungraded += r.ungraded;
      cached += r.from_cache;
      estimated += r.tokens_estimated;
    }
    if (ungraded > 0) {
      out += fmt::format("Samples not graded yet: {} (resume the run or `reasonbench grade --db`).\n", ungraded);
    }
    if (cached > 0) {
      out += fmt::format("Samples served from the response cache: {} (not paid again by this run; their cost is "
                         "included above).\n", cached);
    }
    if (estimated > 0) {
      out += fmt::format("Samples with estimated token counts (the server did not report usage): {}.\n", estimated);
    }
    out += "\n";
  }
  return out;
}

}  // namespace rb::reports
