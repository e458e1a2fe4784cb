#pragma once
// Zebra (Einstein) puzzles: the clue model and a solver. H houses in a row (0-based here, 1-based
// in text); A attributes with H values each; value id v = attribute * H + index. The solver keeps
// a set of possible houses per value, propagates clues and all-different constraints, and
// branches on the value with the fewest houses left.
#include <cstdint>
#include <vector>

namespace rb::suites {

enum class ZebraClueKind { same, not_same, at, not_at, left_of, before, next_to };

struct ZebraClue {
  ZebraClueKind kind = ZebraClueKind::same;
  int a = 0;      ///< value id
  int b = 0;      ///< value id (not used by at / not_at)
  int house = 0;  ///< 0-based house (at / not_at only)
};

struct ZebraShape {
  int houses = 4;
  int attributes = 3;
};

/// True when `clue` holds for `house_of` (the house of each value id).
bool zebra_clue_holds(const ZebraClue& clue, const std::vector<int>& house_of);

/// Number of assignments satisfying every clue, stopping at `limit`; `first` (when not null)
/// receives the first one as house_of.
int count_zebra_solutions(const ZebraShape& shape, const std::vector<ZebraClue>& clues, int limit,
                          std::vector<int>* first);

}  // namespace rb::suites
