#pragma once
// Verdict: what a Verifier decided about one Sample, with the extracted answer and a reason a
// person can read. "truncated" and "no_answer" are never silently "incorrect" (DESIGN.md).
#include <optional>
#include <string>
#include <string_view>

namespace rb {

enum class VerdictKind { correct, incorrect, no_answer, truncated, timeout, error };

struct Verdict {
  VerdictKind kind = VerdictKind::error;
  std::optional<std::string> extracted;  ///< the answer the verifier read, if any
  std::string detail;                    ///< why: the rule that decided, or the error message
  /// The extracted answer in the verifier's canonical form, for majority voting: two samples
  /// with equal votes gave equivalent answers ("1/2" for 0.5, \frac{1}{2} and 1/2). Empty: the
  /// sample does not vote (no answer, or one the verifier cannot canonicalise).
  std::string vote;
  /// Verifier-specific facts as a JSON object (per-test results of code, the checked
  /// constraints of a puzzle...), stored with the verdict; empty when there are none.
  std::string data;
  bool correct() const { return kind == VerdictKind::correct; }
};

std::string_view to_string(VerdictKind kind);
/// Inverse of to_string; nothing for an unknown name.
std::optional<VerdictKind> parse_verdict_kind(std::string_view name);

}  // namespace rb
