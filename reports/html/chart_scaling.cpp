// Test-time scaling: pass@k and maj@k against k (log2) and against output tokens per problem
// (k x mean tokens per sample, log10), one pair of charts per suite.
#include <fmt/format.h>

#include "reports/format.hpp"
#include "reports/html/svg.hpp"
#include "reports/html/view.hpp"

namespace rb::reports::html {

namespace {

Series curve(const RowView& r, const std::vector<KPoint>& points, const char* figure, bool by_tokens,
             bool dashed)
{
  Series s{(by_tokens ? token_series_name(r) : r.series) + " " + figure + "@k",
           r.style,
           {},
           true,
           true,
           dashed,
           false};
  for (const auto& p : points) {
    s.points.push_back({by_tokens ? p.tokens_per_problem : static_cast<double>(p.k), p.estimate.value,
                        std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN(),
                        fmt::format("{}: {}@{} = {} ({}), {} tokens per problem", r.series, figure, p.k,
                                    percent(p.estimate.value), percent_interval(p.estimate.ci95),
                                    tokens(p.tokens_per_problem))});
  }
  return s;
}

std::string chart(const ReportView& view, const std::string& suite, bool by_tokens)
{
  const auto rows = view.of_suite(suite);
  const std::string title =
      std::string(by_tokens ? "Scaling with tokens: " : "Scaling with samples: ") + suite;
  const char* kind = by_tokens ? "scaling-tokens" : "scaling-k";
  XyChart c(kind, title,
            by_tokens
                ? Axis{"output tokens per problem for k samples (log scale)", Scale::log10, Unit::tokens}
                : Axis{"k, samples per problem (log scale)", Scale::log2, Unit::number},
            Axis{"pass@k and maj@k (%)", Scale::linear, Unit::percent, 0, 1});
  int largest = 0;
  bool no_votes = false;
  for (const auto* r : rows) {
    if (by_tokens && r->row->mean_output_tokens <= 0) {
      continue;
    }
    largest = std::max(largest, r->row->samples_per_problem);
    c.add(curve(*r, r->row->pass_at_k, "pass", by_tokens, false));
    if (r->row->maj_at_k.empty()) {
      no_votes = true;
    } else {
      c.add(curve(*r, r->row->maj_at_k, "maj", by_tokens, true));
    }
  }
  if (c.empty()) {
    return placeholder_figure(kind, title,
                              by_tokens ? "Tokens not measured: no sample of this suite reported any."
                                        : "No graded samples in this suite.");
  }
  std::vector<std::string> notes;
  notes.push_back(
      "Solid: pass@k (unbiased estimator); dashed: maj@k (majority of disjoint blocks of k samples, "
      "ties scored fractionally). k never exceeds the fewest samples of any problem.");
  if (largest <= 1) {
    notes.push_back("One sample per problem: no curve beyond k = 1.");
  }
  if (no_votes) {
    notes.push_back("maj@k is absent where the verifier gave no canonical answers to vote with.");
  }
  simulated_note(rows, notes);
  for (const auto& n : notes) {
    c.note(n);
  }
  return c.render();
}

}  // namespace

std::string scaling_charts(const ReportView& view)
{
  std::string out;
  for (const auto& suite : view.suites) {
    out += chart(view, suite, false);
    out += chart(view, suite, true);
  }
  return out;
}

}  // namespace rb::reports::html
