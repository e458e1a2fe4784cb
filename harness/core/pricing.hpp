#pragma once
// Prices of a model in US dollars per million tokens, and the cost of one sample's usage.
#include <string>

#include "harness/core/sample.hpp"

namespace rb {

struct Prices {
  double input_per_mtok = 0;         ///< uncached prompt tokens
  double cached_input_per_mtok = -1; ///< cached prompt tokens; < 0: same as input
  double output_per_mtok = 0;        ///< completion tokens, reasoning included
  /// Where the figures came from, shown in reports: "config", or the price book's source and
  /// the date it was read ("price book: api-docs.deepseek.com, read 2026-11-29").
  std::string source;
  bool known() const { return input_per_mtok > 0 || output_per_mtok > 0; }
};

/// Dollars for `usage` at `prices`; 0 when the prices are unknown.
double cost_usd(const Usage& usage, const Prices& prices);

}  // namespace rb
