#include "suites/generators/arith.hpp"

#include <cstdio>
#include <string>

#include "harness/util/rng.hpp"

namespace rb::suites {

namespace {

struct Expression {
  std::string text;
  std::int64_t value = 0;
  bool additive = false;  ///< top-level operator is + or -: needs parentheses under * and /
};

std::string wrap(const Expression& e) { return e.additive ? "(" + e.text + ")" : e.text; }

/// Divisors of `value` in [2, 12].
std::vector<std::int64_t> small_divisors(std::int64_t value)
{
  std::vector<std::int64_t> out;
  for (std::int64_t d = 2; d <= 12; ++d) {
    if (value != 0 && value % d == 0) {
      out.push_back(d);
    }
  }
  return out;
}

void apply_step(Expression& e, util::SplitMix64& rng, int difficulty)
{
  const std::int64_t scale = difficulty >= 4 ? 100 : 30;
  while (true) {
    switch (rng.below(4)) {
      case 0: {
        const std::int64_t r = rng.range(1, scale);
        e = {e.text + " + " + std::to_string(r), e.value + r, true};
        return;
      }
      case 1: {
        const std::int64_t r = rng.range(1, scale);
        e = {e.text + " - " + std::to_string(r), e.value - r, true};
        return;
      }
      case 2: {
        const std::int64_t r = rng.range(2, difficulty >= 3 ? 12 : 9);
        e = {wrap(e) + " * " + std::to_string(r), e.value * r, false};
        return;
      }
      default: {
        const auto divisors = small_divisors(e.value);
        if (divisors.empty()) {
          continue;  // no exact division possible: draw another operation
        }
        const std::int64_t d = divisors[rng.below(divisors.size())];
        e = {wrap(e) + " / " + std::to_string(d), e.value / d, false};
        return;
      }
    }
  }
}

}  // namespace

std::vector<Problem> generate_arith(const ArithOptions& options)
{
  std::vector<Problem> problems;
  problems.reserve(static_cast<std::size_t>(options.n));
  for (std::int64_t i = 0; i < options.n; ++i) {
    util::SplitMix64 rng(util::mix_seed(options.seed, static_cast<std::uint64_t>(i)));
    Expression e{std::to_string(rng.range(2, 12 * options.difficulty + 8)), 0, false};
    e.value = std::stoll(e.text);
    const int steps = options.difficulty + 1;
    for (int s = 0; s < steps; ++s) {
      apply_step(e, rng, options.difficulty);
    }
    char id[32];
    std::snprintf(id, sizeof id, "arith-%04lld", static_cast<long long>(i));
    Problem p;
    p.id = id;
    p.text = rng.below(2) == 0 ? "Compute the value of " + e.text + "."
                               : "What is " + e.text + "? Give the exact integer.";
    p.answer = std::to_string(e.value);
    p.reference = "The final answer is \\boxed{" + p.answer + "}.";
    p.metadata = {{"source", "gen:arith"}, {"difficulty", std::to_string(options.difficulty)},
                  {"steps", std::to_string(steps)}};
    problems.push_back(std::move(p));
  }
  return problems;
}

}  // namespace rb::suites
