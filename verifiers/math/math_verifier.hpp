#pragma once
// The "math" verifier: finds the final answer in a response (verifiers/math/extract.hpp), parses
// it and the gold answer (LaTeX or plain text) and decides equivalence: exact rational and
// radical arithmetic, identity testing at high precision for expressions, sets, tuples,
// intervals, matrices, equations, units, percent. Each verdict names the extracted answer, the
// extraction rule and the equivalence rule that decided (docs/math.md lists the rules).
// Deterministic, thread-safe, no signals; every item's work is bounded by construction.
#include <optional>
#include <string>
#include <string_view>

#include "harness/core/verifier.hpp"

namespace rb::verifiers {

/// The outcome of comparing two bare answers, for tests and tools.
struct MathComparison {
  bool equal = false;
  std::string rule;
};

/// Compares a predicted bare answer with a gold answer (no extraction).
MathComparison compare_math_answers(std::string_view gold, std::string_view predicted);

class MathVerifier : public Verifier {
 public:
  std::string_view name() const override { return "math"; }
  std::string_view version() const override { return "1"; }
  Verdict verify(const Problem& problem, const Response& response) const override;
};

}  // namespace rb::verifiers
