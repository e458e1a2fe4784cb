// The Markdown report (pull requests, READMEs, the end of `reasonbench run`): per run, an
// accuracy table, a cost table and a scaling table (pass@k and maj@k at every k scored).
#include <fmt/format.h>

#include "reports/format.hpp"
#include "reports/render.hpp"

namespace rb::reports {

namespace {

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

void accuracy_table(std::string& out, const RunSummary& summary)
{
  out +=
      "| model | suite | problems | samples | accuracy | 95% CI | pass@k, largest k | maj@k, largest k | "
      "correct | "
      "incorrect | no answer | truncated | errors |\n";
  out += "|---|---|--:|--:|--:|---|--:|--:|--:|--:|--:|--:|--:|\n";
  for (const auto& r : summary.rows) {
    out +=
        fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
                    escape_cell(r.model), escape_cell(r.suite), r.problems, r.samples,
                    percent(r.accuracy.value), percent_interval(r.accuracy.ci95), at_largest_k(r.pass_at_k),
                    at_largest_k(r.maj_at_k), r.correct, r.incorrect, r.no_answer, r.truncated, r.errors);
  }
}

void cost_table(std::string& out, const RunSummary& summary)
{
  out +=
      "| model | suite | output tok/sample | reasoning tok/sample | answer tok/sample | truncated | no "
      "answer | "
      "cost $ | $/correct | energy J | J/correct | latency p50 ms | latency p99 ms | output tok/s |\n";
  out += "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n";
  for (const auto& r : summary.rows) {
    const std::string estimated = r.tokens_estimated > 0 ? " (est.)" : "";
    out += fmt::format("| {} | {} | {}{} | {}{} | {}{} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
                       escape_cell(r.model), escape_cell(r.suite), tokens(r.mean_output_tokens), estimated,
                       tokens(r.mean_reasoning_tokens), estimated, tokens(r.mean_answer_tokens), estimated,
                       percent(r.truncation_rate), percent(r.no_answer_rate), money(r.cost_usd),
                       money(r.cost_per_correct_usd), k_not_measured, k_not_measured, millis(r.e2e_p50_ms),
                       millis(r.e2e_p99_ms), throughput(r.throughput_tokens_per_s));
  }
}

void scaling_table(std::string& out, const RunSummary& summary)
{
  out += "| model | suite | k | pass@k | 95% CI | maj@k | 95% CI | output tok/problem |\n";
  out += "|---|---|--:|--:|---|--:|---|--:|\n";
  for (const auto& r : summary.rows) {
    for (std::size_t i = 0; i < r.pass_at_k.size(); ++i) {
      const auto& p = r.pass_at_k[i];
      const bool maj = i < r.maj_at_k.size();
      out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", escape_cell(r.model),
                         escape_cell(r.suite), p.k, percent(p.estimate.value),
                         percent_interval(p.estimate.ci95), maj ? percent(r.maj_at_k[i].estimate.value) : "-",
                         maj ? percent_interval(r.maj_at_k[i].estimate.ci95) : "-",
                         tokens(p.tokens_per_problem));
    }
  }
}

void notes(std::string& out, const RunSummary& summary)
{
  out +=
      "\nAccuracy is avg@n (the mean over problems of each problem's share of correct samples); the "
      "interval is Wilson's for one sample per problem, else a problem-level bootstrap (2,000 resamples, "
      "seeded). pass@k is the unbiased estimator 1 - C(n-c,k)/C(n,k); maj@k is the majority vote of "
      "disjoint blocks of k samples (ties: fractional credit); k never exceeds the fewest samples of any "
      "problem. Errors and truncated answers count as not correct. Energy is not measured (no meter "
      "stored any).\n";
  std::int64_t ungraded = 0;
  std::int64_t cached = 0;
  std::int64_t estimated = 0;
  for (const auto& r : summary.rows) {
    ungraded += r.ungraded;
    cached += r.from_cache;
    estimated += r.tokens_estimated;
  }
  if (ungraded > 0) {
    out +=
        fmt::format("Samples not graded yet: {} (resume the run or `reasonbench grade --db`).\n", ungraded);
  }
  if (cached > 0) {
    out += fmt::format(
        "Samples served from the response cache: {} (not paid again by this run; their cost is "
        "included above).\n",
        cached);
  }
  if (estimated > 0) {
    out += fmt::format(
        "Samples with estimated token counts (the server did not report usage; marked est.): {}.\n",
        estimated);
  }
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
      out +=
          "> Models marked SIMULATED are served by `reasonbench serve-sim`: their answers, tokens, "
          "latencies and prices are simulated, not measured on a real model.\n\n";
    }
    if (summary.rows.empty()) {
      out += "No samples stored yet.\n\n";
      continue;
    }
    accuracy_table(out, summary);
    out += "\n";
    cost_table(out, summary);
    out += "\n";
    scaling_table(out, summary);
    notes(out, summary);
    out += "\n";
  }
  return out;
}

}  // namespace rb::reports
