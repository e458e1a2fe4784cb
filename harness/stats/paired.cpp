#include "harness/stats/paired.hpp"

#include <cmath>
#include <stdexcept>
#include <vector>

#include "harness/util/rng.hpp"

namespace rb::stats {

PairedEstimate paired_bootstrap(std::span<const double> base, std::span<const double> candidate,
                                int resamples, std::uint64_t seed)
{
  if (base.size() != candidate.size()) {
    throw std::invalid_argument("paired bootstrap: " + std::to_string(base.size()) + " base scores but " +
                                std::to_string(candidate.size()) + " candidate scores");
  }
  PairedEstimate out;
  const std::size_t n = base.size();
  out.problems = static_cast<std::int64_t>(n);
  if (n == 0) {
    out.ci95 = {0, 0};
    return out;
  }
  std::vector<double> diffs(n);
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    diffs[i] = candidate[i] - base[i];
    sum += diffs[i];
  }
  out.difference = sum / static_cast<double>(n);
  out.ci95 = {out.difference, out.difference};
  if (n == 1 || resamples < 2) {
    out.p_value = 1.0;  // one problem cannot show anything
    return out;
  }
  util::SplitMix64 rng(seed);
  std::vector<double> means(static_cast<std::size_t>(resamples));
  const double observed = std::abs(out.difference);
  std::int64_t as_extreme = 0;
  for (auto& mean : means) {
    double s = 0;
    for (std::size_t i = 0; i < n; ++i) {
      s += diffs[rng.below(n)];
    }
    mean = s / static_cast<double>(n);
    // Rounding noise must not count a resample of an all-equal difference as "more extreme".
    if (std::abs(mean - out.difference) >= observed - 1e-12) {
      ++as_extreme;
    }
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
  out.ci95 = {percentile(means, 0.025), percentile(means, 0.975)};
  out.p_value =
      observed == 0 ? 1.0 : static_cast<double>(1 + as_extreme) / static_cast<double>(resamples + 1);
  return out;
}

}  // namespace rb::stats
