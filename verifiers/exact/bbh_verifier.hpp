#pragma once
// The "bbh" verifier (BIG-Bench Hard and the three ToolMaker extra tasks): exact match in the
// task's answer form, after extracting the final answer (answer tag, \boxed{}, "the answer is",
// last line) and reducing it to that form, so "(B)", "B", "B)" and "Option B" are one answer.
// Forms (checker data {"form": ..., "options"?: {"A": text}, "prefix"?: dyck input}):
//   choice         option letter; an option's full text also counts
//   true_false, yes_no, valid_invalid   the one such word in the answer (both: ambiguous)
//   integer        exact value (numeric canonical form)
//   dyck           closing brackets, spaces ignored; the whole completed sequence also counts
//   words          words in order, case and commas ignored
//   shape          the integers of a shape such as (2,3)
//   time_slot      "HH:MM - HH:MM" (leading zeros, dashes and "to" normalised), or "none"
#include "harness/core/verifier.hpp"

namespace rb::verifiers {

class BbhVerifier : public Verifier {
 public:
  std::string_view name() const override { return "bbh"; }
  std::string_view version() const override { return "1"; }
  Verdict verify(const Problem& problem, const Response& response) const override;
};

/// `text` reduced to the canonical form `form` ("(B)", "yes", "24", "]]>" ...); empty when it
/// cannot be read in that form; "ambiguous:..." when it names several answers.
std::string bbh_normalize(std::string_view form, std::string_view text, const std::string& checker_data);

}  // namespace rb::verifiers
