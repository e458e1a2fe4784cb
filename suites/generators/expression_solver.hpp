#pragma once
// Exhaustive search for arithmetic expressions over a few integers (+, -, *, / with exact
// rational intermediates), for countdown and game-of-24 references and difficulty. Meant for up
// to 6 numbers (4 is instant; 6 takes up to a second). Values stay exact: int64 rationals, with
// any intermediate beyond 10^12 skipped.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rb::suites {

/// An expression over `numbers` whose value is `target`, written with the fewest parentheses
/// (e.g. "(10 - 6) * 5 + 4"), using every number exactly once (`use_all`) or each at most once.
/// Nothing when there is none.
std::optional<std::string> solve_expression(const std::vector<std::int64_t>& numbers, std::int64_t target,
                                            bool use_all);

/// How many ways the pairwise-combination search reaches `target` using every number exactly
/// once (orderings and equivalent forms counted separately): a rough measure of how easy the
/// puzzle is.
std::int64_t count_expression_solutions(const std::vector<std::int64_t>& numbers, std::int64_t target);

}  // namespace rb::suites
