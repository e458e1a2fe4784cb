#pragma once
// Problem-level (cluster) bootstrap for figures that are means over problems of a per-problem
// value (avg@n, pass@k, maj@k): samples of one problem are not independent, so problems are
// resampled, not samples. Seeded, so a report is reproducible.
#include <cstdint>
#include <span>

#include "harness/stats/accuracy.hpp"

namespace rb::stats {

inline constexpr int k_default_resamples = 2000;
inline constexpr std::uint64_t k_default_bootstrap_seed = 20250122;  // R1 report date

struct MeanEstimate {
  double value = 0;
  double std_error = 0;
  Interval ci95;
  std::int64_t problems = 0;
};

/// Mean of `per_problem` with the bootstrap standard error and the 95% percentile interval.
/// Empty input: value 0, interval [0, 1].
MeanEstimate bootstrap_mean(std::span<const double> per_problem, int resamples = k_default_resamples,
                            std::uint64_t seed = k_default_bootstrap_seed);

/// The interval for a figure over problems: Wilson when every problem has one 0/1 value
/// (`single_binary`), else the bootstrap. The figure reports say which.
MeanEstimate estimate_mean(std::span<const double> per_problem, bool single_binary,
                           std::uint64_t seed = k_default_bootstrap_seed);

}  // namespace rb::stats
