// Accuracy bars with 95% intervals: per suite (one chart) and per difficulty (one per suite).
#include <fmt/format.h>

#include <algorithm>

#include "reports/format.hpp"
#include "reports/html/svg.hpp"
#include "reports/html/view.hpp"

namespace rb::reports::html {

namespace {

Bar accuracy_bar(const std::string& series, const std::string& group, double value, const stats::Interval& ci,
                 std::int64_t problems)
{
  return Bar{value, ci.low, ci.high,
             fmt::format("{}, {}: {} ({}), {} problems", series, group, percent(value), percent_interval(ci),
                         problems),
             true};
}

/// The series that have a row among `rows`, in style order.
void series_of(const ReportView& view, const std::vector<const RowView*>& rows,
               std::vector<std::string>& names, std::vector<std::size_t>& styles)
{
  for (std::size_t style = 0; style < view.series.size(); ++style) {
    if (std::any_of(rows.begin(), rows.end(), [&](const RowView* r) { return r->style == style; })) {
      names.push_back(view.series[style]);
      styles.push_back(style);
    }
  }
}

}  // namespace

std::string suite_bar_chart(const ReportView& view)
{
  const std::string title = "Accuracy per suite";
  if (view.rows.empty()) {
    return placeholder_figure("suite-accuracy", title, "No samples stored yet.");
  }
  BarChart chart("suite-accuracy", title,
                 Axis{"accuracy, avg@n (%, 95% interval)", Scale::linear, Unit::percent, 0, 1}, "suite");
  std::vector<const RowView*> all;
  for (const auto& r : view.rows) {
    all.push_back(&r);
  }
  std::vector<std::string> names;
  std::vector<std::size_t> styles;
  series_of(view, all, names, styles);
  chart.set_series(names, styles);
  for (const auto& suite : view.suites) {
    std::vector<Bar> bars(styles.size(), Bar{0, 0, 0, "", false});
    for (const auto* r : view.of_suite(suite)) {
      const auto at = std::find(styles.begin(), styles.end(), r->style) - styles.begin();
      bars[static_cast<std::size_t>(at)] =
          accuracy_bar(r->series, suite, r->row->accuracy.value, r->row->accuracy.ci95, r->row->problems);
    }
    chart.add_group(suite, std::move(bars));
  }
  std::vector<std::string> notes{
      "Whiskers: 95% interval (Wilson for one sample per problem, else problem-level "
      "bootstrap)."};
  simulated_note(all, notes);
  for (const auto& n : notes) {
    chart.note(n);
  }
  return chart.render();
}

std::string difficulty_charts(const ReportView& view)
{
  std::string out;
  for (const auto& suite : view.suites) {
    const auto rows = view.of_suite(suite);
    std::vector<std::string> labels;
    for (const auto* r : rows) {
      for (const auto& b : r->row->by_difficulty) {
        if (std::find(labels.begin(), labels.end(), b.difficulty) == labels.end()) {
          labels.push_back(b.difficulty);
        }
      }
    }
    if (labels.empty()) {
      continue;
    }
    BarChart chart("difficulty-accuracy", "Accuracy by difficulty: " + suite,
                   Axis{"accuracy, avg@n (%, 95% interval)", Scale::linear, Unit::percent, 0, 1},
                   "difficulty (from the problems' metadata)");
    std::vector<std::string> names;
    std::vector<std::size_t> styles;
    series_of(view, rows, names, styles);
    chart.set_series(names, styles);
    for (const auto& label : labels) {
      std::vector<Bar> bars(styles.size(), Bar{0, 0, 0, "", false});
      for (const auto* r : rows) {
        const auto at =
            static_cast<std::size_t>(std::find(styles.begin(), styles.end(), r->style) - styles.begin());
        for (const auto& b : r->row->by_difficulty) {
          if (b.difficulty == label) {
            bars[at] = accuracy_bar(r->series, label, b.accuracy.value, b.accuracy.ci95, b.accuracy.problems);
          }
        }
      }
      chart.add_group(label, std::move(bars));
    }
    std::vector<std::string> notes{"Whiskers: 95% interval over the problems of each difficulty."};
    simulated_note(rows, notes);
    for (const auto& n : notes) {
      chart.note(n);
    }
    out += chart.render();
  }
  if (out.empty()) {
    out = placeholder_figure("difficulty-accuracy", "Accuracy by difficulty",
                             "No problem carries difficulty metadata (\"difficulty\" or \"level\").");
  }
  return out;
}

}  // namespace rb::reports::html
