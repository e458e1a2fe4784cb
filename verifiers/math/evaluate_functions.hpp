#pragma once
// The functions an answer may use: roots, |x|, trigonometry and inverses, exp and logs, floor
// and ceiling, gcd, lcm, binomials, factorials, max and min. Exact where the value is a form
// (sqrt(12) = 2 sqrt(3), |3+4i| = 5, 5! = 120), balls otherwise. Internal.
#include <string>
#include <vector>

#include "verifiers/math/value.hpp"

namespace rb::verifiers::math {

inline constexpr long k_max_factorial = 5000;  ///< 5000! has ~54,000 digits; larger: no value

/// `args` are all ok(). Unknown names and arguments outside a function's domain give
/// unevaluable or undefined values.
Value call_function(const std::string& name, const std::vector<Value>& args, unsigned long precision);
Value factorial(const Value& n);

}  // namespace rb::verifiers::math
