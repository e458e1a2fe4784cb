#pragma once
// The "countdown" verifier (countdown and game-of-24 suites): the answer is an arithmetic
// expression over the given numbers that evaluates exactly (GMP rationals) to the target.
// Number-use rule, as TinyZero's reward checks it (verl/utils/reward_score/countdown.py): the
// multiset of integer literals must equal the given numbers, so each is used exactly once
// ("use": "all"); "use": "subset" allows leaving numbers out. Checker data:
// {"numbers": [...], "target": T, "use": "all"|"subset"}. Stricter than TinyZero: ** and //
// (which its eval accepts) and decimals (2.5 counts as 2 and 5 there) are refused.
#include "harness/core/verifier.hpp"

namespace rb::verifiers {

class CountdownVerifier : public Verifier {
 public:
  std::string_view name() const override { return "countdown"; }
  std::string_view version() const override { return "1"; }
  Verdict verify(const Problem& problem, const Response& response) const override;
};

}  // namespace rb::verifiers
