#pragma once
// The HTML report's per-sample browser shows a bounded selection of samples, so that a report
// over a million samples stays small (docs/reports.md). BrowserPicker sees every sample's facts
// once and keeps candidates; fetch_browser_samples then reads the chosen samples' texts.
// Private to reports/.
#include <cstdint>
#include <span>
#include <vector>

#include "reports/summary.hpp"

namespace rb::reports {

class BrowserPicker {
 public:
  /// At most `budget` samples over every row.
  explicit BrowserPicker(std::size_t budget) : m_budget(budget) {}

  /// Considers sample `s` of row `row` (rows numbered from 0 in the order they appear).
  void consider(std::size_t row, const store::SampleFacts& s);

  /// The chosen sample ids, grouped by row, in id order within a row: each row gets an equal
  /// share of the budget, alternating samples that are not correct (the ones people look for)
  /// with correct ones, each in id order (the first sample of every problem first).
  std::vector<std::int64_t> picks() const;

 private:
  struct Candidates {
    std::vector<std::int64_t> not_correct;
    std::vector<std::int64_t> correct;
  };
  std::size_t m_budget;
  std::vector<Candidates> m_rows;
};

/// Reads the texts of `ids` (BrowserPicker::picks) from the store, in that order.
std::vector<BrowserSample> fetch_browser_samples(store::Store& store, std::span<const std::int64_t> ids);

}  // namespace rb::reports
