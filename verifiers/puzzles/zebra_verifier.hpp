#pragma once
// The "zebra" verifier: the answer must place every value of every attribute in exactly one
// house, one value per attribute per house, and satisfy every clue; the verdict names the first
// broken rule ("puts 'red' in houses 1 and 3", "breaks clue 4: ..."). Reads "House 2: red, Dane,
// cat" lines, tables with a house-number column, or JSON: a house number switches the house,
// and each known value after it is placed there. Checker data: {"houses", "attributes":
// [{"name", "values"}], "clues": [{"kind", "a", "b" | "house"}], "solution"}.
#include "harness/core/verifier.hpp"

namespace rb::verifiers {

class ZebraVerifier : public Verifier {
 public:
  std::string_view name() const override { return "zebra"; }
  std::string_view version() const override { return "1"; }
  Verdict verify(const Problem& problem, const Response& response) const override;
};

}  // namespace rb::verifiers
