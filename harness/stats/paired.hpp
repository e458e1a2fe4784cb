#pragma once
// Paired problem-level bootstrap for the difference between two runs on the same problems
// (`reasonbench compare` with n samples per problem). Each problem contributes one pair of
// per-problem scores (e.g. the share of correct samples in each run); problems are resampled
// with their pair kept together, so the correlation between the runs is respected (unlike
// lm-eval's z-test on independent samples). Seeded, so a comparison is reproducible.
#include <cstdint>
#include <span>

#include "harness/stats/accuracy.hpp"

namespace rb::stats {

inline constexpr int k_paired_resamples = 10000;

struct PairedEstimate {
  double difference = 0;  ///< mean(candidate - base) over problems
  double std_error = 0;   ///< bootstrap standard error of the difference
  Interval ci95;          ///< 95% percentile interval of the difference
  double p_value = 1;     ///< two-sided, from the null-centred bootstrap (see paired_bootstrap)
  std::int64_t problems = 0;
};

/// `base[i]` and `candidate[i]` are problem i's scores in the two runs (equal lengths, else
/// std::invalid_argument). The p-value tests H0 "no difference" by shifting the bootstrap
/// distribution to the null (Hall & Wilson 1991): p = (1 + #{|d* - d| >= |d|}) / (B + 1).
/// Empty input: difference 0, p 1. A difference of exactly 0: p 1.
PairedEstimate paired_bootstrap(std::span<const double> base, std::span<const double> candidate,
                                int resamples = k_paired_resamples, std::uint64_t seed = 20250122);

}  // namespace rb::stats
