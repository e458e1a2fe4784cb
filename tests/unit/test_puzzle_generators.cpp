#include <catch2/catch.hpp>

#include <set>

#include "harness/core/error.hpp"
#include "harness/util/sha256.hpp"
#include "tests/unit/test_puzzle_support.hpp"

using namespace rb;

namespace {

/// One hash over the content hashes of a suite's problems.
std::string suite_hash(const Suite& suite)
{
  std::string joined;
  for (const auto& p : suite.problems) {
    joined += p.content_hash() + "\n";
  }
  return util::sha256_hex(joined);
}

std::string error_of(const std::string& spec)
{
  try {
    suites::load_suite(spec, {});
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("puzzle generators golden: the first problems of seed 7 hash to pinned values", "[puzzles][golden]")
{
  // Any change here changes every generated benchmark: bump only on purpose, and say so.
  const std::vector<std::pair<std::string, std::string>> pinned{
      {"gen:countdown?n=5&seed=7&difficulty=3",
       "245e256c66f1d6176a2a5791b5366c10acafa46ec61bfd3b2b54547f7179a542"},
      {"gen:countdown?n=5&seed=7&difficulty=2&use=subset",
       "cdf772ac4c72530db6096d05c162151ffa98e7c13642e87e75c096cdb5df591f"},
      {"gen:game24?n=5&seed=7&difficulty=3",
       "1bdd1dcb53af601ffaa6f75b0c73da42968f4a8bec1dbba459763b94a2973218"},
      {"gen:knights_and_knaves?n=5&seed=7&difficulty=3",
       "250ee96a61a3884eb914288b406d09a463ecd507f3a126abb8ae745bd4ebe411"},
      {"gen:sudoku?n=3&seed=7&difficulty=3&size=4",
       "e0ef1db4af15b60c8d213f5670cbf3e6bae3b6e5894bcf537ad1fb1eaf444bdc"},
      {"gen:sudoku?n=3&seed=7&difficulty=3&size=9",
       "f060d37af3f633cd204d20f86de2df01ab84b6f8bd2b5b843dc8cb5f11e2e8d5"},
      {"gen:zebra?n=3&seed=7&difficulty=3",
       "4a440f1664951116bc2254df376bb739c6412df46e4b920211d9d2251893d1f1"},
      {"gen:shortest_path?n=5&seed=7&difficulty=3",
       "f566a3817a036b1297cb9d9e3f68f63c306b385e227646caf704f721f136ec1c"},
      {"gen:cryptarithm?n=5&seed=7&difficulty=3",
       "41159f6f36b6c23f6082a452d0bf94d705433f205de42a973105a52bb377e565"},
      {"gen:linear_system?n=5&seed=7&difficulty=3",
       "e32a1c5666fe30e5d20dc97906aa9c797dd290d563d97d134249484f5f2c2593"},
  };
  for (const auto& [spec, hash] : pinned) {
    const Suite suite = suites::load_suite(spec, {});
    INFO(spec << "\nfirst problem:\n"
              << suite.problems.front().text << "\nreference: " << suite.problems.front().reference);
    CHECK(suite_hash(suite) == hash);
  }
}

TEST_CASE("puzzle generators: a seed gives the same problems, a prefix of n is stable, seeds differ",
          "[puzzles]")
{
  for (const auto& spec : test::generator_specs()) {
    INFO(spec);
    const Suite a = suites::load_suite(test::with_params(spec, 6, 3, 2), {});
    const Suite b = suites::load_suite(test::with_params(spec, 6, 3, 2), {});
    const Suite prefix = suites::load_suite(test::with_params(spec, 2, 3, 2), {});
    const Suite other = suites::load_suite(test::with_params(spec, 6, 4, 2), {});
    REQUIRE(a.problems.size() == 6);
    CHECK(suite_hash(a) == suite_hash(b));
    CHECK(prefix.problems[0].content_hash() == a.problems[0].content_hash());
    CHECK(prefix.problems[1].content_hash() == a.problems[1].content_hash());
    CHECK(suite_hash(a) != suite_hash(other));
    std::set<std::string> ids;
    std::set<std::string> texts;
    for (const auto& p : a.problems) {
      CHECK(ids.insert(p.id).second);
      texts.insert(p.text);
      CHECK(!p.reference.empty());
      CHECK(!p.checker_data.empty());
    }
    CHECK(texts.size() >= 5);  // random puzzles rarely repeat
  }
}

TEST_CASE("puzzle generators: difficulty knobs change the size of the puzzles", "[puzzles]")
{
  const auto meta = [](const Problem& p, const std::string& key) {
    for (const auto& [k, v] : p.metadata) {
      if (k == key) {
        return v;
      }
    }
    return std::string("?");
  };
  CHECK(meta(suites::load_suite("gen:countdown?n=1&difficulty=1", {}).problems[0], "numbers") == "3");
  CHECK(meta(suites::load_suite("gen:countdown?n=1&difficulty=5", {}).problems[0], "numbers") == "6");
  CHECK(meta(suites::load_suite("gen:countdown?n=1&numbers=5", {}).problems[0], "numbers") == "5");
  CHECK(meta(suites::load_suite("gen:knights_and_knaves?n=1&difficulty=5", {}).problems[0], "people") == "6");
  CHECK(meta(suites::load_suite("gen:knights_and_knaves?n=1&people=8", {}).problems[0], "people") == "8");
  CHECK(meta(suites::load_suite("gen:zebra?n=1&difficulty=5", {}).problems[0], "houses") == "5");
  CHECK(meta(suites::load_suite("gen:zebra?n=1&houses=6&attributes=2", {}).problems[0], "houses") == "6");
  CHECK(meta(suites::load_suite("gen:shortest_path?n=1&nodes=20", {}).problems[0], "nodes") == "20");
  CHECK(meta(suites::load_suite("gen:linear_system?n=1&unknowns=6", {}).problems[0], "unknowns") == "6");
  const auto givens = [&](const std::string& spec) {
    return std::stoi(meta(suites::load_suite(spec, {}).problems[0], "givens"));
  };
  CHECK(givens("gen:sudoku?n=1&difficulty=1") == 46);
  CHECK(givens("gen:sudoku?n=1&difficulty=4") == 30);
  CHECK(givens("gen:sudoku?n=1&difficulty=5") < 30);
  CHECK(givens("gen:sudoku?n=1&difficulty=2&size=4") == 8);
}

TEST_CASE("puzzle generators: parameter errors name the suite and the parameter", "[puzzles]")
{
  CHECK(error_of("gen:sudoku?size=6") == "suite 'gen:sudoku?size=6': parameter 'size' must be 4 or 9, got 6");
  CHECK(error_of("gen:countdown?use=some") ==
        "suite 'gen:countdown?use=some': parameter 'use' must be 'all' or 'subset', got 'some'");
  CHECK(error_of("gen:zebra?difficulty=6") ==
        "suite 'gen:zebra?difficulty=6': parameter 'difficulty' must be in [1, 5], got 6");
  CHECK_THAT(error_of("gen:countdown?numbrs=4"),
             Catch::Contains("unknown parameter 'numbrs', did you mean 'numbers'?"));
  suites::LoadOptions with_data;
  with_data.data = "x.jsonl";
  try {
    suites::load_suite("gen:game24", with_data);
    FAIL("no error");
  } catch (const ConfigError& e) {
    CHECK(std::string(e.what()) ==
          "suite 'gen:game24': a generated suite takes no data file (got 'x.jsonl')");
  }
}

TEST_CASE("puzzle generators: every suite names a registered verifier and a tagged-answer prompt",
          "[puzzles]")
{
  for (const auto& spec : test::generator_specs()) {
    INFO(spec);
    const Suite suite = suites::load_suite(test::with_params(spec, 1, 0, 1), {});
    CHECK_NOTHROW(verifiers::make_verifier(suite.verifier));
    CHECK(suite.prompt.name == "cot");
    CHECK_THAT(suite.prompt.user, Catch::Contains("<answer>"));
  }
}
