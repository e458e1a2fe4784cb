#pragma once
// gen:game24 — seeded Game of 24: four numbers from 1..13 that reach 24 with + - * / (fractions
// allowed in between), each used exactly once. Graded by the "countdown" verifier with target 24.
// Difficulty 1..5 bins the number of ways the exhaustive search reaches 24 (quintiles over the
// 1,362 solvable sets): >= 37, 19-36, 10-18, 5-9, 1-4 ways.
#include <cstdint>
#include <string>
#include <vector>

#include "harness/core/problem.hpp"
#include "suites/generators/gen_common.hpp"

namespace rb::suites {

std::vector<Problem> generate_game24(const GenOptions& options);

/// The problem statement for four numbers (shared with the game24 data suite).
std::string game24_text(const std::vector<std::int64_t>& numbers);

}  // namespace rb::suites
