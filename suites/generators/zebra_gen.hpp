#pragma once
// gen:zebra — seeded zebra (Einstein) logic grids with exactly one solution: a random
// arrangement, random true clues added until the solver finds one solution, then clues removed in
// random order while it stays unique (so no clue is redundant). Clue kinds: same house, not the
// same house, in house k, not in house k, directly left of, somewhere left of, next to.
// Difficulty 1..5: 3x3, 4x3, 4x4, 5x4, 5x5 (houses x attributes).
#include <vector>

#include "harness/core/problem.hpp"
#include "suites/generators/gen_common.hpp"

namespace rb::suites {

struct ZebraOptions {
  GenOptions gen;
  int houses = 0;      ///< 2..6; 0: from the difficulty
  int attributes = 0;  ///< 2..6; 0: from the difficulty
};

std::vector<Problem> generate_zebra(const ZebraOptions& options);

}  // namespace rb::suites
