// Countdown (TinyZero) and Game of 24 (Tree of Thoughts) from ../shared/data: loader counts as
// SOURCES.md gives them; searched oracle answers score 100%, mutated answers 0%.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "tests/support/test_env.hpp"
#include "tests/unit/test_puzzle_support.hpp"

using namespace rb;

namespace {

bool use_shared_data()
{
  const std::string dir = test::shared_data_dir();
  if (dir.empty()) {
    WARN("SKIPPED: ../shared/data absent");
    return false;
  }
  ::setenv("REASONBENCH_DATA", dir.c_str(), 1);
  return true;
}

/// Oracle (the searched reference) must be correct; "(E) + n0" uses n0 once too often.
void check_oracle_and_mutation(const Suite& suite)
{
  const auto verifier = verifiers::make_verifier(suite.verifier);
  std::size_t correct = 0;
  std::size_t mutated_correct = 0;
  for (const auto& p : suite.problems) {
    INFO(p.id << ": " << p.text << "\nreference: " << p.reference);
    REQUIRE(!p.reference.empty());
    const Verdict v = test::grade_text(*verifier, p, p.reference);
    CHECK(v.correct());
    correct += v.correct() ? 1 : 0;
    const auto numbers = nlohmann::json::parse(p.checker_data)["numbers"];
    const std::string body = p.reference.substr(8, p.reference.size() - 17);
    const Verdict bad = test::grade_text(
        *verifier, p, "<answer>(" + body + ") + " + std::to_string(numbers[0].get<long>()) + "</answer>");
    CHECK(bad.kind == VerdictKind::incorrect);
    mutated_correct += bad.correct() ? 1 : 0;
  }
  CHECK(correct == suite.problems.size());
  CHECK(mutated_correct == 0);
}

}  // namespace

TEST_CASE("countdown data: 2,001 puzzles (1,001 with 3 numbers, 1,000 with 4), every one solvable",
          "[realdata][puzzles]")
{
  if (!use_shared_data()) {
    return;
  }
  const Suite suite = suites::load_suite("countdown", {});
  REQUIRE(suite.problems.size() == 2001);
  std::size_t three = 0;
  std::size_t four = 0;
  for (const auto& p : suite.problems) {
    const auto size = nlohmann::json::parse(p.checker_data)["numbers"].size();
    three += size == 3 ? 1 : 0;
    four += size == 4 ? 1 : 0;
  }
  CHECK(three == 1001);
  CHECK(four == 1000);
  CHECK(suite.problems[0].id == "countdown/0");
  CHECK_THAT(suite.problems[0].text,
             Catch::StartsWith("Using the numbers [96, 7, 37, 74], create an equation that equals 55."));
  check_oracle_and_mutation(suite);
}

TEST_CASE("game24 data: the ToT test slice is rows 900-999, and all 1,362 puzzles are solvable",
          "[realdata][puzzles]")
{
  if (!use_shared_data()) {
    return;
  }
  const Suite slice = suites::load_suite("game24", {});
  REQUIRE(slice.problems.size() == 100);
  CHECK(slice.problems.front().id == "game24/900");
  CHECK(slice.problems.back().id == "game24/999");
  CHECK_THAT(slice.problems.front().text, Catch::StartsWith("Use the numbers 4, 5, 6, 10 "));
  const Suite all = suites::load_suite("game24?rows=all", {});
  CHECK(all.problems.size() == 1362);
  CHECK(suites::load_suite("game24?rows=0-9", {}).problems.size() == 10);
  CHECK_THROWS_WITH(suites::load_suite("game24?rows=1300-1399", {}), Catch::Contains("has 1362 rows"));
  CHECK_THROWS_WITH(suites::load_suite("game24?rows=9-1", {}),
                    Catch::Contains("parameter 'rows' must be FIRST-LAST"));
  check_oracle_and_mutation(all);
}
