#pragma once
// Exact evaluation of arithmetic expressions written by models (countdown, game of 24): integer
// literals, + - * /, parentheses, unary minus; values are GMP rationals, so 8 / (3 - 8 / 3) is
// exactly 24 (TinyZero's float check with a 1e-5 tolerance is not needed, and cannot be fooled).
// Rejected with a reason: ** and ^ (powers), // (floor division), decimals, implicit products.
#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace rb::verifiers {

struct ExpressionValue {
  std::string value;                  ///< the canonical rational: "24", "-7/2"
  std::vector<std::string> literals;  ///< integer literals in order, without leading zeros
};

/// Maps the notations models use to ASCII: × ÷ − – \times \div \cdot, \left( \right), [ ] and
/// { } as parentheses (after \frac{a}{b} becomes (a)/(b)), and drops $ and \( \).
std::string normalize_expression(std::string_view text);

/// Evaluates a normalized expression, or says why it is not one ("division by zero",
/// "'**' (power) is not allowed", "unexpected 'x' at character 5").
std::expected<ExpressionValue, std::string> evaluate_expression(std::string_view text);

}  // namespace rb::verifiers
