#pragma once
// The "linear_system" verifier: the values given for the unknowns must satisfy every equation
// exactly (GMP rationals; "x = 3/2" and "x = 1.5" are the same value), checked equation by
// equation ("equation 2: the left side is 9, not 7"). Reads "x = 3, y = -2" or, failing that, a
// tuple of n numbers in the variables' order. Checker data: {"variables": ["x", ...],
// "equations": [{"coefficients": [...], "rhs": r}]}.
#include "harness/core/verifier.hpp"

namespace rb::verifiers {

class LinearSystemVerifier : public Verifier {
 public:
  std::string_view name() const override { return "linear_system"; }
  std::string_view version() const override { return "1"; }
  Verdict verify(const Problem& problem, const Response& response) const override;
};

}  // namespace rb::verifiers
