#pragma once
// The "sudoku" verifier: the answer grid must keep every given and have each digit once in every
// row, column and box — checked rule by rule, so the verdict names the first broken rule ("cell
// r3c4 conflicts with r3c7 (both 5)"). Reads the grid as N*N digits, or N lines of N digits
// (row labels and separators ignored). Checker data: {"size", "box_rows", "box_cols",
// "givens": "53..." (0 = empty)}.
#include "harness/core/verifier.hpp"

namespace rb::verifiers {

class SudokuVerifier : public Verifier {
 public:
  std::string_view name() const override { return "sudoku"; }
  std::string_view version() const override { return "1"; }
  Verdict verify(const Problem& problem, const Response& response) const override;
};

}  // namespace rb::verifiers
