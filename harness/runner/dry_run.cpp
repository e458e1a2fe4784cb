#include "harness/runner/dry_run.hpp"

#include <fmt/format.h>

#include "harness/core/pricing.hpp"

namespace rb::runner {

std::vector<DryRunRow> estimate_run(const Plan& plan, const std::vector<OutputTokenBasis>& bases)
{
  std::vector<DryRunRow> rows(plan.models.size());
  std::vector<double> prompt_chars(plan.models.size(), 0.0);
  for (const auto& item : plan.items) {
    const auto& suite = plan.suites[item.suite].suite;
    double chars = 0;
    for (const auto& message : suite.prompt.render(suite.problems[item.problem])) {
      chars += static_cast<double>(message.content.size());
    }
    prompt_chars[item.model] += chars;
    ++rows[item.model].items;
  }
  for (std::size_t m = 0; m < rows.size(); ++m) {
    DryRunRow& row = rows[m];
    const auto& config = plan.models[m].config;
    row.model = config.label;
    row.prompt_tokens = prompt_chars[m] / k_chars_per_token;
    row.output_tokens = bases[m].tokens_per_sample * static_cast<double>(row.items);
    row.output_basis = bases[m].basis;
    Usage usage;
    usage.prompt_tokens = static_cast<std::int64_t>(row.prompt_tokens);
    usage.completion_tokens = static_cast<std::int64_t>(row.output_tokens);
    row.cost_usd = cost_usd(usage, config.prices);
    row.price_source = !config.prices.known() ? "unpriced" : (config.prices.source.empty() ? "config" : config.prices.source);
  }
  return rows;
}

std::string dry_run_table(const std::vector<DryRunRow>& rows)
{
  std::string out =
      "| model | items | prompt tokens (est.) | output tokens (est.) | output basis | cost $ (est.) | prices |\n"
      "|---|--:|--:|--:|---|--:|---|\n";
  DryRunRow total;
  for (const auto& r : rows) {
    out += fmt::format("| {} | {} | {:.0f} | {:.0f} | {} | {:.2f} | {} |\n", r.model, r.items, r.prompt_tokens,
                       r.output_tokens, r.output_basis, r.cost_usd, r.price_source);
    total.items += r.items;
    total.prompt_tokens += r.prompt_tokens;
    total.output_tokens += r.output_tokens;
    total.cost_usd += r.cost_usd;
  }
  out += fmt::format("| total | {} | {:.0f} | {:.0f} |  | {:.2f} |  |\n", total.items, total.prompt_tokens,
                     total.output_tokens, total.cost_usd);
  return out;
}

std::vector<WorkItem> pilot_items(const Plan& plan, std::int64_t per_model)
{
  std::vector<std::int64_t> taken(plan.models.size(), 0);
  std::vector<WorkItem> out;
  for (const auto& item : plan.items) {
    if (taken[item.model] < per_model) {
      ++taken[item.model];
      out.push_back(item);
    }
  }
  return out;
}

}  // namespace rb::runner
