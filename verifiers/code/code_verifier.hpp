#pragma once
// The code verifier: grades programs by running them in the sandbox under the trusted
// contract (docs/code.md): expected values never enter the sandbox; the harness compares;
// the exit status never means "passed"; correct only when every test passes.
// Problem::checker_data says what to run: {"kind": "python_call" | "cpp_call" | "stdio", ...}
// (built by suites/loaders/code_*.cpp). Registered as "code" and "code-weak" (the explicitly
// weaker sandbox, named in every verdict).
#include "harness/core/verifier.hpp"
#include "verifiers/sandbox/sandbox.hpp"

namespace rb::verifiers::code {

class CodeVerifier : public Verifier {
 public:
  /// Uses the process's shared sandbox; throws ConfigError when `isolation` is namespaces and
  /// this machine cannot provide them (naming the weaker mode).
  explicit CodeVerifier(sandbox::Isolation isolation);
  /// Uses `sandbox` (a fake in unit tests); it must outlive the verifier.
  explicit CodeVerifier(sandbox::Sandbox& sandbox);

  std::string_view name() const override;
  std::string_view version() const override { return "1"; }
  Verdict verify(const Problem& problem, const Response& response) const override;

 private:
  sandbox::Sandbox& m_sandbox;
};

}  // namespace rb::verifiers::code
