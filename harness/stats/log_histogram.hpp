#pragma once
// Quantiles of very many positive values (every inter-token gap of a run: billions at scale)
// in fixed memory: logarithmic bins 1% wide, so a quantile is exact to within 1% of its value.
// Values are summed exactly for the mean. Used for ITL (harness/stats/latency.hpp).
#include <cstdint>
#include <vector>

namespace rb::stats {

class LogHistogram {
 public:
  /// Values below `floor` count in the lowest bin (reported as floor); above `ceiling`, in the
  /// highest (reported as ceiling).
  explicit LogHistogram(double floor = k_default_floor, double ceiling = k_default_ceiling);

  void add(double value);
  void merge(const LogHistogram& other);  ///< same floor and ceiling
  std::int64_t count() const { return m_count; }
  double mean() const { return m_count == 0 ? 0 : m_sum / static_cast<double>(m_count); }
  /// The q-quantile (q in [0, 1]) by the same rank rule as stats::percentile, read as the
  /// geometric middle of the bin the rank falls in (the exact min and max at q = 0 and 1);
  /// 0 when empty.
  double quantile(double q) const;

  static constexpr double k_default_floor = 1e-3;    ///< 1 µs, in ms
  static constexpr double k_default_ceiling = 36e5;  ///< one hour, in ms
  static constexpr double k_bin_ratio = 1.01;

 private:
  std::size_t bin(double value) const;
  double m_floor;
  double m_log_floor;
  std::vector<std::int64_t> m_bins;
  std::int64_t m_count = 0;
  double m_sum = 0;
  double m_min = 0;
  double m_max = 0;
};

}  // namespace rb::stats
