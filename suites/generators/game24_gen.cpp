#include "suites/generators/game24_gen.hpp"

#include <algorithm>

#include "suites/generators/countdown_gen.hpp"
#include "suites/generators/expression_solver.hpp"

namespace rb::suites {

namespace {
constexpr std::int64_t k_target = 24;
constexpr std::int64_t k_min_ways[5] = {37, 19, 10, 5, 1};
constexpr std::int64_t k_max_ways[5] = {INT64_MAX, 36, 18, 9, 4};
}  // namespace

std::string game24_text(const std::vector<std::int64_t>& numbers)
{
  std::string list;
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    list += (i > 0 ? ", " : "") + std::to_string(numbers[i]);
  }
  return "Use the numbers " + list +
         " and basic arithmetic operations (+, -, *, /) to obtain 24. Each number must be used exactly once; "
         "intermediate results may be fractions. Write the answer as one arithmetic expression, for example "
         "(1 + 2) * 8.";
}

std::vector<Problem> generate_game24(const GenOptions& options)
{
  const int d = options.difficulty - 1;
  std::vector<Problem> problems;
  for (std::int64_t i = 0; i < options.n; ++i) {
    auto rng = problem_rng("gen:game24", options, i);
    while (true) {
      std::vector<std::int64_t> numbers;
      for (int k = 0; k < 4; ++k) {
        numbers.push_back(rng.range(1, 13));
      }
      std::sort(numbers.begin(), numbers.end());
      const std::int64_t ways = count_expression_solutions(numbers, k_target);
      if (ways < k_min_ways[d] || ways > k_max_ways[d]) {
        continue;
      }
      Problem p;
      p.id = problem_id("game24", i);
      p.text = game24_text(numbers);
      p.reference = "<answer>" + *solve_expression(numbers, k_target, true) + "</answer>";
      p.checker_data = countdown_checker_data(numbers, k_target, true);
      p.metadata = {{"source", "gen:game24"},
                    {"difficulty", std::to_string(options.difficulty)},
                    {"ways", std::to_string(ways)}};
      problems.push_back(std::move(p));
      break;
    }
  }
  return problems;
}

}  // namespace rb::suites
