#include <catch2/catch.hpp>

#include "harness/core/error.hpp"
#include "harness/core/verifier.hpp"
#include "verifiers/exact/numeric_verifier.hpp"
#include "verifiers/registry.hpp"

using namespace rb;
using rb::verifiers::canonical_number;
using rb::verifiers::extract_final_answer;

namespace {
Verdict check(const std::string& gold, const std::string& text, const std::string& finish = "stop",
              bool unclosed = false)
{
  Problem p;
  p.id = "p";
  p.answer = gold;
  const auto verifier = verifiers::make_verifier("numeric");
  return grade(*verifier, p, Response{text, "", finish, unclosed});
}
}  // namespace

TEST_CASE("canonical_number reads the forms models write", "[verifier]")
{
  CHECK(canonical_number("42") == "42");
  CHECK(canonical_number(" -7 ") == "-7");
  CHECK(canonical_number("1,234") == "1234");
  CHECK(canonical_number("0.50") == "1/2");
  CHECK(canonical_number("010") == "10");  // not octal
  CHECK(canonical_number("-0.05") == "-1/20");
  CHECK(canonical_number("\\frac{1}{2}") == "1/2");
  CHECK(canonical_number("\\dfrac{6}{4}") == "3/2");
  CHECK(canonical_number("-\\frac{3}{4}") == "-3/4");
  CHECK(canonical_number("$12$") == "12");
  CHECK(canonical_number("3/4") == "3/4");
  CHECK_FALSE(canonical_number("1,23").has_value());
  CHECK_FALSE(canonical_number("x+1").has_value());
  CHECK_FALSE(canonical_number("1/0").has_value());
  CHECK_FALSE(canonical_number("").has_value());
  CHECK_FALSE(canonical_number(std::string(5000, '9')).has_value());
  CHECK(canonical_number(".5") == "1/2");
  CHECK(canonical_number("-.75") == "-3/4");
  CHECK(canonical_number("12.") == "12");
  CHECK(canonical_number("+5") == "5");
  CHECK(canonical_number("\\frac12") == "1/2");
  CHECK(canonical_number("\\frac{3}4") == "3/4");
  CHECK(canonical_number("3.0e2") == "300");
  CHECK(canonical_number("2.5E-1") == "1/4");
  CHECK_FALSE(canonical_number("1e1000000").has_value());  // bounded work
  CHECK_FALSE(canonical_number(".").has_value());
  CHECK_FALSE(canonical_number("-").has_value());
  CHECK_FALSE(canonical_number("1.2.3").has_value());
}

TEST_CASE("extract_final_answer prefers boxed, then the answer phrase, then the last number", "[verifier]")
{
  CHECK(extract_final_answer("so 3 then \\boxed{12} and 5")->answer == "12");
  CHECK(extract_final_answer("\\boxed{1} ... \\boxed{\\frac{1}{2}}")->answer == "\\frac{1}{2}");
  CHECK(extract_final_answer("The answer is 12 (not 13).")->answer == "12");
  CHECK(extract_final_answer("Answer: -4")->answer == "-4");
  const auto fallback = extract_final_answer("we get 3 and then 9");
  REQUIRE(fallback);
  CHECK(fallback->answer == "9");
  CHECK(fallback->rule == "last number (fallback)");
  CHECK_FALSE(extract_final_answer("no digits here").has_value());
}

TEST_CASE("extraction never takes a piece of a larger expression", "[verifier]")
{
  // Known grader mistakes: the numerator of a fraction, the exponent of a power, the mantissa
  // of scientific notation, a number glued to a word or a decimal point.
  CHECK(extract_final_answer("The answer is .5")->answer == ".5");
  CHECK(extract_final_answer("answer is -.75")->answer == "-.75");
  CHECK(extract_final_answer("Answer: \\(\\frac{3}{4}\\)")->answer == "\\frac{3}{4}");
  CHECK(extract_final_answer("The answer is 3.0e2")->answer == "3.0e2");
  CHECK(extract_final_answer("**Answer:** $42$.")->answer == "42");
  CHECK_FALSE(extract_final_answer("so it is 2^{10}").has_value());
  CHECK_FALSE(extract_final_answer("we need x2 and a_1").has_value());
  CHECK(extract_final_answer("we get 2^{10} = 1024")->answer == "1024");
  CHECK(extract_final_answer("it costs 5 dollars.")->answer == "5");
}

TEST_CASE("numeric verifier decides exactly, with no tolerance", "[verifier]")
{
  CHECK(check("58", "The final answer is \\boxed{58}.").kind == VerdictKind::correct);
  CHECK(check("1000", "\\boxed{1,000}").kind == VerdictKind::correct);
  CHECK(check("0.5", "\\boxed{\\frac{1}{2}}").kind == VerdictKind::correct);
  CHECK(check("50", "\\boxed{0.5}").kind == VerdictKind::incorrect);     // Qwen's grader says equal
  CHECK(check("10000", "\\boxed{10001}").kind == VerdictKind::incorrect);  // no relative tolerance
  CHECK(check("1/3", "\\boxed{0.333}").kind == VerdictKind::incorrect);
  CHECK(check("7", "I cannot tell.").kind == VerdictKind::no_answer);
  CHECK(check("7", "\\boxed{x}").kind == VerdictKind::incorrect);
  CHECK(check("5", "The answer is .5").kind == VerdictKind::incorrect);
  CHECK(check("75", "answer is -.75").kind == VerdictKind::incorrect);
  CHECK(check("3", "Answer: \\(\\frac{3}{4}\\)").kind == VerdictKind::incorrect);
  CHECK(check("3", "The answer is 3.0e2").kind == VerdictKind::incorrect);
  CHECK(check("10", "so it is 2^{10}").kind == VerdictKind::no_answer);
  CHECK(check("12", "\\boxed{12.}").kind == VerdictKind::correct);
  CHECK(check("0.5", "\\boxed{\\frac12}").kind == VerdictKind::correct);
  CHECK(check("5", "\\boxed{+5}").kind == VerdictKind::correct);
}

TEST_CASE("grade applies the truncation rules before the verifier", "[verifier]")
{
  CHECK(check("7", "", "stop", true).kind == VerdictKind::truncated);
  CHECK(check("7", "so far 3", "length").kind == VerdictKind::truncated);
  CHECK(check("7", "\\boxed{7} and then more", "length").kind == VerdictKind::correct);
  const auto v = check("7", "\\boxed{8}");
  CHECK(v.extracted == std::optional<std::string>("8"));
  CHECK(v.detail == "boxed: 8 != gold 7");
  CHECK(v.vote == "8");
  CHECK(check("0.5", "\\boxed{\\frac{2}{4}}").vote == "1/2");
  CHECK(check("7", "no idea").vote.empty());
}

TEST_CASE("a bad gold answer is an error verdict, not incorrect", "[verifier]")
{
  CHECK(check("seven", "\\boxed{7}").kind == VerdictKind::error);
}

TEST_CASE("unknown verifier names get a suggestion", "[verifier]")
{
  try {
    verifiers::make_verifier("numerc");
    FAIL("no exception");
  } catch (const ConfigError& e) {
    CHECK(std::string(e.what()) == "unknown verifier 'numerc', did you mean 'numeric'?");
  }
}
