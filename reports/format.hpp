#pragma once
// Number formatting shared by the Markdown and HTML reports, so both print a figure the same way.
#include <string>

#include "harness/stats/accuracy.hpp"
#include "reports/summary.hpp"

namespace rb::reports {

inline constexpr const char* k_not_measured = "not measured";

/// "72.1%" (one decimal).
std::string percent(double fraction);
/// "68.0%–75.9%".
std::string percent_interval(const stats::Interval& interval);
/// Dollars: "-" for 0 (unpriced), 4 decimals below $1, else 2.
std::string money(double usd);
/// A count or mean of tokens, rounded: "1234".
std::string tokens(double count);
/// Milliseconds, rounded: "350".
std::string millis(double ms);
/// Output tokens per second, or "not measured" for a negative value.
std::string throughput(double tokens_per_s);
/// A figure at the row's largest k: "91.2% (k=16)", or "-" when absent.
std::string at_largest_k(const std::vector<KPoint>& points);
/// The ks of a row as "1, 2, 4, 8" (for captions).
std::string ks_text(const std::vector<KPoint>& points);

}  // namespace rb::reports
