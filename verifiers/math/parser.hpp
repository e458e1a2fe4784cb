#pragma once
// Parses one answer (LaTeX or plain text) into an expression tree: numbers, symbols, arithmetic,
// functions, relations and chains, sets, tuples, intervals, unions, matrices, +-, several answers
// ("1, 2", "1 and 2"), units, percent, degrees, base subscripts, text. Internal to verifiers/math.
#include <optional>
#include <string>
#include <string_view>

#include "verifiers/math/expr.hpp"

namespace rb::verifiers::math {

/// The tree of `text`, or nothing with the reason in `error` (refused or not understood).
/// Bounded: at most k_max_answer_chars characters, k_max_tokens tokens, k_max_depth nesting.
std::optional<Tree> parse_answer(std::string_view text, std::string* error = nullptr);

}  // namespace rb::verifiers::math
