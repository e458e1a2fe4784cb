// Logic-RL's Knights and Knaves from ../shared/data: 5 files of 100; each record's formal
// statements, brute-forced here, have exactly one solution, the stored one; the gold answer
// texts score 100%, answers with one role flipped 0%.
#include <catch2/catch.hpp>

#include <cctype>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "suites/loaders/dataset_json.hpp"
#include "tests/support/test_env.hpp"
#include "tests/unit/test_puzzle_support.hpp"

using namespace rb;
using nlohmann::json;

namespace {

/// Python tuple text "(('not', ('telling-truth', 2)), ...)" as nested JSON arrays.
struct TupleParser {
  std::string_view s;
  std::size_t i = 0;
  json parse()
  {
    while (s[i] == ' ' || s[i] == ',') {
      ++i;
    }
    if (s[i] == '(') {
      ++i;
      json list = json::array();
      while (true) {
        while (s[i] == ' ' || s[i] == ',') {
          ++i;
        }
        if (s[i] == ')') {
          ++i;
          return list;
        }
        list.push_back(parse());
      }
    }
    if (s[i] == '\'') {
      const std::size_t end = s.find('\'', i + 1);
      json out = std::string(s.substr(i + 1, end - i - 1));
      i = end + 1;
      return out;
    }
    std::size_t end = i;
    while (end < s.size() && std::isdigit(static_cast<unsigned char>(s[end])) != 0) {
      ++end;
    }
    json out = std::stoi(std::string(s.substr(i, end - i)));
    i = end;
    return out;
  }
};

bool holds(const json& e, unsigned mask)
{
  const std::string op = e[0];
  if (op == "telling-truth") {
    return ((mask >> e[1].get<int>()) & 1U) != 0;
  }
  if (op == "lying") {
    return ((mask >> e[1].get<int>()) & 1U) == 0;
  }
  if (op == "not") {
    return !holds(e[1], mask);
  }
  if (op == "and" || op == "or") {
    bool all = true;
    bool any = false;
    for (std::size_t k = 1; k < e.size(); ++k) {
      const bool v = holds(e[k], mask);
      all = all && v;
      any = any || v;
    }
    return op == "and" ? all : any;
  }
  if (op == "->") {
    return !holds(e[1], mask) || holds(e[2], mask);
  }
  if (op == "<=>") {
    return holds(e[1], mask) == holds(e[2], mask);
  }
  FAIL("unknown operator " << op);
  return false;
}

}  // namespace

TEST_CASE("knights and knaves data: 500 puzzles, 100 per size, unique solutions, gold answers correct",
          "[realdata][puzzles]")
{
  const std::string dir = test::shared_data_dir();
  if (dir.empty()) {
    WARN("SKIPPED: ../shared/data absent");
    return;
  }
  ::setenv("REASONBENCH_DATA", dir.c_str(), 1);
  const Suite suite = suites::load_suite("knights_and_knaves", {});
  REQUIRE(suite.problems.size() == 500);
  for (int people = 3; people <= 7; ++people) {
    CHECK(suites::load_suite("knights_and_knaves?people=" + std::to_string(people), {}).problems.size() ==
          100);
  }
  const auto verifier = verifiers::make_verifier(suite.verifier);
  std::size_t index = 0;
  for (int people = 3; people <= 7; ++people) {
    const std::string path =
        dir + "/knights_and_knaves_logic_rl/kk_" + std::to_string(people) + "ppl_test.jsonl.gz";
    suites::for_each_json_line("kk", path, [&](const suites::JsonLine& line) {
      const suites::Record r("kk", path, line);
      const Problem& p = suite.problems[index++];
      INFO(p.id << ": " << p.text);
      // The formal statements have exactly one consistent assignment: the stored solution.
      const json statements = TupleParser{r.text("statements")}.parse();
      REQUIRE(statements.size() == static_cast<std::size_t>(people));
      int consistent = 0;
      unsigned found = 0;
      for (unsigned mask = 0; mask < (1U << people); ++mask) {
        bool ok = true;
        for (int i = 0; i < people && ok; ++i) {
          ok = holds(statements[static_cast<std::size_t>(i)], mask) == (((mask >> i) & 1U) != 0);
        }
        consistent += ok ? 1 : 0;
        found = ok ? mask : found;
      }
      CHECK(consistent == 1);
      for (int i = 0; i < people; ++i) {
        CHECK(r.json()["solution"][static_cast<std::size_t>(i)].get<bool>() == (((found >> i) & 1U) != 0));
      }
      // Gold texts in both published forms, and our reference, are correct; one flip is not.
      CHECK(test::grade_text(*verifier, p, "<answer> " + r.text("solution_text_format") + " </answer>")
                .correct());
      CHECK(test::grade_text(*verifier, p, "<answer>" + r.text("solution_text") + "</answer>").correct());
      CHECK(test::grade_text(*verifier, p, p.reference).correct());
      std::string flipped = r.text("solution_text_format");
      const std::size_t knight = flipped.find("knight");
      const std::size_t knave = flipped.find("knave");
      if (knave == std::string::npos || (knight != std::string::npos && knight < knave)) {
        flipped.replace(knight, 6, "knave");
      } else {
        flipped.replace(knave, 5, "knight");
      }
      CHECK(test::grade_text(*verifier, p, "<answer>" + flipped + "</answer>").kind ==
            VerdictKind::incorrect);
    });
  }
  CHECK(index == 500);
}
