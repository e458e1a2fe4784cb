#pragma once
// The rows of every run as the HTML report draws them: one series per (run, model), with a
// style (colour and marker) that stays the same in every chart and table. Private to reports/html.
#include <string>
#include <vector>

#include "reports/summary.hpp"

namespace rb::reports::html {

struct RowView {
  const RunSummary* run = nullptr;
  const SummaryRow* row = nullptr;
  std::string series;  ///< the model, or "run · model" when the report has several runs
  std::size_t style = 0;
};

struct ReportView {
  std::vector<RowView> rows;
  std::vector<std::string> suites;  ///< in order of first appearance
  std::vector<std::string> series;  ///< by style
  /// The rows of `suite`, in report order.
  std::vector<const RowView*> of_suite(const std::string& suite) const;
};

ReportView make_view(const std::vector<RunSummary>& runs);

/// "model (tokens est.)" when the row's token counts were estimated, else the series name.
std::string token_series_name(const RowView& row);

/// Indices of the points on the cost-accuracy Pareto frontier (no other point is at least as
/// cheap and at least as accurate, one of them strictly), ordered by cost. Points are
/// (cost, accuracy); non-positive costs are ignored.
std::vector<std::size_t> pareto_frontier(const std::vector<std::pair<double, double>>& points);

/// Notes shared by charts: the SIMULATED warning when any row is simulated.
void simulated_note(const std::vector<const RowView*>& rows, std::vector<std::string>& notes);

// Each chart kind in its own file; each returns one <figure> per suite (or one in all).
std::string cost_accuracy_charts(const ReportView& view);    // chart_cost.cpp
std::string accuracy_tokens_charts(const ReportView& view);  // chart_tokens.cpp
std::string scaling_charts(const ReportView& view);          // chart_scaling.cpp
std::string latency_charts(const ReportView& view);          // chart_latency.cpp
std::string suite_bar_chart(const ReportView& view);         // chart_bars.cpp
std::string difficulty_charts(const ReportView& view);       // chart_bars.cpp
std::string length_charts(const ReportView& view);           // chart_length.cpp

// Tables and the browser.
std::string summary_table(const ReportView& view);                // tables.cpp
std::string scaling_table(const ReportView& view);                // tables.cpp
/// Best-of-k selectors, reward-weighted maj@k and pass^k; "" when no row has several samples.
std::string selection_table(const ReportView& view);              // tables.cpp
std::string sample_browser(const std::vector<RunSummary>& runs);  // sample_browser.cpp

}  // namespace rb::reports::html
