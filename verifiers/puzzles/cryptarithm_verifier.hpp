#pragma once
// The "cryptarithm" verifier: the letter-to-digit assignment must give every letter a digit,
// different letters different digits, no leading zero, and make the addition true — checked as
// rules, so any solution counts and the verdict names the broken rule ("S and M both stand for
// 9"; "9567 + 1085 = 10652, but MONEY is 10642"). Reads "S=9, E=5" (also "S: 9", "S -> 9",
// "S is 9") or, failing that, the solved sum "9567 + 1085 = 10652". Checker data: {"addends":
// ["SEND", "MORE"], "result": "MONEY"}.
#include "harness/core/verifier.hpp"

namespace rb::verifiers {

class CryptarithmVerifier : public Verifier {
 public:
  std::string_view name() const override { return "cryptarithm"; }
  std::string_view version() const override { return "1"; }
  Verdict verify(const Problem& problem, const Response& response) const override;
};

}  // namespace rb::verifiers
