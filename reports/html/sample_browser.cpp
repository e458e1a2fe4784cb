// The per-sample browser: a bounded selection of samples (reports/browser.hpp), filterable by
// model, suite and verdict; each row opens the problem, the reasoning (collapsed), the answer,
// the extracted value, the gold answer and the verdict's reason. Every text is escaped.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "reports/format.hpp"
#include "reports/html/escape.hpp"
#include "reports/html/view.hpp"

namespace rb::reports::html {

namespace {

// Per-field caps (after escaping) keep a page of 1,000 samples under ~16 MB whatever the models
// wrote (tests/unit/test_report_html.cpp checks the bound with hostile texts).
constexpr std::size_t k_problem_bytes = 3000;
constexpr std::size_t k_reasoning_bytes = 5000;
constexpr std::size_t k_answer_bytes = 3000;
constexpr std::size_t k_short_bytes = 300;

std::string pre(std::string_view text, std::size_t cap)
{
  return "<pre>" + escape_clipped(text, cap) + "</pre>";
}

std::string options(const char* name, const char* label, const std::set<std::string>& values)
{
  std::string out = fmt::format(
      "<label>{} <select name=\"{}\" id=\"filter-{}\"><option value=\"\">all</option>", label, name, name);
  for (const auto& v : values) {
    out += fmt::format("<option value=\"{0}\">{0}</option>", escape_html(v));
  }
  return out + "</select></label> ";
}

std::string sample_row(const std::string& series, const BrowserSample& s)
{
  const std::string extracted =
      s.extracted ? escape_clipped(*s.extracted, k_short_bytes) : std::string("(none)");
  const std::string gold = escape_clipped(s.gold, k_short_bytes);
  std::string out =
      fmt::format("<tr class=\"sample\" data-model=\"{}\" data-suite=\"{}\" data-verdict=\"{}\">",
                  escape_html(series), escape_html(s.key.suite), escape_html(s.verdict));
  out += "<td>" + escape_clipped(series, k_short_bytes) + "</td><td>" +
         escape_clipped(s.key.suite, k_short_bytes) + "</td><td>" +
         escape_clipped(s.key.problem_id, k_short_bytes) + "</td>";
  out += fmt::format("<td class=\"num\">{}</td><td><span class=\"verdict v-{}\">{}</span></td>",
                     s.key.sample_index, escape_html(s.verdict), escape_html(s.verdict));
  out += "<td><code>" + extracted + "</code></td><td><code>" + gold + "</code></td>";
  out += "<td><details class=\"sample-detail\"><summary>open</summary><div class=\"sample-body\">";
  out += "<h4>Problem</h4>" + pre(s.problem_text, k_problem_bytes);
  out += fmt::format("<details class=\"reasoning\"><summary>Reasoning ({} bytes)</summary>{}</details>",
                     s.reasoning.size(), pre(s.reasoning, k_reasoning_bytes));
  out += "<h4>Answer</h4>" + pre(s.answer, k_answer_bytes);
  out += "<dl><dt>extracted</dt><dd><code>" + extracted + "</code></dd>";
  out += "<dt>gold</dt><dd><code>" + gold + "</code></dd>";
  out += "<dt>verdict</dt><dd>" + escape_html(s.verdict) + ": " + escape_clipped(s.detail, 1000) + "</dd>";
  out += fmt::format("<dt>finish</dt><dd>{}, {} output tokens, {} ms</dd></dl>",
                     escape_clipped(s.finish_reason, 100), s.output_tokens, millis(s.e2e_ms));
  return out + "</div></details></td></tr>";
}

}  // namespace

std::string sample_browser(const std::vector<RunSummary>& runs)
{
  const bool several_runs = runs.size() > 1;
  std::set<std::string> models;
  std::set<std::string> suites;
  std::set<std::string> verdicts;
  std::size_t shown = 0;
  std::int64_t stored = 0;
  for (const auto& run : runs) {
    stored += run.stored_samples;
    for (const auto& s : run.browser) {
      models.insert(several_runs ? run.run.name + " · " + s.key.model : s.key.model);
      suites.insert(s.key.suite);
      verdicts.insert(s.verdict);
      ++shown;
    }
  }
  std::string out = fmt::format(
      "<p class=\"browser-scope\">Showing {} of {} stored samples: an equal share per model and suite, "
      "alternating answers that are not correct with correct ones. Every sample is in the database "
      "(<code>sqlite3 -readonly DB 'SELECT ... FROM samples'</code>, docs/store.md).</p>",
      shown, stored);
  out += "<form id=\"sample-filters\" class=\"filters\">" + options("model", "model", models) +
         options("suite", "suite", suites) + options("verdict", "verdict", verdicts) +
         "<span class=\"count\"><span id=\"sample-count\">" + std::to_string(shown) +
         "</span> shown</span></form>";
  out +=
      "<div class=\"table-wrap\"><table id=\"samples-table\" class=\"data samples\"><thead><tr><th>model</th>"
      "<th>suite</th><th>problem</th><th>sample</th><th>verdict</th><th>extracted</th><th>gold</th>"
      "<th>details</th></tr></thead><tbody>";
  for (const auto& run : runs) {
    for (const auto& s : run.browser) {
      out += sample_row(several_runs ? run.run.name + " · " + s.key.model : s.key.model, s);
      out += "\n";
    }
  }
  return out + "</tbody></table></div>\n";
}

}  // namespace rb::reports::html
