#pragma once
// gen:cryptarithm — seeded addition alphametics (like SEND + MORE = MONEY) with exactly one
// solution: random addends, their sum, digits replaced by random letters, kept only when a
// column-by-column backtracking solver finds one assignment (distinct digits, no leading zero).
// Difficulty 1..5: 2 addends of 3, 3, 4 digits; 3 addends of 3, 4 digits (others one digit
// shorter or equal).
#include <string>
#include <vector>

#include "harness/core/problem.hpp"
#include "suites/generators/gen_common.hpp"

namespace rb::suites {

std::vector<Problem> generate_cryptarithm(const GenOptions& options);

/// Number of letter-to-digit assignments solving addends[0] + ... = result, stopping at `limit`.
int count_cryptarithm_solutions(const std::vector<std::string>& addends, const std::string& result, int limit);

}  // namespace rb::suites
