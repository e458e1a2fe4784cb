#pragma once
// The "cruxeval" verifier: CRUXEval predictions graded by running the function in the sandbox
// (verifiers/sandbox/), never by comparing strings. Output prediction: f(gold input) ==
// predicted literal. Input prediction: f(predicted arguments) == gold output, so any input that
// works counts. The checker program and its safety rules: cruxeval_check.hpp. Checker data:
// {"mode": "output"|"input", "code", "input", "output"}.
#include "harness/core/verifier.hpp"

namespace rb::sandbox {
class Sandbox;
}

namespace rb::verifiers {

class CruxevalVerifier : public Verifier {
 public:
  /// `sandbox` must outlive the verifier (shared_sandbox() does).
  explicit CruxevalVerifier(sandbox::Sandbox& sandbox) : m_sandbox(sandbox) {}
  std::string_view name() const override { return "cruxeval"; }
  std::string_view version() const override { return "1"; }
  Verdict verify(const Problem& problem, const Response& response) const override;

 private:
  sandbox::Sandbox& m_sandbox;
};

/// The prediction in an answer: "assert f(X) == Y" and "f(X) == Y" give Y (output mode) or X
/// (input mode); "f(X)" gives X in input mode; a ```python fence is dropped.
std::string cruxeval_prediction(std::string_view answer, bool input_mode);

}  // namespace rb::verifiers
