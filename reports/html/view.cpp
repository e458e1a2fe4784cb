#include "reports/html/view.hpp"

#include <algorithm>

namespace rb::reports::html {

ReportView make_view(const std::vector<RunSummary>& runs)
{
  ReportView view;
  const bool several_runs = runs.size() > 1;
  for (const auto& run : runs) {
    for (const auto& row : run.rows) {
      RowView r{&run, &row, several_runs ? run.run.name + " · " + row.model : row.model, 0};
      const auto it = std::find(view.series.begin(), view.series.end(), r.series);
      r.style = static_cast<std::size_t>(it - view.series.begin());
      if (it == view.series.end()) {
        view.series.push_back(r.series);
      }
      if (std::find(view.suites.begin(), view.suites.end(), row.suite) == view.suites.end()) {
        view.suites.push_back(row.suite);
      }
      view.rows.push_back(std::move(r));
    }
  }
  return view;
}

std::vector<const RowView*> ReportView::of_suite(const std::string& suite) const
{
  std::vector<const RowView*> out;
  for (const auto& r : rows) {
    if (r.row->suite == suite) {
      out.push_back(&r);
    }
  }
  return out;
}

std::string token_series_name(const RowView& row)
{
  return row.row->tokens_estimated > 0 ? row.series + " (tokens est.)" : row.series;
}

}  // namespace rb::reports::html
