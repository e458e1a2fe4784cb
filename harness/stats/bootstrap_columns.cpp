#include "harness/stats/bootstrap_columns.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "harness/util/rng.hpp"

namespace rb::stats {

std::vector<MeanEstimate> estimate_means(std::span<const std::vector<double>> columns, bool single_binary,
                                         int resamples, std::uint64_t seed)
{
  std::vector<MeanEstimate> out;
  out.reserve(columns.size());
  if (columns.empty()) {
    return out;
  }
  const std::size_t n = columns.front().size();
  for (const auto& column : columns) {
    if (column.size() != n) {
      throw std::invalid_argument("estimate_means: columns of " + std::to_string(n) + " and " +
                                  std::to_string(column.size()) + " problems");
    }
  }
  if (single_binary || n <= 1 || resamples < 2) {
    for (const auto& column : columns) {
      out.push_back(single_binary ? estimate_mean(column, true, seed)
                                  : bootstrap_mean(column, resamples, seed));
    }
    return out;
  }
  const std::size_t m = columns.size();
  std::vector<double> by_problem(n * m);  // row-major: one problem's figures side by side
  for (std::size_t j = 0; j < m; ++j) {
    for (std::size_t i = 0; i < n; ++i) {
      by_problem[i * m + j] = columns[j][i];
    }
  }
  const auto r = static_cast<std::size_t>(resamples);
  std::vector<double> means(r * m);  // column-major: column j's resample means are contiguous
  std::vector<double> sums(m);
  util::SplitMix64 rng(seed);
  for (std::size_t b = 0; b < r; ++b) {
    std::fill(sums.begin(), sums.end(), 0.0);
    for (std::size_t i = 0; i < n; ++i) {
      const double* row = &by_problem[rng.below(n) * m];
      for (std::size_t j = 0; j < m; ++j) {
        sums[j] += row[j];
      }
    }
    for (std::size_t j = 0; j < m; ++j) {
      means[j * r + b] = sums[j] / static_cast<double>(n);
    }
  }
  for (std::size_t j = 0; j < m; ++j) {
    MeanEstimate e;
    e.problems = static_cast<std::int64_t>(n);
    double sum = 0;
    for (const double v : columns[j]) {
      sum += v;
    }
    e.value = sum / static_cast<double>(n);
    std::vector<double> column_means(means.begin() + static_cast<std::ptrdiff_t>(j * r),
                                     means.begin() + static_cast<std::ptrdiff_t>((j + 1) * r));
    double mean = 0;
    for (const double x : column_means) {
      mean += x;
    }
    mean /= static_cast<double>(r);
    double ss = 0;
    for (const double x : column_means) {
      ss += (x - mean) * (x - mean);
    }
    e.std_error = std::sqrt(ss / static_cast<double>(r - 1));
    e.ci95 = {percentile(column_means, 0.025), percentile(column_means, 0.975)};
    out.push_back(e);
  }
  return out;
}

}  // namespace rb::stats
