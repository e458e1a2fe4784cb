// The HTML summary table (model x suite) and the scaling table (pass@k, maj@k at every k).
#include <fmt/format.h>

#include "reports/columns.hpp"
#include "reports/format.hpp"
#include "reports/html/escape.hpp"
#include "reports/html/view.hpp"

namespace rb::reports::html {

namespace {

struct Header {
  const char* name;
  const char* definition;  // the header's tooltip
};

std::string header(const Header* columns, std::size_t count)
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

/// A summary cell with its marks: SIMULATED and est. badges, "not measured" and "not priced".
std::string marked_cell(const reports::Column& column, const reports::Cell& c)
{
  const char* cls = column.left ? "text" : "num";
  switch (c.mark) {
    case Mark::not_measured:
      return "<td class=\"not-measured\">not measured</td>";
    case Mark::not_priced:
      return "<td class=\"not-measured\">not priced</td>";
    case Mark::estimated:
      return fmt::format(
          "<td class=\"{}\">{} <span class=\"badge estimated\" title=\"usage not reported: "
          "estimated\">est.</span></td>",
          cls, escape_html(c.text));
    case Mark::simulated:
      return fmt::format("<td class=\"{}\">{} <span class=\"badge simulated\">SIMULATED</span></td>", cls,
                         escape_html(c.text));
    case Mark::none:
      break;
  }
  return fmt::format("<td class=\"{}\">{}</td>", cls, escape_html(c.text));
}

}  // namespace

std::string summary_table(const ReportView& view)
{
  // The columns come from reports/columns.cpp (marked k_in_html).
  const auto cols = table_columns(k_in_html);
  std::string out = "<div class=\"table-wrap\"><table id=\"summary-table\" class=\"data\"><thead><tr>";
  for (const reports::Column* c : cols) {
    out += fmt::format("<th scope=\"col\" title=\"{}\">{}</th>", escape_html(c->definition),
                       escape_html(c->label));
  }
  out += "</tr></thead><tbody>";
  for (const auto& r : view.rows) {
    const RowRef ref{*r.run, *r.row, r.series};
    out += fmt::format("<tr data-model=\"{}\" data-suite=\"{}\">", escape_html(r.series),
                       escape_html(r.row->suite));
    for (const reports::Column* c : cols) {
      out += marked_cell(*c, c->display(ref));
    }
    out += "</tr>";
  }
  return out + "</tbody></table></div>\n";
}

std::string scaling_table(const ReportView& view)
{
  static constexpr Header k_columns[] = {
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

std::string selection_table(const ReportView& view)
{
  static constexpr Header k_columns[] = {
      {"model", "the model's label"},
      {"suite", "the suite"},
      {"figure", "how one answer is chosen per block of k samples (docs/strategies.md)"},
      {"k", "samples per block"},
      {"accuracy", "share of blocks whose chosen answer is correct, averaged over problems"},
      {"95% interval", "problem-level bootstrap (Wilson at one sample per problem)"},
      {"output tok/problem", "k x mean output tokens per generated sample"},
  };
  std::string rows;
  const auto add = [&rows](const RowView& r, const std::string& figure, const std::vector<KPoint>& points) {
    for (const auto& p : points) {
      rows += "<tr>" + model_cell(r) + cell(r.row->suite, "text") + cell(figure, "text") + cell(std::to_string(p.k)) +
              cell(percent(p.estimate.value)) + cell(percent_interval(p.estimate.ci95)) +
              token_cell(p.tokens_per_problem, r.row->tokens_estimated > 0) + "</tr>";
    }
  };
  for (const auto& r : view.rows) {
    const SummaryRow& row = *r.row;
    if (row.samples_per_problem <= 1) {
      continue;
    }
    for (const auto& curve : row.best_of_k) {
      add(r,
          curve.selector == "oracle"   ? "best-of-k: oracle (= pass@k, upper bound)"
          : curve.selector == "reward" ? "best-of-k: reward (" + row.scorer + ")"
                                       : "best-of-k: " + curve.selector,
          curve.points);
    }
    add(r, "reward-weighted maj@k", row.weighted_maj_at_k);
    add(r, "pass^k (all k correct)", row.pass_hat_k);
  }
  if (rows.empty()) {
    return "";
  }
  return "<div class=\"table-wrap\"><table id=\"selection-table\" class=\"data\">" +
         header(k_columns, std::size(k_columns)) + "<tbody>" + rows + "</tbody></table></div>\n";
}

}  // namespace rb::reports::html
