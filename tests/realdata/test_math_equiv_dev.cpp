// The labelled answer-equivalence development set (../shared/data/math_equiv_dev/cases.jsonl):
// the math verifier must agree with the careful human labels on >= 99% of the cases not marked
// ambiguous. Prints the figure and every disagreement.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>

#include "harness/core/verifier.hpp"
#include "tests/support/test_env.hpp"
#include "verifiers/math/math_verifier.hpp"

using namespace rb;

TEST_CASE("math verifier agrees with the labelled development set", "[math][realdata]")
{
  const std::string data = test::shared_data_dir();
  if (data.empty()) {
    WARN("SKIPPED: ../shared/data absent");
    return;
  }
  std::ifstream in(data + "/math_equiv_dev/cases.jsonl");
  REQUIRE(in);
  const verifiers::MathVerifier verifier;
  int total = 0;
  int agree = 0;
  int ambiguous = 0;
  int ambiguous_agree = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) {
      continue;
    }
    const auto c = nlohmann::json::parse(line);
    Problem p;
    p.id = c.at("id").get<std::string>();
    p.answer = c.at("gold").get<std::string>();
    const std::string prediction = c.at("prediction").get<std::string>();
    const Verdict v = grade(verifier, p, Response{prediction, "", "stop", false});
    const bool expected = c.at("expected").get<bool>();
    const bool is_ambiguous = c.value("ambiguous", false);
    const bool agrees = v.correct() == expected;
    if (is_ambiguous) {
      ++ambiguous;
      ambiguous_agree += agrees ? 1 : 0;
    } else {
      ++total;
      agree += agrees ? 1 : 0;
    }
    if (!agrees) {
      std::printf("disagreement %s%s: expected %s, got %s: %s\n", p.id.c_str(), is_ambiguous ? " (ambiguous)" : "",
                  expected ? "correct" : "not correct", std::string(to_string(v.kind)).c_str(), v.detail.c_str());
    }
  }
  const double percent = total > 0 ? 100.0 * agree / total : 0.0;
  std::printf("math_equiv_dev: %d/%d non-ambiguous cases agree (%.2f%%); ambiguous: %d/%d agree with the chosen policy\n",
              agree, total, percent, ambiguous_agree, ambiguous);
  CHECK(total >= 270);
  CHECK(percent >= 99.0);
}
