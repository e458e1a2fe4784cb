// Latency CDFs: the share of samples finished within a time, one chart per suite (log x).
#include <fmt/format.h>

#include "reports/format.hpp"
#include "reports/html/svg.hpp"
#include "reports/html/view.hpp"

namespace rb::reports::html {

std::string latency_charts(const ReportView& view)
{
  std::string out;
  for (const auto& suite : view.suites) {
    const auto rows = view.of_suite(suite);
    const std::string title = "Latency CDF: " + suite;
    XyChart chart("latency-cdf", title,
                  Axis{"end-to-end latency per request (ms, log scale)", Scale::log10, Unit::millis},
                  Axis{"share of samples finished (%)", Scale::linear, Unit::percent, 0, 1});
    bool zeros = false;
    for (const auto* r : rows) {
      const auto& cdf = r->row->latency_cdf_ms;
      Series s{r->series, r->style, {}, true, false, false, false};
      for (std::size_t i = 0; i < cdf.size(); ++i) {
        const double share = static_cast<double>(i) / static_cast<double>(cdf.size() - 1);
        if (cdf[i] <= 0) {
          zeros = true;
          continue;
        }
        s.points.push_back(
            {cdf[i], share, std::numeric_limits<double>::quiet_NaN(),
             std::numeric_limits<double>::quiet_NaN(),
             fmt::format("{}: {} of samples within {} ms", r->series, percent(share), millis(cdf[i]))});
      }
      if (!s.points.empty()) {
        chart.add(std::move(s));
      }
    }
    if (chart.empty()) {
      out += placeholder_figure("latency-cdf", title,
                                "Latency not measured: no sample of this suite has a latency.");
      continue;
    }
    std::vector<std::string> notes{
        "Final attempt of each request (retries excluded); cached samples keep the "
        "latency of the original request."};
    if (zeros) {
      notes.push_back("Latencies of 0 ms cannot be drawn on the log scale and are left out.");
    }
    simulated_note(rows, notes);
    for (const auto& n : notes) {
      chart.note(n);
    }
    out += chart.render();
  }
  return out;
}

}  // namespace rb::reports::html
