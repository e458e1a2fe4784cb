#include <catch2/catch.hpp>

#include "harness/core/reasoning.hpp"
#include "harness/util/rng.hpp"
#include "harness/util/sha256.hpp"
#include "harness/util/strings.hpp"

using namespace rb;

TEST_CASE("sha256 matches the FIPS 180-2 test vector", "[util]")
{
  CHECK(util::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(util::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("splitmix64 gives the published sequence for seed 0", "[util]")
{
  util::SplitMix64 g(0);
  CHECK(g.next() == 0xe220a8397b1dcdafULL);
  CHECK(g.next() == 0x6e789e6aa1b965f4ULL);
  CHECK(g.next() == 0x06c45d188009454fULL);
}

TEST_CASE("rng ranges stay inside their bounds and cover them", "[util]")
{
  util::SplitMix64 g(42);
  bool seen_lo = false;
  bool seen_hi = false;
  for (int i = 0; i < 10000; ++i) {
    const auto v = g.range(-3, 3);
    REQUIRE(v >= -3);
    REQUIRE(v <= 3);
    seen_lo = seen_lo || v == -3;
    seen_hi = seen_hi || v == 3;
    const double u = g.uniform();
    REQUIRE(u >= 0.0);
    REQUIRE(u < 1.0);
  }
  CHECK(seen_lo);
  CHECK(seen_hi);
}

TEST_CASE("closest_match suggests near misses only", "[util]")
{
  const std::vector<std::string> keys{"samples", "concurrency", "limit", "seed"};
  CHECK(util::closest_match("smaples", keys) == std::optional<std::string>("samples"));
  CHECK(util::closest_match("concurency", keys) == std::optional<std::string>("concurrency"));
  CHECK_FALSE(util::closest_match("temperature", keys).has_value());
  CHECK(util::did_you_mean("lmit", keys) == ", did you mean 'limit'?");
}

TEST_CASE("percent encoding round-trips any bytes", "[util]")
{
  const std::string text = "\\boxed{\\frac{1}{2}} 50% é\n";
  const std::string encoded = util::percent_encode(text);
  CHECK(encoded.find(' ') == std::string::npos);
  CHECK(encoded.find('\n') == std::string::npos);
  CHECK(util::percent_decode(encoded) == text);
  CHECK(util::percent_decode("100%") == "100%");
  CHECK(util::percent_decode("%zz") == "%zz");
}

TEST_CASE("parse_int and parse_double reject junk", "[util]")
{
  CHECK(util::parse_int("42") == 42);
  CHECK(util::parse_int("-7") == -7);
  CHECK_FALSE(util::parse_int("4x").has_value());
  CHECK_FALSE(util::parse_int("").has_value());
  CHECK_FALSE(util::parse_int("99999999999999999999").has_value());
  CHECK(util::parse_double("0.5") == 0.5);
  CHECK_FALSE(util::parse_double("0.5.1").has_value());
}

TEST_CASE("split_reasoning separates think blocks from the answer", "[core]")
{
  SECTION("closed block")
  {
    const auto s = split_reasoning("<think>\nsteps\n</think>\n\nThe answer is \\boxed{4}.");
    CHECK(s.reasoning == "steps");
    CHECK(s.answer == "The answer is \\boxed{4}.");
    CHECK_FALSE(s.unclosed);
  }
  SECTION("unclosed block: no answer")
  {
    const auto s = split_reasoning("<think>still thinking \\boxed{3}");
    CHECK(s.unclosed);
    CHECK(s.answer.empty());
    CHECK(s.reasoning == "still thinking \\boxed{3}");
  }
  SECTION("closing tag only: the template opened the block")
  {
    const auto s = split_reasoning("steps\n</think>\nanswer 5");
    CHECK(s.reasoning == "steps");
    CHECK(s.answer == "answer 5");
  }
  SECTION("no tags: everything is answer")
  {
    const auto s = split_reasoning("just 7");
    CHECK(s.reasoning.empty());
    CHECK(s.answer == "just 7");
  }
  SECTION("other tag pairs")
  {
    const auto s = split_reasoning("<|begin_of_thought|>a<|end_of_thought|>b");
    CHECK(s.reasoning == "a");
    CHECK(s.answer == "b");
  }
}
