#include "harness/core/verifier.hpp"

#include <exception>

namespace rb {

Verdict grade(const Verifier& verifier, const Problem& problem, const Response& response)
{
  if (response.reasoning_unclosed) {
    return {VerdictKind::truncated, std::nullopt, "reasoning block never closed: no answer after it"};
  }
  Verdict verdict;
  try {
    verdict = verifier.verify(problem, response);
  } catch (const std::exception& e) {
    return {VerdictKind::error, std::nullopt,
            "verifier '" + std::string(verifier.name()) + "' failed: " + e.what()};
  }
  if (response.finish_reason == "length" && !verdict.correct() && verdict.kind != VerdictKind::error) {
    verdict.detail = "hit the token limit (finish_reason=length); " + verdict.detail;
    verdict.kind = VerdictKind::truncated;
  }
  return verdict;
}

}  // namespace rb
