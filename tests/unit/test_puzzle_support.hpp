#pragma once
// Helpers shared by the puzzle tests (tests/unit/test_puzzle_*.cpp, tests/realdata/test_puzzle_*.cpp).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "harness/core/verifier.hpp"
#include "suites/registry.hpp"
#include "verifiers/registry.hpp"

namespace rb::test {

/// Every generator suite with its knobs, as the tests sweep them.
inline const std::vector<std::string>& generator_specs()
{
  static const std::vector<std::string> k_specs{
      "gen:countdown",     "gen:countdown?use=subset", "gen:game24", "gen:knights_and_knaves",
      "gen:sudoku?size=4", "gen:sudoku?size=9",        "gen:zebra",  "gen:shortest_path",
      "gen:cryptarithm",   "gen:linear_system",
  };
  return k_specs;
}

/// `spec` with n, seed and difficulty added ("gen:sudoku?size=4" -> "gen:sudoku?size=4&n=5&...").
inline std::string with_params(const std::string& spec, int n, int seed, int difficulty)
{
  return spec + (spec.find('?') == std::string::npos ? "?" : "&") + "n=" + std::to_string(n) +
         "&seed=" + std::to_string(seed) + "&difficulty=" + std::to_string(difficulty);
}

inline Verdict grade_text(const Verifier& verifier, const Problem& problem, std::string_view text)
{
  return verifier.verify(problem, Response{text, "", "stop", false});
}

}  // namespace rb::test
