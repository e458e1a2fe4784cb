#pragma once
// The golden dump of the seeded generators: the first problems of every generator for seed 7 at
// the lowest and highest difficulty, every field written out as text. The golden test compares it
// with tests/fixtures/golden/puzzle_generators.txt; the cross-compiler test compiles this header
// alone (with the generator sources, no other library) under clang++ and libc++ and compares its
// output with the same file, so a compiler or standard library that changes one puzzle fails a
// test with the line that differs.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "suites/generators/arith.hpp"
#include "suites/generators/countdown_gen.hpp"
#include "suites/generators/cryptarithm_gen.hpp"
#include "suites/generators/game24_gen.hpp"
#include "suites/generators/knights_gen.hpp"
#include "suites/generators/linear_system_gen.hpp"
#include "suites/generators/shortest_path_gen.hpp"
#include "suites/generators/sudoku_gen.hpp"
#include "suites/generators/zebra_gen.hpp"

namespace rb::test {

constexpr std::uint64_t k_golden_seed = 7;
constexpr std::int64_t k_golden_problems = 2;  ///< per generator and difficulty

/// One generator run of the dump: a title naming the suite spec it equals, and the call.
struct GoldenGeneratorCase {
  std::string spec;
  std::function<std::vector<Problem>(const suites::GenOptions&)> generate;
};

inline std::vector<GoldenGeneratorCase> golden_generator_cases()
{
  using namespace rb::suites;
  return {
      {"gen:arith",
       [](const GenOptions& g) {
         return generate_arith(ArithOptions{g.n, g.seed, g.difficulty});
       }},
      {"gen:countdown",
       [](const GenOptions& g) {
         return generate_countdown(CountdownOptions{g, 0, true});
       }},
      {"gen:countdown?use=subset",
       [](const GenOptions& g) {
         return generate_countdown(CountdownOptions{g, 0, false});
       }},
      {"gen:game24", [](const GenOptions& g) { return generate_game24(g); }},
      {"gen:knights_and_knaves",
       [](const GenOptions& g) {
         return generate_knights(KnightsOptions{g, 0});
       }},
      {"gen:sudoku?size=4",
       [](const GenOptions& g) {
         return generate_sudoku(SudokuOptions{g, 4});
       }},
      {"gen:sudoku?size=9",
       [](const GenOptions& g) {
         return generate_sudoku(SudokuOptions{g, 9});
       }},
      {"gen:zebra",
       [](const GenOptions& g) {
         return generate_zebra(ZebraOptions{g, 0, 0});
       }},
      {"gen:shortest_path",
       [](const GenOptions& g) {
         return generate_shortest_path(ShortestPathOptions{g, 0});
       }},
      {"gen:cryptarithm", [](const GenOptions& g) { return generate_cryptarithm(g); }},
      {"gen:linear_system",
       [](const GenOptions& g) {
         return generate_linear_system(LinearSystemOptions{g, 0});
       }},
  };
}

/// Every field of `p`, one labelled block each.
inline std::string dump_problem(const Problem& p)
{
  std::string out = "--- id: " + p.id + "\n";
  out += "text:\n" + p.text + "\n";
  out += "answer: " + p.answer + "\n";
  out += "reference:\n" + p.reference + "\n";
  out += "checker_data: " + p.checker_data + "\n";
  out += "metadata:";
  for (const auto& [key, value] : p.metadata) {
    out += " " + key + "=" + value;
  }
  return out + "\n";
}

/// The whole dump: every case at difficulties 1 and 5, the first k_golden_problems problems each.
inline std::string golden_generator_dump()
{
  std::string out;
  for (const auto& c : golden_generator_cases()) {
    for (const int difficulty : {1, 5}) {
      suites::GenOptions g;
      g.n = k_golden_problems;
      g.seed = k_golden_seed;
      g.difficulty = difficulty;
      const std::string sep = c.spec.find('?') == std::string::npos ? "?" : "&";
      out += "=== " + c.spec + sep + "n=" + std::to_string(g.n) + "&seed=" + std::to_string(g.seed) +
             "&difficulty=" + std::to_string(difficulty) + "\n";
      for (const Problem& p : c.generate(g)) {
        out += dump_problem(p);
      }
    }
  }
  return out;
}

}  // namespace rb::test
