#pragma once
// Accuracy with an honest interval. With one sample per problem: the Wilson score interval.
// With n samples per problem: avg@n (the mean over problems of each problem's success rate, the
// unbiased pass@1) with a problem-level (cluster) bootstrap interval, because samples of one
// problem are not independent (harness/stats/bootstrap.hpp).
#include <cstdint>
#include <span>
#include <vector>

namespace rb::stats {

inline constexpr double k_z95 = 1.959963984540054;

struct Interval {
  double low = 0;
  double high = 0;
};

/// Wilson score interval for `successes` out of `trials` (trials > 0), at normal quantile z.
Interval wilson(std::int64_t successes, std::int64_t trials, double z = k_z95);

struct ProblemTally {
  std::int64_t correct = 0;
  std::int64_t samples = 0;
};

struct AccuracyEstimate {
  double value = 0;       ///< avg@n in [0, 1]
  double std_error = 0;   ///< problem-level
  Interval ci95;
  std::int64_t problems = 0;
  std::int64_t samples = 0;
  std::int64_t correct = 0;
};

/// Problems with no samples are ignored. All problems with one sample: Wilson; otherwise the
/// mean of per-problem rates with the seeded problem-level bootstrap (standard error and 95%
/// percentile interval).
AccuracyEstimate accuracy(std::span<const ProblemTally> problems);

/// Linear-interpolation percentile (q in [0, 1]) of `values` (sorted in place); 0 when empty.
double percentile(std::vector<double>& values, double q);

}  // namespace rb::stats
