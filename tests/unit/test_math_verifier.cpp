// The "math" verifier: verdict kinds, details, votes, data, determinism and thread safety.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <thread>
#include <vector>

#include "harness/core/verifier.hpp"
#include "verifiers/math/math_verifier.hpp"
#include "verifiers/registry.hpp"

using namespace rb;

namespace {
Verdict check(const std::string& gold, const std::string& text, const std::string& finish = "stop",
              bool unclosed = false, const std::string& reasoning = "")
{
  Problem p;
  p.id = "p";
  p.answer = gold;
  const verifiers::MathVerifier verifier;
  return grade(verifier, p, Response{text, reasoning, finish, unclosed});
}
}  // namespace

TEST_CASE("the math verifier is in the registry", "[math][verifier]")
{
  const auto verifier = verifiers::make_verifier("math");
  CHECK(verifier->name() == "math");
  CHECK_FALSE(verifier->version().empty());
}

TEST_CASE("verdicts: correct, incorrect, no_answer, truncated", "[math][verifier]")
{
  CHECK(check("\\frac{1}{2}", "So the answer is $\\boxed{0.5}$.").kind == VerdictKind::correct);
  CHECK(check("6", "The answer is not 5; it is 6.").kind == VerdictKind::correct);
  CHECK(check("5", "The answer is not 5; it is 6.").kind == VerdictKind::incorrect);
  CHECK(check("5", "After simplifying we obtain \\boxed{}.").kind == VerdictKind::no_answer);
  CHECK(check("5", "").kind == VerdictKind::no_answer);
  CHECK(check("5", "", "stop", false, "long thinking...").detail == "the answer part is empty (only reasoning)");
  CHECK(check("5", "<think>still thinking about \\boxed{5}").kind == VerdictKind::truncated);
  CHECK(check("5", "", "stop", true).kind == VerdictKind::truncated);
  CHECK(check("5", "partial work... and so \\boxed{4", "length").kind == VerdictKind::truncated);
  CHECK(check("5", "\\boxed{5}", "length").kind == VerdictKind::correct);  // the answer came before the limit
}

TEST_CASE("reasoning tags left in the text are split off", "[math][verifier]")
{
  const Verdict v = check("4", "<think>\nmaybe \\boxed{3}? No.\n</think>\nThe positive solution is $x = \\boxed{4}$.");
  CHECK(v.kind == VerdictKind::correct);
  CHECK(check("3", "<think>maybe \\boxed{3}</think>The answer is $\\boxed{4}$.").kind == VerdictKind::incorrect);
}

TEST_CASE("a verdict records the extracted answer, the extraction rule and the deciding rule", "[math][verifier]")
{
  const Verdict v = check("2\\sqrt{3}", "Therefore the length is $\\boxed{\\sqrt{12}}$.");
  REQUIRE(v.kind == VerdictKind::correct);
  CHECK(v.extracted == "\\sqrt{12}");
  CHECK_THAT(v.detail, Catch::StartsWith("boxed: '\\sqrt{12}' vs gold '2\\sqrt{3}': exact"));
  const auto data = nlohmann::json::parse(v.data);
  CHECK(data["extraction_rule"] == "boxed");
  CHECK(data["fallback"] == false);
  CHECK(data["answer_form"] == "sqrt(12)");
  CHECK_THAT(data["decision"].get<std::string>(), Catch::Contains("exact"));
  const Verdict fallback = check("2014", "So the year was 2014.");
  CHECK_THAT(fallback.detail, Catch::StartsWith("last number (fallback)"));
}

TEST_CASE("votes are canonical: equivalent answers vote together", "[math][verifier]")
{
  CHECK(check("1", "\\boxed{0.5}").vote == check("1", "\\boxed{\\frac{1}{2}}").vote);
  CHECK(check("1", "\\boxed{\\frac{\\sqrt2}{2}}").vote == check("1", "\\boxed{\\frac{1}{\\sqrt{2}}}").vote);
  CHECK(check("1", "\\boxed{\\{2, 1\\}}").vote == check("1", "\\boxed{1, 2}").vote);
  CHECK(check("1", "\\boxed{x = 3}").vote == check("1", "\\boxed{3}").vote);
  CHECK(check("1", "\\boxed{(x+1)^2}").vote == check("1", "\\boxed{x^2+2x+1}").vote);
  CHECK(check("1", "\\boxed{\\ln 2}").vote == check("1", "\\boxed{\\log 2}").vote);
  CHECK(check("1", "\\boxed{0.5}").vote != check("1", "\\boxed{0.6}").vote);
  CHECK(check("1", "no answer").vote.empty());
}

TEST_CASE("gold answers written as solutions or with a choice are read", "[math][verifier]")
{
  CHECK(check("Solving for $x$ yields $x=1/5$, or $\\boxed{20}$ percent.", "\\boxed{20\\%}").kind ==
        VerdictKind::correct);
  CHECK(check("\\textbf{(E)}\\ 27", "\\boxed{E}").kind == VerdictKind::correct);
  CHECK(check("\\textbf{(E)}\\ 27", "\\boxed{27}").kind == VerdictKind::correct);
  CHECK(check("\\textbf{(E)}\\ 27", "\\boxed{D}").kind == VerdictKind::incorrect);
  CHECK(check("", "\\boxed{1}").kind == VerdictKind::error);
}

TEST_CASE("one answer boxed twice in two forms counts, a hedge does not", "[math][verifier]")
{
  CHECK(check("\\frac{639}{40}", "$d = \\boxed{15\\frac{39}{40}},$ or $\\boxed{\\frac{639}{40}}$ inches.").kind ==
        VerdictKind::correct);
  CHECK(check("2", "The answer is either $\\boxed{2}$ or $\\boxed{3}$; I am not sure which.").kind ==
        VerdictKind::incorrect);
}

TEST_CASE("verdicts are deterministic and the verifier is thread-safe", "[math][verifier]")
{
  const std::vector<std::pair<std::string, std::string>> items{
      {"\\frac{\\sqrt{3}}{2}", "\\boxed{\\cos\\frac{\\pi}{6}}"}, {"x^2-1", "\\boxed{(x-1)(x+1)}"},
      {"\\ln 8", "\\boxed{3\\ln 2}"},                              {"(1,2)", "\\boxed{(2,1)}"},
      {"[0,1)", "The final answer is $[0, 1)$."},                   {"2\\pi", "\\boxed{6.283185307179586}"},
      {"e^{i\\pi}", "\\boxed{-1}"},                                 {"\\frac{1}{2004!}", "\\boxed{\\frac{1}{2006!}}"},
  };
  std::vector<std::string> expected;
  for (const auto& [g, r] : items) {
    const Verdict v = check(g, r);
    expected.push_back(std::string(to_string(v.kind)) + "|" + v.detail + "|" + v.vote);
  }
  std::vector<std::string> seen(items.size() * 8);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round) {
        for (std::size_t i = 0; i < items.size(); ++i) {
          const Verdict v = check(items[i].first, items[i].second);
          seen[t * items.size() + i] = std::string(to_string(v.kind)) + "|" + v.detail + "|" + v.vote;
        }
      }
    });
  }
  for (auto& th : threads) {
    th.join();
  }
  for (std::size_t k = 0; k < seen.size(); ++k) {
    CHECK(seen[k] == expected[k % items.size()]);
  }
}
