#include "reports/html/behaviour_table.hpp"

#include <fmt/format.h>

#include "reports/behaviour_render.hpp"
#include "reports/format.hpp"
#include "reports/html/escape.hpp"

namespace rb::reports::html {

namespace {

std::string th(const char* name, const char* definition)
{
  return fmt::format("<th scope=\"col\" title=\"{}\">{}</th>", escape_html(definition), escape_html(name));
}

std::string td(const std::string& text, const char* cls = "num")
{
  return fmt::format("<td class=\"{}\">{}</td>", cls, escape_html(text));
}

std::string figures_table(const ReportView& view)
{
  std::string out = "<table class=\"behaviour\"><thead><tr>" + th("model", "the model (series)") +
                    th("suite", "the suite") + th("samples", "all analysed samples, the correct ones, the wrong ones");
  for (const auto& c : behaviour_columns()) {
    out += th(c.label, c.definition);
  }
  out += "</tr></thead><tbody>";
  for (const auto& r : view.rows) {
    if (!r.row->behaviour.any()) {
      continue;
    }
    for (const auto& [name, group] : behaviour_groups(r.row->behaviour)) {
      out += "<tr>" + td(r.series, "text") + td(r.row->suite, "text") + td(name, "text");
      for (const auto& c : behaviour_columns()) {
        out += td(c.text(*group));
      }
      out += "</tr>";
    }
  }
  return out + "</tbody></table>";
}

std::string difficulty_table(const ReportView& view)
{
  std::string rows;
  for (const auto& r : view.rows) {
    for (const auto& d : r.row->behaviour.by_difficulty) {
      const auto mean = [](const std::optional<double>& v) { return v ? tokens(*v) : std::string("-"); };
      rows += "<tr>" + td(r.series, "text") + td(r.row->suite, "text") + td(d.difficulty, "text") +
              td(std::to_string(d.samples)) + td(tokens(d.mean_reasoning_tokens)) +
              td(mean(d.mean_reasoning_tokens_correct)) + td(mean(d.mean_reasoning_tokens_incorrect)) + "</tr>";
    }
  }
  if (rows.empty()) {
    return "";
  }
  return "<h3>Reasoning length by difficulty</h3><table class=\"behaviour\"><thead><tr>" +
         th("model", "the model (series)") + th("suite", "the suite") +
         th("difficulty", "the problems' difficulty metadata") + th("samples", "analysed samples") +
         th("reasoning tok", "mean reasoning tokens") + th("correct", "mean reasoning tokens of correct samples") +
         th("wrong", "mean reasoning tokens of wrong samples") + "</tr></thead><tbody>" + rows + "</tbody></table>";
}

}  // namespace

std::string behaviour_section(const ReportView& view)
{
  bool any = false;
  for (const auto& r : view.rows) {
    any = any || r.row->behaviour.any();
  }
  if (!any) {
    return "";
  }
  return figures_table(view) +
         "<p class=\"note\">Per sample, from the stored responses: wrong = graded and not correct, errors "
         "excluded. Consistency, reflections and repeated 4-grams are over samples whose reasoning was "
         "visible (\"-\": none was, e.g. hidden reasoning). Hover a header for its definition.</p>" +
         difficulty_table(view);
}

}  // namespace rb::reports::html
