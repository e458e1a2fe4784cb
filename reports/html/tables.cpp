// The HTML summary table (model x suite) and the scaling table (pass@k, maj@k at every k).
#include <fmt/format.h>

#include "reports/format.hpp"
#include "reports/html/escape.hpp"
#include "reports/html/view.hpp"

namespace rb::reports::html {

namespace {

struct Column {
  const char* name;
  const char* definition;  // the header's tooltip
};

constexpr Column k_summary_columns[] = {
    {"model", "the model's label; SIMULATED: served by serve-sim"},
    {"suite", "the suite as the run named it"},
    {"problems", "distinct problems"},
    {"samples", "stored samples, failed generations included"},
    {"accuracy", "avg@n: mean over problems of the share of correct samples"},
    {"95% interval", "Wilson for one sample per problem, else problem-level bootstrap"},
    {"pass@k", "unbiased pass@k at the largest k the row allows"},
    {"maj@k", "majority vote of disjoint blocks of k samples; ties scored fractionally"},
    {"reasoning tok/sample", "mean reasoning tokens per generated sample"},
    {"answer tok/sample", "mean output tokens minus reasoning tokens per generated sample"},
    {"truncated", "share of graded samples cut by the token limit or an unclosed reasoning block"},
    {"no answer", "share of graded samples with no extractable answer"},
    {"cost $", "at the model's configured prices, cached samples included"},
    {"$/correct", "cost divided by correct samples"},
    {"energy J", "joules measured by a meter"},
    {"J/correct", "joules per correct sample"},
    {"latency p50 ms", "median end-to-end request time"},
    {"latency p99 ms", "99th percentile end-to-end request time"},
    {"output tok/s", "output tokens over the row's wall-clock window (first request start to last end)"},
};

std::string header(const Column* columns, std::size_t count)
{
  std::string out = "<thead><tr>";
  for (std::size_t i = 0; i < count; ++i) {
    out += fmt::format("<th scope=\"col\" title=\"{}\">{}</th>", escape_html(columns[i].definition),
                       escape_html(columns[i].name));
  }
  return out + "</tr></thead>";
}

std::string cell(const std::string& text, const char* cls = "num")
{
  return fmt::format("<td class=\"{}\">{}</td>", cls, escape_html(text));
}

std::string not_measured()
{
  return "<td class=\"not-measured\">not measured</td>";
}

std::string model_cell(const RowView& r)
{
  std::string out = "<td>" + escape_html(r.series);
  if (r.row->simulated) {
    out += " <span class=\"badge simulated\">SIMULATED</span>";
  }
  return out + "</td>";
}

std::string token_cell(double value, bool estimated)
{
  return fmt::format(
      "<td class=\"num\">{}{}</td>", escape_html(tokens(value)),
      estimated ? " <span class=\"badge estimated\" title=\"usage not reported: estimated\">est.</span>"
                : "");
}

std::string money_cell(double usd)
{
  return usd > 0 ? cell(money(usd)) : "<td class=\"not-measured\">not priced</td>";
}

}  // namespace

std::string summary_table(const ReportView& view)
{
  std::string out = "<div class=\"table-wrap\"><table id=\"summary-table\" class=\"data\">";
  out += header(k_summary_columns, std::size(k_summary_columns));
  out += "<tbody>";
  for (const auto& r : view.rows) {
    const SummaryRow& row = *r.row;
    const bool est = row.tokens_estimated > 0;
    out += fmt::format("<tr data-model=\"{}\" data-suite=\"{}\">", escape_html(r.series),
                       escape_html(row.suite));
    out += model_cell(r) + cell(row.suite, "text") + cell(std::to_string(row.problems)) +
           cell(std::to_string(row.samples)) + cell(percent(row.accuracy.value)) +
           cell(percent_interval(row.accuracy.ci95)) + cell(at_largest_k(row.pass_at_k)) +
           cell(at_largest_k(row.maj_at_k)) + token_cell(row.mean_reasoning_tokens, est) +
           token_cell(row.mean_answer_tokens, est) + cell(percent(row.truncation_rate)) +
           cell(percent(row.no_answer_rate)) + money_cell(row.cost_usd) +
           money_cell(row.cost_per_correct_usd) + not_measured() + not_measured() +
           cell(millis(row.e2e_p50_ms)) + cell(millis(row.e2e_p99_ms)) +
           (row.throughput_tokens_per_s < 0 ? not_measured() : cell(throughput(row.throughput_tokens_per_s)));
    out += "</tr>";
  }
  return out + "</tbody></table></div>\n";
}

std::string scaling_table(const ReportView& view)
{
  static constexpr Column k_columns[] = {
      {"model", "the model's label"},
      {"suite", "the suite"},
      {"k", "samples per problem drawn"},
      {"pass@k", "unbiased estimator 1 - C(n-c,k)/C(n,k)"},
      {"pass@k 95% interval", "problem-level bootstrap (Wilson at one sample per problem)"},
      {"maj@k", "majority vote of disjoint blocks of k samples, ties scored fractionally"},
      {"maj@k 95% interval", "problem-level bootstrap (Wilson at one sample per problem)"},
      {"output tok/problem", "k x mean output tokens per generated sample"},
      {"$/problem", "k x mean cost per generated sample"},
  };
  std::string out = "<div class=\"table-wrap\"><table id=\"scaling-table\" class=\"data\">";
  out += header(k_columns, std::size(k_columns));
  out += "<tbody>";
  for (const auto& r : view.rows) {
    const SummaryRow& row = *r.row;
    for (std::size_t i = 0; i < row.pass_at_k.size(); ++i) {
      const auto& p = row.pass_at_k[i];
      const bool maj = i < row.maj_at_k.size();
      out += "<tr>" + model_cell(r) + cell(row.suite, "text") + cell(std::to_string(p.k)) +
             cell(percent(p.estimate.value)) + cell(percent_interval(p.estimate.ci95)) +
             cell(maj ? percent(row.maj_at_k[i].estimate.value) : "-") +
             cell(maj ? percent_interval(row.maj_at_k[i].estimate.ci95) : "-") +
             token_cell(p.tokens_per_problem, row.tokens_estimated > 0) + money_cell(p.cost_per_problem_usd) +
             "</tr>";
    }
  }
  return out + "</tbody></table></div>\n";
}

}  // namespace rb::reports::html
