#pragma once
// Evaluates a scalar expression tree at one assignment of its variables: exact forms where the
// arithmetic allows, high-precision balls otherwise. Bounded by a step budget. Internal.
#include <string>
#include <utility>
#include <vector>

#include "verifiers/math/expr.hpp"
#include "verifiers/math/value.hpp"

namespace rb::verifiers::math {

using Assignment = std::vector<std::pair<std::string, mpq_class>>;

inline constexpr long k_evaluation_steps = 200'000;  ///< per comparison; a spent budget gives no value

struct EvalContext {
  unsigned long precision = 192;
  const Assignment* variables = nullptr;  ///< may be null: no variables
  long steps_left = k_evaluation_steps;
};

Value evaluate(const Tree& tree, const Node& node, EvalContext& context);

}  // namespace rb::verifiers::math
