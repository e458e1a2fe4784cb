#pragma once
// Verifier: grades one response to one Problem, deterministically, with a reason. It exists so
// the run loop and `reasonbench grade` share one grading path. Implementations live in
// verifiers/ (registry: verifiers/registry.cpp); tests use FakeVerifier (tests/support/).
#include <string>
#include <string_view>

#include "harness/core/problem.hpp"
#include "harness/core/verdict.hpp"

namespace rb {

/// The parts of a Sample a verifier may look at.
struct Response {
  std::string_view text;       ///< the answer part (reasoning already removed)
  std::string_view reasoning;  ///< may be empty
  std::string_view finish_reason;
  bool reasoning_unclosed = false;
};

class Verifier {
 public:
  virtual ~Verifier() = default;
  virtual std::string_view name() const = 0;
  /// Bumped whenever a verdict could change, so stored verdicts say which rules made them.
  virtual std::string_view version() const = 0;
  /// Thread-safe and bounded in time. Bad model output gives a verdict, never an exception.
  virtual Verdict verify(const Problem& problem, const Response& response) const = 0;
};

/// The one grading path: applies the truncation rules, then the verifier.
/// - an unclosed reasoning block: truncated (the answer never came);
/// - finish_reason "length": the verifier's verdict when it is correct, else truncated;
/// - otherwise: the verifier's verdict.
/// An exception escaping a verifier becomes an `error` verdict naming it.
Verdict grade(const Verifier& verifier, const Problem& problem, const Response& response);

}  // namespace rb
