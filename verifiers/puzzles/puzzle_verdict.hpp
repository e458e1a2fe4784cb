#pragma once
// Helpers shared by the puzzle verifiers' .cpp files (includes nlohmann/json: not for headers
// that others include): reading a problem's checker data and building verdicts.
#include <nlohmann/json.hpp>

#include <optional>
#include <stdexcept>
#include <string>

#include "harness/core/problem.hpp"
#include "harness/core/verdict.hpp"

namespace rb::verifiers {

/// The problem's checker data as JSON. Throws std::runtime_error (an `error` verdict through
/// grade()) naming the problem when it is missing or malformed: a suite bug, not a model error.
inline nlohmann::json checker_json(const Problem& problem, const char* verifier)
{
  try {
    nlohmann::json j = nlohmann::json::parse(problem.checker_data);
    if (j.is_object()) {
      return j;
    }
  } catch (const nlohmann::json::exception&) {
  }
  throw std::runtime_error(std::string(verifier) + ": problem '" + problem.id +
                           "' has no valid checker data");
}

inline Verdict make_verdict(VerdictKind kind, std::optional<std::string> extracted, std::string detail,
                            std::string vote = "", std::string data = "")
{
  Verdict v;
  v.kind = kind;
  v.extracted = std::move(extracted);
  v.detail = std::move(detail);
  v.vote = std::move(vote);
  v.data = std::move(data);
  return v;
}

}  // namespace rb::verifiers
