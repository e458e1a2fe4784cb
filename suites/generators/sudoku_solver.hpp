#pragma once
// A Sudoku solver for the generator: bitmask candidates, most-constrained cell first. Counts
// solutions up to a limit (2 decides uniqueness) and, given a random stream, fills a grid in a
// random order (for making full grids).
#include <vector>

#include "harness/util/rng.hpp"

namespace rb::suites {

struct SudokuShape {
  int size = 9;      ///< 4 or 9
  int box_rows = 3;  ///< 2 for 4x4
  int box_cols = 3;
};

/// Number of completions of `grid` (row-major, 0 = empty), stopping at `limit`. When `first` is
/// not null it receives the first solution found. When `rng` is not null, candidates are tried in
/// a random order (the first solution is then a random one).
int count_sudoku_solutions(std::vector<int> grid, const SudokuShape& shape, int limit,
                           std::vector<int>* first, util::SplitMix64* rng = nullptr);

}  // namespace rb::suites
