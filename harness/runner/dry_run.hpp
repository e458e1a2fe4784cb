#pragma once
// `reasonbench run --dry-run`: what a run will cost before any money is spent. Prompt tokens
// are estimated from the rendered prompts (4 characters per token); output tokens come from an
// assumption (--assume-output-tokens) or from pilot samples (--pilot N: the first N items of
// each model are run for real and stored in the run, so resuming it never pays for them again).
#include <cstdint>
#include <string>
#include <vector>

#include "harness/runner/plan.hpp"

namespace rb::runner {

inline constexpr std::int64_t k_default_assumed_output_tokens = 2000;
inline constexpr double k_chars_per_token = 4.0;

struct OutputTokenBasis {
  double tokens_per_sample = 0;
  std::string basis;  ///< "assumed" or "measured on N pilot samples"
};

struct DryRunRow {
  std::string model;
  std::int64_t items = 0;
  double prompt_tokens = 0;
  double output_tokens = 0;
  std::string output_basis;
  double cost_usd = 0;
  std::string price_source;  ///< "config", a price-book source, or "unpriced"
};

/// Estimates per model. `bases` has one entry per plan model.
std::vector<DryRunRow> estimate_run(const Plan& plan, const std::vector<OutputTokenBasis>& bases);

/// A Markdown table of the rows, with totals.
std::string dry_run_table(const std::vector<DryRunRow>& rows);

/// The first `per_model` items of each model, in plan order (the pilot).
std::vector<WorkItem> pilot_items(const Plan& plan, std::int64_t per_model);

}  // namespace rb::runner
