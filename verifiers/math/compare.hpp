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

/// Deterministic and bounded (an evaluation step budget per call); thread-safe.
Decision equivalent(const Tree& gold, const Tree& pred);

}  // namespace rb::verifiers::math
