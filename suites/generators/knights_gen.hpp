#pragma once
// gen:knights_and_knaves — seeded knights-and-knaves puzzles (knights always tell the truth,
// knaves always lie) with exactly one consistent assignment, confirmed by trying all 2^N. Each
// person makes one statement: "X is a knight/knave", its negation, or two of those joined by and,
// or, if-then, if-and-only-if. Difficulty 1..5: 2..6 people, more compound statements.
#include <string>
#include <vector>

#include "harness/core/problem.hpp"
#include "suites/generators/gen_common.hpp"

namespace rb::suites {

struct KnightsOptions {
  GenOptions gen;
  int people = 0;  ///< 2..8; 0: difficulty + 1
};

std::vector<Problem> generate_knights(const KnightsOptions& options);

/// "Amelia is a knight\nEvelyn is a knave": one line per person, in the order of `names`.
std::string knights_answer_lines(const std::vector<std::string>& names, const std::vector<bool>& knights);

/// The format line appended to every knights-and-knaves problem.
inline constexpr const char* k_knights_format =
    "State the identity of every inhabitant, one per line, in the form \"NAME is a knight\" or \"NAME is a "
    "knave\".";

/// {"names": [...], "solution": [true, ...]} (+ "statements" when not empty: a JSON array text).
std::string knights_checker_data(const std::vector<std::string>& names, const std::vector<bool>& knights,
                                 const std::string& statements_json);

}  // namespace rb::suites
