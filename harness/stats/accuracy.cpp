#include "harness/stats/accuracy.hpp"

#include "harness/stats/bootstrap.hpp"

#include <algorithm>
#include <cmath>

namespace rb::stats {

Interval wilson(std::int64_t successes, std::int64_t trials, double z)
{
  if (trials <= 0) {
    return {0, 1};
  }
  const double n = static_cast<double>(trials);
  const double p = static_cast<double>(successes) / n;
  const double z2 = z * z;
  const double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const double half = z * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
  return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

AccuracyEstimate accuracy(std::span<const ProblemTally> problems)
{
  AccuracyEstimate out;
  bool single = true;
  double sum_rates = 0;
  for (const auto& t : problems) {
    if (t.samples <= 0) {
      continue;
    }
    ++out.problems;
    out.samples += t.samples;
    out.correct += t.correct;
    single = single && t.samples == 1;
    sum_rates += static_cast<double>(t.correct) / static_cast<double>(t.samples);
  }
  if (out.problems == 0) {
    out.ci95 = {0, 1};
    return out;
  }
  const double k = static_cast<double>(out.problems);
  out.value = sum_rates / k;
  if (single) {
    out.std_error = std::sqrt(out.value * (1 - out.value) / k);
    out.ci95 = wilson(out.correct, out.samples);
    return out;
  }
  std::vector<double> rates;
  rates.reserve(problems.size());
  for (const auto& t : problems) {
    if (t.samples > 0) {
      rates.push_back(static_cast<double>(t.correct) / static_cast<double>(t.samples));
    }
  }
  const MeanEstimate boot = bootstrap_mean(rates);
  out.std_error = boot.std_error;
  out.ci95 = boot.ci95;
  return out;
}

double percentile(std::vector<double>& values, double q)
{
  if (values.empty()) {
    return 0;
  }
  std::sort(values.begin(), values.end());
  const double pos = std::clamp(q, 0.0, 1.0) * static_cast<double>(values.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(pos));
  const auto hi = static_cast<std::size_t>(std::ceil(pos));
  return values[lo] + (values[hi] - values[lo]) * (pos - static_cast<double>(lo));
}

}  // namespace rb::stats
