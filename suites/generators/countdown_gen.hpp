#pragma once
// gen:countdown — seeded Countdown puzzles in the TinyZero format: reach a target with + - * /
// over a few numbers, each number used exactly once (use_all, TinyZero's rule) or at most once.
// The target is built from a random expression over the numbers, which is the reference answer;
// every intermediate value is a positive integer. Difficulty 1..5: 3, 4, 4, 5, 6 numbers; targets
// up to 100 (difficulty 1-2) or 1000.
#include <vector>

#include "harness/core/problem.hpp"
#include "suites/generators/gen_common.hpp"

namespace rb::suites {

struct CountdownOptions {
  GenOptions gen;
  int numbers = 0;      ///< 3..6; 0: from the difficulty
  bool use_all = true;  ///< every number exactly once (TinyZero) or each at most once
};

std::vector<Problem> generate_countdown(const CountdownOptions& options);

/// "Using the numbers [96, 7, 37, 74], create an equation that equals 55. ..." with the rule
/// stated as graded; shared with the countdown data suite.
std::string countdown_text(const std::vector<std::int64_t>& numbers, std::int64_t target, bool use_all);

/// The checker data the "countdown" verifier reads: {"numbers": [...], "target": T, "use": "all"|"subset"}.
std::string countdown_checker_data(const std::vector<std::int64_t>& numbers, std::int64_t target,
                                   bool use_all);

}  // namespace rb::suites
