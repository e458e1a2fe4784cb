#pragma once
// Default prices of well-known API models (USD per million tokens), each marked with where and
// when it was read. Used only when a model's config sets no prices; `[model.prices]` always
// wins. Prices change: reports name the source and date, and docs/meters.md says how to
// override them.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "harness/core/pricing.hpp"

namespace rb::meters {

struct PriceBookEntry {
  std::string_view model_prefix;  ///< matches the model name exactly or as a prefix followed by '-'
  double input_per_mtok;
  double cached_input_per_mtok;
  double output_per_mtok;
  std::string_view source;  ///< "api-docs.deepseek.com (prices from 2025-09-05), read 2026-11-29"
};

std::span<const PriceBookEntry> price_book();

/// The prices of `model` (the name sent to the API, e.g. "o3-mini", "claude-sonnet-4-20250514"),
/// or nothing when the book does not know it. The longest matching prefix wins.
std::optional<Prices> book_prices(std::string_view model);

}  // namespace rb::meters
