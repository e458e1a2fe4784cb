#include "harness/stats/mcnemar.hpp"

#include <boost/math/distributions/binomial.hpp>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace rb::stats {

McNemarResult mcnemar_exact(std::int64_t base_only, std::int64_t candidate_only)
{
  if (base_only < 0 || candidate_only < 0) {
    throw std::invalid_argument("mcnemar: negative count (" + std::to_string(base_only) + ", " +
                                std::to_string(candidate_only) + ")");
  }
  McNemarResult out{base_only, candidate_only, 1.0};
  const std::int64_t discordant = base_only + candidate_only;
  if (discordant == 0 || base_only == candidate_only) {
    return out;  // P(X <= n/2) >= 1/2 when b = c: the doubled tail is capped at 1
  }
  const boost::math::binomial_distribution<double> null_split(static_cast<double>(discordant), 0.5);
  const double tail = boost::math::cdf(null_split, static_cast<double>(std::min(base_only, candidate_only)));
  out.p_value = std::min(1.0, 2.0 * tail);
  return out;
}

}  // namespace rb::stats
