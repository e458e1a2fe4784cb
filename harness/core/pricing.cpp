#include "harness/core/pricing.hpp"

#include <algorithm>

namespace rb {

double cost_usd(const Usage& usage, const Prices& prices)
{
  const double cached = static_cast<double>(std::clamp(usage.cached_tokens, std::int64_t{0}, usage.prompt_tokens));
  const double uncached = static_cast<double>(usage.prompt_tokens) - cached;
  const double cached_price = prices.cached_input_per_mtok < 0 ? prices.input_per_mtok : prices.cached_input_per_mtok;
  return (uncached * prices.input_per_mtok + cached * cached_price +
          static_cast<double>(usage.completion_tokens) * prices.output_per_mtok) /
         1e6;
}

}  // namespace rb
