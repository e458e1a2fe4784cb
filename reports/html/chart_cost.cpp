// Cost vs accuracy with the Pareto frontier, one chart per suite (log x).
#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "reports/format.hpp"
#include "reports/html/svg.hpp"
#include "reports/html/view.hpp"

namespace rb::reports::html {

std::vector<std::size_t> pareto_frontier(const std::vector<std::pair<double, double>>& points)
{
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (points[i].first > 0) {
      order.push_back(i);
    }
  }
  // Cheapest first; at equal cost the most accurate first, so it is the one kept.
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return points[a].first != points[b].first ? points[a].first < points[b].first
                                              : points[a].second > points[b].second;
  });
  std::vector<std::size_t> frontier;
  double best = -1;
  for (const std::size_t i : order) {
    if (points[i].second > best) {
      frontier.push_back(i);
      best = points[i].second;
    }
  }
  return frontier;
}

void simulated_note(const std::vector<const RowView*>& rows, std::vector<std::string>& notes)
{
  for (const auto* r : rows) {
    if (r->row->simulated) {
      notes.push_back(
          "SIMULATED: series marked SIMULATED come from serve-sim; their answers, tokens, "
          "latencies and prices are simulated, not measured.");
      return;
    }
  }
}

std::string cost_accuracy_charts(const ReportView& view)
{
  std::string out;
  for (const auto& suite : view.suites) {
    const auto rows = view.of_suite(suite);
    const std::string title = "Cost vs accuracy: " + suite;
    XyChart chart("cost-accuracy", title,
                  Axis{"mean cost per problem, one sample ($, log scale)", Scale::log10, Unit::dollars},
                  Axis{"accuracy, avg@n (%, 95% interval)", Scale::linear, Unit::percent, 0, 1});
    std::vector<std::pair<double, double>> points;
    std::vector<std::string> unpriced;
    for (const auto* r : rows) {
      points.emplace_back(r->row->mean_cost_per_sample_usd, r->row->accuracy.value);
      if (r->row->mean_cost_per_sample_usd <= 0) {
        unpriced.push_back(r->series);
      }
    }
    if (unpriced.size() == rows.size()) {
      out +=
          placeholder_figure("cost-accuracy", title,
                             "Cost not measured: no model of this suite is priced (set prices in the run's "
                             "configuration).");
      continue;
    }
    const auto frontier = pareto_frontier(points);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto& row = *rows[i]->row;
      if (row.mean_cost_per_sample_usd <= 0) {
        continue;
      }
      const bool on_frontier = std::find(frontier.begin(), frontier.end(), i) != frontier.end();
      Point p{row.mean_cost_per_sample_usd,
              row.accuracy.value,
              row.accuracy.ci95.low,
              row.accuracy.ci95.high,
              fmt::format("{}: {} ({}), ${:.6f} per problem{}", rows[i]->series, percent(row.accuracy.value),
                          percent_interval(row.accuracy.ci95), row.mean_cost_per_sample_usd,
                          on_frontier ? ", on the Pareto frontier" : ""),
              on_frontier};
      chart.add(Series{rows[i]->series, rows[i]->style, {p}, false, true, false, false});
    }
    Series line{"Pareto frontier (ringed points)", 0, {}, true, false, true, true};
    for (const std::size_t i : frontier) {
      line.points.push_back({points[i].first, points[i].second});
    }
    chart.add(std::move(line));
    std::vector<std::string> notes{
        "Pareto frontier: the models no other model beats on both cost and accuracy "
        "(none is at least as cheap and at least as accurate). Whiskers: 95% interval."};
    simulated_note(rows, notes);
    if (!unpriced.empty()) {
      std::string names;
      for (const auto& n : unpriced) {
        names += (names.empty() ? "" : ", ") + n;
      }
      notes.push_back("Not priced, so not drawn (cost not measured): " + names + ".");
    }
    for (const auto& n : notes) {
      chart.note(n);
    }
    out += chart.render();
  }
  return out;
}

}  // namespace rb::reports::html
