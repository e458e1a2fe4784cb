// Accuracy vs mean output tokens per problem, one chart per suite (log x).
#include <fmt/format.h>

#include "reports/format.hpp"
#include "reports/html/svg.hpp"
#include "reports/html/view.hpp"

namespace rb::reports::html {

std::string accuracy_tokens_charts(const ReportView& view)
{
  std::string out;
  for (const auto& suite : view.suites) {
    const auto rows = view.of_suite(suite);
    const std::string title = "Accuracy vs tokens: " + suite;
    XyChart chart("accuracy-tokens", title,
                  Axis{"mean output tokens per problem, one sample (reasoning included, log scale)",
                       Scale::log10, Unit::tokens},
                  Axis{"accuracy, avg@n (%, 95% interval)", Scale::linear, Unit::percent, 0, 1});
    bool estimated = false;
    for (const auto* r : rows) {
      const auto& row = *r->row;
      if (row.mean_output_tokens <= 0) {
        continue;
      }
      estimated = estimated || row.tokens_estimated > 0;
      Point p{row.mean_output_tokens, row.accuracy.value, row.accuracy.ci95.low, row.accuracy.ci95.high,
              fmt::format("{}: {} ({}) at {} tokens per problem", r->series, percent(row.accuracy.value),
                          percent_interval(row.accuracy.ci95), tokens(row.mean_output_tokens))};
      chart.add(Series{token_series_name(*r), r->style, {p}, false, true, false, false});
    }
    if (chart.empty()) {
      out += placeholder_figure("accuracy-tokens", title,
                                "Tokens not measured: no sample of this suite reported any.");
      continue;
    }
    std::vector<std::string> notes;
    simulated_note(rows, notes);
    if (estimated) {
      notes.push_back(
          "Estimated: series marked (tokens est.) include samples whose server reported no usage.");
    }
    for (const auto& n : notes) {
      chart.note(n);
    }
    out += chart.render();
  }
  return out;
}

}  // namespace rb::reports::html
