// Reasoning length of correct vs incorrect answers: median with interquartile whiskers, one
// chart per suite.
#include <fmt/format.h>

#include "reports/format.hpp"
#include "reports/html/svg.hpp"
#include "reports/html/view.hpp"

namespace rb::reports::html {

namespace {

constexpr std::size_t k_correct_style = 2;    // green
constexpr std::size_t k_incorrect_style = 1;  // vermillion

Bar length_bar(const std::string& series, const char* which, const LengthStats& l)
{
  if (l.count == 0) {
    return Bar{0, 0, 0, "", false};
  }
  return Bar{l.p50, l.p25, l.p75,
             fmt::format("{}, {}: median {} tokens (quartiles {}–{}), mean {}, {} samples", series, which,
                         tokens(l.p50), tokens(l.p25), tokens(l.p75), tokens(l.mean), l.count),
             true};
}

}  // namespace

std::string length_charts(const ReportView& view)
{
  std::string out;
  for (const auto& suite : view.suites) {
    const auto rows = view.of_suite(suite);
    const std::string title = "Reasoning length, correct vs incorrect: " + suite;
    bool any = false;
    std::vector<std::string> output_only;
    for (const auto* r : rows) {
      any = any || r->row->length_correct.count + r->row->length_incorrect.count > 0;
      if (!r->row->length_is_reasoning) {
        output_only.push_back(r->series);
      }
    }
    if (!any) {
      out += placeholder_figure("reasoning-length", title, "No graded sample with tokens in this suite.");
      continue;
    }
    BarChart chart(
        "reasoning-length", title,
        Axis{"reasoning tokens per sample (median, quartile whiskers)", Scale::linear, Unit::tokens},
        "model");
    chart.set_series({"correct", "incorrect, no answer or truncated"}, {k_correct_style, k_incorrect_style});
    for (const auto* r : rows) {
      chart.add_group(r->series, {length_bar(r->series, "correct", r->row->length_correct),
                                  length_bar(r->series, "not correct", r->row->length_incorrect)});
    }
    std::vector<std::string> notes;
    if (!output_only.empty()) {
      std::string names;
      for (const auto& n : output_only) {
        names += (names.empty() ? "" : ", ") + n;
      }
      notes.push_back("No reasoning tokens reported, so output tokens are shown for: " + names + ".");
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
