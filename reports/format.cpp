#include "reports/format.hpp"

#include <fmt/format.h>

namespace rb::reports {

std::string percent(double fraction)
{
  return fmt::format("{:.1f}%", 100.0 * fraction);
}

std::string percent_interval(const stats::Interval& interval)
{
  return fmt::format("{:.1f}%–{:.1f}%", 100.0 * interval.low, 100.0 * interval.high);
}

std::string money(double usd)
{
  if (usd == 0) {
    return "-";
  }
  return usd >= 1 ? fmt::format("{:.2f}", usd) : fmt::format("{:.4f}", usd);
}

std::string tokens(double count)
{
  return fmt::format("{:.0f}", count);
}

std::string millis(double ms)
{
  return fmt::format("{:.0f}", ms);
}

std::string throughput(double tokens_per_s)
{
  return tokens_per_s < 0 ? std::string(k_not_measured) : fmt::format("{:.1f}", tokens_per_s);
}

std::string at_largest_k(const std::vector<KPoint>& points)
{
  return points.empty() ? std::string("-")
                        : fmt::format("{} (k={})", percent(points.back().estimate.value), points.back().k);
}

std::string ks_text(const std::vector<KPoint>& points)
{
  std::string out;
  for (const auto& p : points) {
    out += (out.empty() ? "" : ", ") + std::to_string(p.k);
  }
  return out;
}

}  // namespace rb::reports
