#pragma once
// McNemar's exact test for paired binary outcomes: two runs answered the same problems once
// each; only the discordant problems (right in one run, wrong in the other) carry information.
// Used by `reasonbench compare` for one sample per problem (reports/compare.cpp).
#include <cstdint>

namespace rb::stats {

struct McNemarResult {
  std::int64_t base_only = 0;       ///< b: right in the base run, wrong in the candidate
  std::int64_t candidate_only = 0;  ///< c: wrong in the base run, right in the candidate
  double p_value = 1;               ///< exact two-sided p-value
};

/// Exact two-sided McNemar test: under H0 the b + c discordant problems split as Bin(b + c, 1/2);
/// p = min(1, 2 P(X <= min(b, c))). No discordant problems: p = 1. Throws std::invalid_argument
/// for a negative count.
McNemarResult mcnemar_exact(std::int64_t base_only, std::int64_t candidate_only);

}  // namespace rb::stats
