#pragma once
// gen:arith — seeded multi-step integer arithmetic (the quickstart suite). Each problem applies
// `difficulty + 1` operations (+, -, *, exact /) to a starting number; the answer is an integer.
// The same (seed, n, difficulty) gives the same problems on every machine and compiler.
#include <cstdint>
#include <vector>

#include "harness/core/problem.hpp"

namespace rb::suites {

struct ArithOptions {
  std::int64_t n = 50;
  std::uint64_t seed = 0;
  int difficulty = 2;  ///< 1..5
};

std::vector<Problem> generate_arith(const ArithOptions& options);

}  // namespace rb::suites
