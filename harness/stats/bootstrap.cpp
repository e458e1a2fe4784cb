#include "harness/stats/bootstrap.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "harness/util/rng.hpp"

namespace rb::stats {

MeanEstimate bootstrap_mean(std::span<const double> per_problem, int resamples, std::uint64_t seed)
{
  MeanEstimate out;
  out.problems = static_cast<std::int64_t>(per_problem.size());
  out.ci95 = {0, 1};
  if (per_problem.empty()) {
    return out;
  }
  double sum = 0;
  for (const double v : per_problem) {
    sum += v;
  }
  const std::size_t n = per_problem.size();
  out.value = sum / static_cast<double>(n);
  if (n == 1 || resamples < 2) {
    out.ci95 = {out.value, out.value};
    return out;
  }
  util::SplitMix64 rng(seed);
  std::vector<double> means(static_cast<std::size_t>(resamples));
  for (auto& mean : means) {
    double s = 0;
    for (std::size_t i = 0; i < n; ++i) {
      s += per_problem[rng.below(n)];
    }
    mean = s / static_cast<double>(n);
  }
  double m = 0;
  for (const double x : means) {
    m += x;
  }
  m /= static_cast<double>(means.size());
  double ss = 0;
  for (const double x : means) {
    ss += (x - m) * (x - m);
  }
  out.std_error = std::sqrt(ss / static_cast<double>(means.size() - 1));
  std::vector<double> sorted = means;
  out.ci95 = {percentile(sorted, 0.025), percentile(sorted, 0.975)};
  return out;
}

MeanEstimate estimate_mean(std::span<const double> per_problem, bool single_binary, std::uint64_t seed)
{
  if (!single_binary) {
    return bootstrap_mean(per_problem, k_default_resamples, seed);
  }
  MeanEstimate out;
  out.problems = static_cast<std::int64_t>(per_problem.size());
  std::int64_t correct = 0;
  for (const double v : per_problem) {
    correct += v > 0.5 ? 1 : 0;
  }
  out.value = per_problem.empty() ? 0 : static_cast<double>(correct) / static_cast<double>(per_problem.size());
  out.std_error = per_problem.empty() ? 0 : std::sqrt(out.value * (1 - out.value) / static_cast<double>(per_problem.size()));
  out.ci95 = wilson(correct, out.problems);
  return out;
}

}  // namespace rb::stats
