// Golden fixtures of the seeded generators: every field of the first problems of each generator
// for seed 7, difficulties 1 and 5, pinned in tests/fixtures/golden/puzzle_generators.txt.
// A change of one digit anywhere (a compiler, a standard library, or an edit to a generator)
// fails with the first line that differs. RB_UPDATE_GOLDEN=1 rewrites the fixture: do that only
// when a generator changed on purpose, because it changes every generated benchmark.
#include <catch2/catch.hpp>

#include <filesystem>

#include "tests/golden/test_puzzle_generator_dump.hpp"
#include "tests/golden/test_puzzle_golden_diff.hpp"
#include "tests/support/golden.hpp"
#include "tests/support/test_env.hpp"

using namespace rb;

TEST_CASE("puzzle generators golden: the first problems of every generator for seed 7 match the fixture",
          "[puzzles][golden]")
{
  const std::string actual = test::golden_generator_dump();
  const std::string path = test::source_dir() + "/tests/fixtures/golden/puzzle_generators.txt";
  const std::string expected = std::filesystem::exists(path) ? test::read_file(path) : std::string();
  INFO(test::first_difference(expected, actual));
  CHECK(test::matches_golden("puzzle_generators.txt", actual));
}

TEST_CASE("puzzle generators golden: the fixture covers every generator at both ends of difficulty",
          "[puzzles][golden]")
{
  const std::string fixture =
      test::read_file(test::source_dir() + "/tests/fixtures/golden/puzzle_generators.txt");
  for (const auto& c : test::golden_generator_cases()) {
    for (const char* difficulty : {"difficulty=1\n", "difficulty=5\n"}) {
      const std::string sep = c.spec.find('?') == std::string::npos ? "?" : "&";
      CHECK_THAT(fixture, Catch::Contains("=== " + c.spec + sep + "n=2&seed=7&" + difficulty));
    }
  }
  // Two problems per block: 11 cases x 2 difficulties x 2 problems.
  std::size_t problems = 0;
  for (std::size_t at = fixture.find("--- id: "); at != std::string::npos;
       at = fixture.find("--- id: ", at + 1)) {
    ++problems;
  }
  CHECK(problems == test::golden_generator_cases().size() * 2 * 2);
}
