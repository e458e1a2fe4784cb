// Absurd inputs get a verdict quickly, never a crash: bounded work by construction.
#include <catch2/catch.hpp>

#include <chrono>

#include "harness/core/verifier.hpp"
#include "verifiers/math/math_verifier.hpp"

using namespace rb;

namespace {
constexpr auto k_quick = std::chrono::milliseconds(200);  // generous on a shared, loaded machine

struct Timed {
  Verdict verdict;
  std::chrono::milliseconds took{};
};

Timed check(const std::string& gold, const std::string& text)
{
  Problem p;
  p.id = "p";
  p.answer = gold;
  const verifiers::MathVerifier verifier;
  const auto start = std::chrono::steady_clock::now();
  Verdict v = grade(verifier, p, Response{text, "", "stop", false});
  return {v, std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start)};
}
}  // namespace

TEST_CASE("100 KB of nested braces", "[math][limits]")
{
  const std::string braces = std::string(50'000, '{') + "1" + std::string(50'000, '}');
  for (const auto& text : {"\\boxed" + braces, braces, "The answer is " + braces, "\\boxed{" + std::string(100'000, '{')}) {
    const Timed t = check("1", text);
    CHECK(t.took < k_quick);
    CHECK(t.verdict.kind != VerdictKind::correct);
  }
  const Timed gold = check(braces, "\\boxed{1}");
  CHECK(gold.took < k_quick);
}

TEST_CASE("towers of exponents", "[math][limits]")
{
  for (const std::string answer : {"10^10^10", "10^{10^{10}}", "10^{10^{10^{10}}}", "2^{2^{2^{2^{2^{2}}}}}",
                                   "(10^{10})!", "10^{10}!", "\\binom{10^{10}}{10^5}", "9^{9^{9^{9}}}"}) {
    const Timed t = check("10^{10^{10}}", "\\boxed{" + answer + "}");
    CHECK(t.took < k_quick);
    INFO(answer << ": " << t.verdict.detail);
    CHECK(t.verdict.kind != VerdictKind::error);
  }
  CHECK(check("10^{10^{10}}", "\\boxed{10^{10^{10}}}").verdict.kind == VerdictKind::correct);
  CHECK(check("10^{10^{10}}", "\\boxed{10^{10^{10}}+1}").verdict.kind == VerdictKind::incorrect);
}

TEST_CASE("long, deep and many-variable inputs", "[math][limits]")
{
  std::string sum = "x_0";
  for (int i = 1; i < 300; ++i) {
    sum += "+x_{" + std::to_string(i) + "}";
  }
  const std::vector<std::string> inputs{
      std::string(1'000'000, '9'),
      "\\boxed{" + std::string(3'000, '9') + "}",
      "\\boxed{" + sum + "}",
      "\\boxed{" + std::string(2'000, '(') + "1" + std::string(2'000, ')') + "}",
      std::string(200'000, 'a') + " 5",
      "\\boxed{\\sqrt{\\sqrt{\\sqrt{\\sqrt{\\sqrt{\\sqrt{\\sqrt{\\sqrt{2}}}}}}}}}",
      "\\boxed{\\sin(10^{50})}",
      "\\boxed{e^{e^{e^{e^{10}}}}}",
      "\\boxed{\\sum_{k=1}^{10^9} k}",
      "\\boxed{" + std::string(500, '1') + "/" + std::string(500, '7') + "}",
      "\\boxed{(1+\\sqrt{2}+\\sqrt{3}+\\sqrt{5}+\\sqrt{7})^{99999}}",
      "\\boxed{2^{99999999999999999999999}}",
      "\\boxed{1e999999}",
  };
  for (const auto& text : inputs) {
    const Timed t = check("\\frac{1}{2}", text);
    INFO(text.substr(0, 60) << ": " << t.verdict.detail.substr(0, 200));
    CHECK(t.took < k_quick);
    CHECK(t.verdict.kind != VerdictKind::correct);
  }
}
