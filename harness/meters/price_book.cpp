#include "harness/meters/price_book.hpp"

#include <array>

namespace rb::meters {

namespace {
// Read on 2026-11-29 through public pages (no provider page could be fetched from this machine;
// each row names the page it came from). Override with [model.prices] in the config.
constexpr std::string_view k_openai = "OpenAI list prices via llmcalc.app / developers.openai.com/api/docs/pricing, read 2026-11-29";
constexpr std::string_view k_deepseek = "api-docs.deepseek.com/quick_start/pricing (prices from 2025-09-05), read 2026-11-29";
constexpr std::string_view k_anthropic = "docs.anthropic.com/en/docs/about-claude/pricing, read 2026-11-29";

constexpr std::array<PriceBookEntry, 14> k_book{{
    {"gpt-4o-mini", 0.15, 0.075, 0.60, k_openai},
    {"gpt-4o", 2.50, 1.25, 10.00, k_openai},
    {"o1", 15.00, 7.50, 60.00, k_openai},
    {"o1-mini", 1.10, 0.55, 4.40, k_openai},
    {"o3-mini", 1.10, 0.55, 4.40, k_openai},
    {"deepseek-reasoner", 0.56, 0.07, 1.68, k_deepseek},
    {"deepseek-chat", 0.56, 0.07, 1.68, k_deepseek},
    {"claude-opus-4-1", 15.00, 1.50, 75.00, k_anthropic},
    {"claude-opus-4", 15.00, 1.50, 75.00, k_anthropic},
    {"claude-sonnet-4", 3.00, 0.30, 15.00, k_anthropic},
    {"claude-3-7-sonnet", 3.00, 0.30, 15.00, k_anthropic},
    {"claude-3-5-sonnet", 3.00, 0.30, 15.00, k_anthropic},
    {"claude-3-5-haiku", 0.80, 0.08, 4.00, k_anthropic},
    {"claude-3-haiku", 0.25, 0.03, 1.25, k_anthropic},
}};
}  // namespace

std::span<const PriceBookEntry> price_book() { return k_book; }

std::optional<Prices> book_prices(std::string_view model)
{
  const PriceBookEntry* best = nullptr;
  for (const auto& entry : k_book) {
    const bool exact = model == entry.model_prefix;
    const bool prefix = model.size() > entry.model_prefix.size() && model.starts_with(entry.model_prefix) &&
                        model[entry.model_prefix.size()] == '-';
    if ((exact || prefix) && (best == nullptr || entry.model_prefix.size() > best->model_prefix.size())) {
      best = &entry;
    }
  }
  if (best == nullptr) {
    return std::nullopt;
  }
  Prices prices;
  prices.input_per_mtok = best->input_per_mtok;
  prices.cached_input_per_mtok = best->cached_input_per_mtok;
  prices.output_per_mtok = best->output_per_mtok;
  prices.source = "price book: " + std::string(best->source);
  return prices;
}

}  // namespace rb::meters
