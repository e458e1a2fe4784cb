#include "suites/generators/countdown_gen.hpp"

#include <string>

namespace rb::suites {

namespace {

constexpr int k_numbers_by_difficulty[5] = {3, 4, 4, 5, 6};
constexpr std::int64_t k_max_number = 100;
constexpr std::int64_t k_max_intermediate = 100'000;

struct Node {
  std::int64_t value = 0;
  std::string text;
  int precedence = 3;  ///< 3 atom, 2 product or quotient, 1 sum or difference
};

Node combine(const Node& a, char op, const Node& b, std::int64_t value)
{
  const int precedence = op == '+' || op == '-' ? 1 : 2;
  const bool wrap_left = a.precedence < precedence;
  const bool wrap_right =
      b.precedence < precedence || (b.precedence == precedence && (op == '-' || op == '/'));
  return {
      value,
      (wrap_left ? "(" + a.text + ")" : a.text) + " " + op + " " + (wrap_right ? "(" + b.text + ")" : b.text),
      precedence};
}

/// One random step: combines two pool entries with an operation whose result is a positive
/// integer; false when the drawn pair admits none (the caller draws again).
bool random_step(std::vector<Node>& pool, util::SplitMix64& rng)
{
  const auto pair = sample_indices(static_cast<int>(pool.size()), 2, rng);
  Node a = pool[static_cast<std::size_t>(pair[0])];
  Node b = pool[static_cast<std::size_t>(pair[1])];
  if (a.value < b.value) {
    std::swap(a, b);
  }
  std::vector<char> ops{'+', '*'};
  if (a.value > b.value) {
    ops.push_back('-');
  }
  if (b.value > 1 && a.value % b.value == 0) {
    ops.push_back('/');
  }
  const char op = pick(ops, rng);
  const std::int64_t value = op == '+'   ? a.value + b.value
                             : op == '-' ? a.value - b.value
                             : op == '*' ? a.value * b.value
                                         : a.value / b.value;
  if (value > k_max_intermediate) {
    return false;
  }
  const Node joined = combine(a, op, b, value);
  std::vector<Node> next;
  for (std::size_t k = 0; k < pool.size(); ++k) {
    if (static_cast<int>(k) != pair[0] && static_cast<int>(k) != pair[1]) {
      next.push_back(pool[k]);
    }
  }
  next.push_back(joined);
  pool = std::move(next);
  return true;
}

std::string list_text(const std::vector<std::int64_t>& numbers)
{
  std::string out = "[";
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    out += (i > 0 ? ", " : "") + std::to_string(numbers[i]);
  }
  return out + "]";
}

}  // namespace

std::string countdown_text(const std::vector<std::int64_t>& numbers, std::int64_t target, bool use_all)
{
  return "Using the numbers " + list_text(numbers) + ", create an equation that equals " +
         std::to_string(target) + ". You can use basic arithmetic operations (+, -, *, /) and parentheses" +
         (use_all ? ", and each number must be used exactly once."
                  : ", and each number can be used at most once.") +
         " Write the answer as one arithmetic expression, for example (1 + 2) / 3.";
}

std::string countdown_checker_data(const std::vector<std::int64_t>& numbers, std::int64_t target,
                                   bool use_all)
{
  std::string list;
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    list += (i > 0 ? "," : "") + std::to_string(numbers[i]);
  }
  return "{\"numbers\":[" + list + "],\"target\":" + std::to_string(target) + ",\"use\":\"" +
         (use_all ? "all" : "subset") + "\"}";
}

std::vector<Problem> generate_countdown(const CountdownOptions& options)
{
  const int difficulty = options.gen.difficulty;
  const int count = options.numbers > 0 ? options.numbers : k_numbers_by_difficulty[difficulty - 1];
  const std::int64_t max_target = difficulty <= 2 ? 100 : 1000;
  std::vector<Problem> problems;
  for (std::int64_t i = 0; i < options.gen.n; ++i) {
    auto rng = problem_rng("gen:countdown", options.gen, i);
    while (true) {
      std::vector<std::int64_t> numbers;
      std::vector<Node> pool;
      for (int k = 0; k < count; ++k) {
        numbers.push_back(rng.range(1, k_max_number));
        pool.push_back({numbers.back(), std::to_string(numbers.back()), 3});
      }
      // Subset mode: the reference uses a random non-empty part of the numbers (at least two).
      if (!options.use_all) {
        shuffle(pool, rng);
        pool.resize(static_cast<std::size_t>(rng.range(2, count)));
      }
      int failures = 0;
      while (pool.size() > 1 && failures < 20) {
        failures += random_step(pool, rng) ? 0 : 1;
      }
      const std::int64_t target = pool.front().value;
      bool target_is_given = false;
      for (const std::int64_t n : numbers) {
        target_is_given = target_is_given || n == target;
      }
      if (pool.size() != 1 || target < 1 || target > max_target || target_is_given) {
        continue;  // draw the whole puzzle again
      }
      Problem p;
      p.id = problem_id("countdown", i);
      p.text = countdown_text(numbers, target, options.use_all);
      // No gold string: any expression that follows the rule and reaches the target is correct.
      p.reference = "<answer>" + pool.front().text + "</answer>";
      p.checker_data = countdown_checker_data(numbers, target, options.use_all);
      p.metadata = {{"source", "gen:countdown"},
                    {"difficulty", std::to_string(difficulty)},
                    {"numbers", std::to_string(count)}};
      problems.push_back(std::move(p));
      break;
    }
  }
  return problems;
}

}  // namespace rb::suites
