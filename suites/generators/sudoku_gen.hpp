#pragma once
// gen:sudoku — seeded 4x4 (2x2 boxes) and 9x9 (3x3 boxes) Sudoku with exactly one solution: a
// random full grid, then cells emptied in random order while the solution stays unique.
// Difficulty 1..5 sets the number of givens: 46, 40, 34, 30, as few as possible (9x9); 10, 8, 7,
// 6, as few as possible (4x4).
#include <vector>

#include "harness/core/problem.hpp"
#include "suites/generators/gen_common.hpp"

namespace rb::suites {

struct SudokuOptions {
  GenOptions gen;
  int size = 9;  ///< 4 or 9
};

std::vector<Problem> generate_sudoku(const SudokuOptions& options);

}  // namespace rb::suites
