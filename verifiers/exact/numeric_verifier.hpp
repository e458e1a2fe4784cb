#pragma once
// The "numeric" verifier: the final answer is one number, compared exactly (as a rational, with
// GMP) with the gold answer: 0.5 = 1/2 = \frac{1}{2}, 1,000 = 1000, but 0.333 != 1/3 and
// 50 != 0.5 (Qwen's grader accepts the latter; we never apply a tolerance).
// Extraction, in order: the last \boxed{}/\fbox{}; "answer is X" / "Answer: X"; the last number
// in the answer part (reported as a fallback in the verdict's detail).
#include <optional>
#include <string>
#include <string_view>

#include "harness/core/verifier.hpp"

namespace rb::verifiers {

/// The extracted answer and the rule that found it.
struct Extraction {
  std::string answer;
  std::string rule;  ///< "boxed", "answer phrase", "last number (fallback)"
};

std::optional<Extraction> extract_final_answer(std::string_view text);

/// Reduces "1,234.50", "-3/4", "\frac{3}{4}", "$12$" to a canonical rational "p/q" or "p"; nothing
/// when `text` is not one number.
std::optional<std::string> canonical_number(std::string_view text);

class NumericVerifier : public Verifier {
 public:
  std::string_view name() const override { return "numeric"; }
  std::string_view version() const override { return "1"; }
  Verdict verify(const Problem& problem, const Response& response) const override;
};

}  // namespace rb::verifiers
