#pragma once
// Builds one summary row (run, model, suite) from the store's sample facts: add() keeps what
// each figure needs in compact form (about 24 bytes a sample), finish() computes the figures.
// Private to reports/.
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "reports/summary.hpp"

namespace rb::reports {

/// A sample reduced to what the figures need.
struct CompactSample {
  std::uint32_t problem = 0;  ///< index into RowBuilder's problems
  std::int32_t sample_index = 0;
  std::int32_t vote = -1;  ///< interned Verdict::vote; -1: no vote
  std::uint8_t state = 0;  ///< a VerdictKind, or k_failed / k_ungraded
  float output_tokens = 0;
  float reasoning_tokens = 0;
  float score = -std::numeric_limits<float>::infinity();  ///< reward-model score; -inf: none
};

class RowBuilder {
 public:
  static constexpr std::uint8_t k_failed = 254;    ///< a failed generation (its verdict is error)
  static constexpr std::uint8_t k_ungraded = 255;  ///< no verdict yet

  RowBuilder(std::string_view model, std::string_view suite);

  /// `score`: the sample's reward-model score, if the run was scored.
  void add(const store::SampleFacts& s, std::optional<float> score = std::nullopt);

  /// problems.id of each problem's first sample, by problem index (for metadata look-ups).
  const std::vector<std::int64_t>& problem_refs() const { return m_problem_refs; }

  /// Computes every figure. `difficulty[i]` is problem i's difficulty ("" for none; may be
  /// empty altogether).
  SummaryRow finish(const std::vector<std::string>& difficulty);

 private:
  void finish_counts(SummaryRow& r);
  void finish_scaling(SummaryRow& r);
  void finish_selection(SummaryRow& r, const std::vector<std::pair<std::size_t, std::size_t>>& ranges,
                        const std::vector<CompactSample>& samples, const std::vector<int>& ks, bool single);
  void finish_lengths(SummaryRow& r);
  void finish_difficulty(SummaryRow& r, const std::vector<std::string>& difficulty);

  SummaryRow m_row;
  std::unordered_map<std::string, std::uint32_t> m_problem_index;  // by problem id
  std::vector<std::int64_t> m_problem_refs;
  std::unordered_map<std::string, std::int32_t> m_votes;
  std::vector<CompactSample> m_samples;  // graded and failed samples (ungraded ones only counted)
  std::vector<double> m_e2e_ms;
  std::vector<double> m_ttft_ms;
  double m_output_tokens = 0;
  double m_reasoning_tokens = 0;
  std::int64_t m_generated = 0;
  double m_window_start_ms = 0;  // throughput window over samples generated in the run
  double m_window_end_ms = 0;
  double m_window_tokens = 0;
  bool m_window_open = false;
  bool m_any_reasoning = false;
  std::int64_t m_scored = 0;
};

/// The difficulty a problem's metadata names ("difficulty", else "level"), or "".
std::string difficulty_of(const Problem& problem);

/// Orders difficulty labels: numerically when all are numbers (`numeric`), "easy < medium <
/// hard" when all are among those words (or introductory, interview, competition), else
/// alphabetically.
bool difficulty_less(const std::string& a, const std::string& b, bool numeric);

/// Linear-interpolation quantile (q in [0, 1]) of values already sorted ascending, by
/// stats::percentile's rule; 0 when empty.
double sorted_quantile(const std::vector<double>& sorted, double q);

/// Milliseconds since the Unix epoch of an ISO 8601 UTC time "YYYY-MM-DDTHH:MM:SS[.mmm]Z";
/// nothing when it is not in that form.
std::optional<double> parse_iso8601_ms(std::string_view text);

}  // namespace rb::reports
