#pragma once
// One test's comparison, done by the trusted harness: the value a candidate's call returned
// (from the sandbox) against the expected value (from the trusted pre-pass), by the rule the
// dataset's own assertion used (==, abs(a - b) < tol, math.isclose, truthiness...).
#include <nlohmann/json_fwd.hpp>

#include <string>

namespace rb::verifiers::code {

struct CheckOutcome {
  bool passed = false;
  std::string reason;  ///< why it failed: "expected 5, got 4"; empty when it passed
};

/// `check` is one split test: {"cmp": eq|ne|close|isclose|allclose|any|poly_root, "expected",
/// "abs_tol", "rel_tol", "strict", "alternatives", "args"}; `actual` the returned value.
CheckOutcome compare_result(const nlohmann::json& check, const nlohmann::json& actual);

}  // namespace rb::verifiers::code
