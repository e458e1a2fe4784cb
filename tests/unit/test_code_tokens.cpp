// Token-wise comparison of standard output (verifiers/code/tokens.hpp).
#include <catch2/catch.hpp>

#include "verifiers/code/tokens.hpp"

using namespace rb::verifiers::code;

TEST_CASE("whitespace only separates tokens", "[code]")
{
  CHECK(compare_tokens("1 2\n3\n", "1  2 3", false).equal);
  CHECK(compare_tokens("a\r\nb\t\n\n", "a b", false).equal);
  CHECK_FALSE(compare_tokens("1 2", "1 2 3", false).equal);
  CHECK(compare_tokens("1 2", "1 2 3", false).reason == "expected 3 tokens, got 2");
}

TEST_CASE("tokens match exactly, decimals within 1e-6, integers never approximately", "[code]")
{
  CHECK_FALSE(compare_tokens("5", "4", false).equal);
  CHECK(compare_tokens("5", "4", false).reason == "token 1: expected '4', got '5'");
  CHECK(compare_tokens("0.3333333", "0.333333333", false).equal);
  CHECK(compare_tokens("2", "2.000000", false).equal);
  CHECK_FALSE(compare_tokens("0.34", "0.33", false).equal);
  CHECK_FALSE(compare_tokens("1000001", "1000000", false).equal);
  CHECK_FALSE(compare_tokens("inf", "inf0", false).equal);
}

TEST_CASE("case-insensitive only when the statement says so", "[code]")
{
  CHECK_FALSE(compare_tokens("yes", "YES", false).equal);
  CHECK(compare_tokens("yes", "YES", true).equal);
}
