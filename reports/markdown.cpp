// The Markdown report (pull requests, READMEs, the end of `reasonbench run`): per run, an
// accuracy table, a cost table and a scaling table (pass@k and maj@k at every k scored).
#include <fmt/format.h>

#include "reports/behaviour_render.hpp"
#include "reports/columns.hpp"
#include "reports/format.hpp"
#include "reports/meter_render.hpp"
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

/// A table of the columns marked `table` in reports/columns.cpp, one line per row.
void column_table(std::string& out, const RunSummary& summary, Where table)
{
  const auto cols = table_columns(table);
  std::string rule = "|";
  out += "|";
  for (const Column* c : cols) {
    out += " " + std::string(c->label) + " |";
    rule += c->left ? "---|" : "--:|";
  }
  out += "\n" + rule + "\n";
  for (const auto& r : summary.rows) {
    const RowRef ref{summary, r, r.model};
    out += "|";
    for (const Column* c : cols) {
      out += " " + escape_cell(plain_text(c->display(ref))) + " |";
    }
    out += "\n";
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

/// Best-of-k selection at the largest k of each row with several samples per problem (and the
/// reward-weighted majority when the run was scored): what a selector recovers of pass@k.
void selection_table(std::string& out, const RunSummary& summary)
{
  bool any = false;
  for (const auto& r : summary.rows) {
    any = any || r.samples_per_problem > 1;
  }
  if (!any) {
    return;
  }
  out += "\n| model | suite | best-of-k | k | accuracy | 95% CI |\n|---|---|---|--:|--:|---|\n";
  const auto line = [&out](const SummaryRow& r, const std::string& name, const std::vector<KPoint>& points) {
    if (points.empty()) {
      return;
    }
    const KPoint& p = points.back();
    out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", escape_cell(r.model), escape_cell(r.suite), name, p.k,
                       percent(p.estimate.value), percent_interval(p.estimate.ci95));
  };
  for (const auto& r : summary.rows) {
    if (r.samples_per_problem <= 1) {
      continue;
    }
    for (const auto& curve : r.best_of_k) {
      line(r, curve.selector == "oracle" ? "oracle (= pass@k, upper bound)"
              : curve.selector == "reward" ? "reward (" + r.scorer + ")"
                                           : curve.selector,
           curve.points);
    }
    line(r, "reward-weighted maj", r.weighted_maj_at_k);
    line(r, "pass^k (all k correct)", r.pass_hat_k);
  }
}

void notes(std::string& out, const RunSummary& summary)
{
  out +=
      "\nAccuracy is avg@n (the mean over problems of each problem's share of correct samples); the "
      "interval is Wilson's for one sample per problem, else a problem-level bootstrap (2,000 resamples, "
      "seeded). pass@k is the unbiased estimator 1 - C(n-c,k)/C(n,k); maj@k is the majority vote of "
      "disjoint blocks of k samples (ties: fractional credit); k never exceeds the fewest samples of any "
      "problem. Errors and truncated answers count as not correct.";
  bool energy = false;
  for (const auto& r : summary.rows) {
    energy = energy || r.energy_joules.has_value();
  }
  out += energy ? "\n" : " Energy is not measured (no meter stored any).\n";
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
    column_table(out, summary, k_in_md_accuracy);
    out += "\n";
    column_table(out, summary, k_in_md_cost);
    out += "\n";
    scaling_table(out, summary);
    selection_table(out, summary);
    notes(out, summary);
    out += meters_markdown(summary);
    if (const std::string behaviour = behaviour_markdown(summary); !behaviour.empty()) {
      out += "\n" + behaviour;
    }
    out += "\n";
  }
  return out;
}

}  // namespace rb::reports
