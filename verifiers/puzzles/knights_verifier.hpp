#pragma once
// The "knights_and_knaves" verifier: the answer must give every inhabitant's role, and the roles
// must equal the puzzle's unique solution. Reads statements such as "(1) Amelia is a knight",
// "Amelia: knave", "Amelia and Ben are knights", "Ben is not a knight" (= knave), in any order.
// A person given both roles, or no role, makes the answer incorrect. Checker data:
// {"names": [...], "solution": [true = knight, ...]}.
#include "harness/core/verifier.hpp"

namespace rb::verifiers {

class KnightsVerifier : public Verifier {
 public:
  std::string_view name() const override { return "knights_and_knaves"; }
  std::string_view version() const override { return "1"; }
  Verdict verify(const Problem& problem, const Response& response) const override;
};

}  // namespace rb::verifiers
