#pragma once
// Equivalence of a predicted answer and the gold answer, both parsed. The rules, each with the
// known grader mistake it defends against, are listed in docs/math.md. Internal.
#include <string>

#include "verifiers/math/expr.hpp"

namespace rb::verifiers::math {

struct Decision {
  bool equal = false;
  std::string rule;  ///< the rule that decided, for the verdict's detail
};

/// What the problem says that changes a rule.
struct CompareContext {
  /// The problem asks for a percentage ("What percent of..."): a % sign the gold answer omits
  /// may be written ("10\%" for gold 10). Otherwise a % added by the answer divides by 100.
  bool percent_question = false;
};

/// Deterministic and bounded (an evaluation step budget per call); thread-safe.
Decision equivalent(const Tree& gold, const Tree& pred, const CompareContext& context = {});

}  // namespace rb::verifiers::math
