#pragma once
// Comparing a program's standard output with the expected output, token by token, outside the
// sandbox: whitespace (spaces, tabs, line breaks) only separates tokens; tokens must match
// exactly, except two decimal numbers of which one has a point or an exponent ("2" and
// "2.000000"), which match within 1e-6 absolute or relative (the usual checker tolerance);
// two integers always match exactly.
#include <string>
#include <string_view>

namespace rb::verifiers::code {

constexpr double k_token_float_tol = 1e-6;

struct TokenComparison {
  bool equal = false;
  std::string reason;  ///< "token 17: expected '5', got '4'" / "expected 10 tokens, got 9"
};

/// `case_insensitive`: letters compare regardless of case (statements saying "in any case").
TokenComparison compare_tokens(std::string_view actual, std::string_view expected, bool case_insensitive);

}  // namespace rb::verifiers::code
