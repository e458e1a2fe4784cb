#include "harness/stats/log_histogram.hpp"

#include <algorithm>
#include <cmath>

namespace rb::stats {

namespace {
const double k_log_ratio = std::log(LogHistogram::k_bin_ratio);
}

LogHistogram::LogHistogram(double floor, double ceiling) : m_floor(floor), m_log_floor(std::log(floor))
{
  const auto bins = static_cast<std::size_t>(std::ceil((std::log(ceiling) - m_log_floor) / k_log_ratio)) + 1;
  m_bins.assign(bins, 0);
}

std::size_t LogHistogram::bin(double value) const
{
  if (!(value > m_floor)) {
    return 0;
  }
  const auto index = static_cast<std::size_t>((std::log(value) - m_log_floor) / k_log_ratio);
  return std::min(index, m_bins.size() - 1);
}

void LogHistogram::add(double value)
{
  if (!std::isfinite(value)) {
    return;
  }
  value = std::max(value, 0.0);
  ++m_bins[bin(value)];
  m_min = m_count == 0 ? value : std::min(m_min, value);
  m_max = m_count == 0 ? value : std::max(m_max, value);
  ++m_count;
  m_sum += value;
}

void LogHistogram::merge(const LogHistogram& other)
{
  if (other.m_count == 0) {
    return;
  }
  for (std::size_t i = 0; i < m_bins.size() && i < other.m_bins.size(); ++i) {
    m_bins[i] += other.m_bins[i];
  }
  m_min = m_count == 0 ? other.m_min : std::min(m_min, other.m_min);
  m_max = m_count == 0 ? other.m_max : std::max(m_max, other.m_max);
  m_count += other.m_count;
  m_sum += other.m_sum;
}

double LogHistogram::quantile(double q) const
{
  if (m_count == 0) {
    return 0;
  }
  q = std::clamp(q, 0.0, 1.0);
  if (q == 0) {
    return m_min;
  }
  if (q == 1) {
    return m_max;
  }
  // The rank stats::percentile interpolates at; the value is the middle of its bin.
  const auto rank = static_cast<std::int64_t>(std::llround(q * static_cast<double>(m_count - 1)));
  std::int64_t seen = 0;
  for (std::size_t i = 0; i < m_bins.size(); ++i) {
    seen += m_bins[i];
    if (seen > rank) {
      const double middle = std::exp(m_log_floor + (static_cast<double>(i) + 0.5) * k_log_ratio);
      return std::clamp(middle, m_min, m_max);
    }
  }
  return m_max;
}

}  // namespace rb::stats
