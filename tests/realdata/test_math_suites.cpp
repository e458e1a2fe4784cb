// Every math suite on its real files (../shared/data, SOURCES.md): record counts, every gold
// answer correct against itself (through its reference response), incorrect against every other
// problem's gold unless the two are truly equal, and the last \boxed{} of MATH-500 and Minerva
// solutions equal to the gold answer.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "harness/core/verifier.hpp"
#include "suites/loaders/math_datasets.hpp"
#include "suites/params.hpp"
#include "tests/support/test_env.hpp"
#include "verifiers/exact/numeric_verifier.hpp"
#include "verifiers/math/math_verifier.hpp"

using namespace rb;

namespace {

using Loader = Suite (*)(suites::SuiteParams&, const suites::LoadOptions&);

struct MathSuite {
  const char* name;
  Loader load;
  const char* file;
  std::size_t records;  ///< SOURCES.md
};

const std::vector<MathSuite>& math_suites()
{
  static const std::vector<MathSuite> k_suites{
      {"gsm8k", suites::load_gsm8k, "gsm8k/test.jsonl", 1319},
      {"math500", suites::load_math500, "math500/test.jsonl", 500},
      {"aime24", suites::load_aime24, "aime24/test.jsonl", 30},
      {"aime25", suites::load_aime25, "aime25/test.jsonl", 30},
      {"hmmt_feb_2025", suites::load_hmmt_feb_2025, "hmmt_feb_2025/test.jsonl", 30},
      {"amc23", suites::load_amc23, "amc23/test.jsonl", 40},
      {"minerva_math", suites::load_minerva_math, "minerva_math/test.jsonl", 272},
      {"olympiadbench", suites::load_olympiadbench, "olympiadbench/test.jsonl.gz", 675},
  };
  return k_suites;
}

Suite load(const MathSuite& s, const std::string& data)
{
  suites::SuiteParams params(s.name);
  return s.load(params, {data + "/" + s.file, "", 0});
}

/// An oracle for "truly equal" gold answers that does not use the verifier: the same text once
/// spacing, delimiters, units, %, degrees, a leading "x =" and a base subscript are dropped, and
/// comma lists sorted; or the same number for the numeric verifier.
std::string plain(std::string s)
{
  static const std::vector<std::pair<std::regex, std::string>> k_rules{
      {std::regex(R"(\\(mbox|text)\{[^}]*\}(\^\d)?)"), ""},
      {std::regex(R"(\\\$)"), ""},
      {std::regex(R"(\\left|\\right|\\!|\\,|\$|\\%|%|\^\\circ|\^\{\\circ\}|\s)"), ""},
      {std::regex(R"(^[a-zA-Z](\([a-z]\))?=)"), ""},
      {std::regex(R"(_\{?\d+\}?$)"), ""},
      {std::regex(R"(^\((.*)\)$)"), "$1"},
      {std::regex(R"(\.$)"), ""},
  };
  for (const auto& [pattern, replacement] : k_rules) {
    s = std::regex_replace(s, pattern, replacement);
  }
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t k = 0; k <= s.size(); ++k) {
    if (k == s.size() || s[k] == ',') {
      parts.push_back(s.substr(start, k - start));
      start = k + 1;
    }
  }
  std::sort(parts.begin(), parts.end());
  std::string out;
  for (const auto& p : parts) {
    out += (out.empty() ? "" : ",") + p;
  }
  return out;
}

/// Pairs of different golds that are equal by the grading policy and that the text oracle above
/// does not see; each reviewed by hand.
bool reviewed_equal(const std::string& a, const std::string& b)
{
  static const std::set<std::pair<std::string, std::string>> k_pairs{
      {"42", "52_8"},            // 52 in base 8 is 42: the same number, its base written
      {"\\pi", "180^\\circ"},    // degrees are pi/180 as values
  };
  return k_pairs.contains({a, b}) || k_pairs.contains({b, a});
}

bool truly_equal(const std::string& a, const std::string& b)
{
  if (plain(a) == plain(b)) {
    return true;
  }
  const auto x = verifiers::canonical_number(a);
  const auto y = verifiers::canonical_number(b);
  return (x && y && *x == *y) || reviewed_equal(a, b);
}

Verdict grade_text(const Problem& p, const std::string& text)
{
  static const verifiers::MathVerifier verifier;
  return grade(verifier, p, Response{text, "", "stop", false});
}

}  // namespace

TEST_CASE("math suites load with the record counts of SOURCES.md and unique ids", "[math][realdata]")
{
  const std::string data = test::shared_data_dir();
  if (data.empty()) {
    WARN("SKIPPED: ../shared/data absent");
    return;
  }
  for (const auto& s : math_suites()) {
    INFO(s.name);
    const Suite suite = load(s, data);
    CHECK(suite.problems.size() == s.records);
    CHECK(suite.verifier == "math");
    std::set<std::string> ids;
    for (const auto& p : suite.problems) {
      CHECK(ids.insert(p.id).second);
      CHECK_FALSE(p.answer.empty());
      CHECK_FALSE(p.text.empty());
    }
  }
}

TEST_CASE("every gold answer is correct against itself and incorrect against other golds", "[math][realdata]")
{
  const std::string data = test::shared_data_dir();
  if (data.empty()) {
    WARN("SKIPPED: ../shared/data absent");
    return;
  }
  for (const auto& s : math_suites()) {
    const Suite suite = load(s, data);
    int self_failures = 0;
    long pairs = 0;
    int equal_pairs = 0;
    for (std::size_t i = 0; i < suite.problems.size(); ++i) {
      const Problem& p = suite.problems[i];
      const Verdict v = grade_text(p, p.reference);
      if (!v.correct()) {
        ++self_failures;
        std::printf("%s %s: the reference is not correct: %s\n", s.name, p.id.c_str(), v.detail.c_str());
      }
      for (std::size_t j = i + 1; j < suite.problems.size(); ++j) {
        ++pairs;
        const Problem& q = suite.problems[j];
        const auto c = verifiers::compare_math_answers(p.answer, q.answer);
        if (!c.equal) {
          continue;
        }
        ++equal_pairs;
        const bool ok = truly_equal(p.answer, q.answer);
        if (!ok) {
          std::printf("%s: golds of %s and %s graded equal: '%s' vs '%s': %s\n", s.name, p.id.c_str(), q.id.c_str(),
                      p.answer.c_str(), q.answer.c_str(), c.rule.c_str());
        }
        CHECK(ok);
      }
    }
    std::printf("%s: %zu golds correct against themselves (%d failures); %ld pairs of different problems, %d graded "
                "equal, all truly equal values\n",
                s.name, suite.problems.size() - static_cast<std::size_t>(self_failures), self_failures, pairs,
                equal_pairs);
    CHECK(self_failures == 0);
  }
}

TEST_CASE("MATH-500 and Minerva: the last box of the solution matches the gold answer", "[math][realdata]")
{
  const std::string data = test::shared_data_dir();
  if (data.empty()) {
    WARN("SKIPPED: ../shared/data absent");
    return;
  }
  for (const auto& [name, file] : {std::pair{"math500", "math500/test.jsonl"}, std::pair{"minerva_math", "minerva_math/test.jsonl"}}) {
    std::ifstream in(data + "/" + file);
    REQUIRE(in);
    std::string line;
    int n = 0;
    int correct = 0;
    while (std::getline(in, line)) {
      const auto record = nlohmann::json::parse(line);
      Problem p;
      p.id = std::to_string(n++);
      const std::string solution = record.at("solution").get<std::string>();
      p.answer = record.contains("answer") ? record.at("answer").get<std::string>() : suites::last_boxed_content(solution);
      const Verdict v = grade_text(p, solution);
      if (v.correct()) {
        ++correct;
      } else {
        std::printf("%s line %d: %s\n", name, n, v.detail.c_str());
      }
    }
    std::printf("%s: %d/%d solutions graded correct against the gold answer\n", name, correct, n);
    CHECK(correct == n);
  }
}

TEST_CASE("reasonbench grade works on the math suites", "[math][realdata]")
{
  const std::string data = test::shared_data_dir();
  if (data.empty()) {
    WARN("SKIPPED: ../shared/data absent");
    return;
  }
  if (!std::filesystem::exists(test::binary())) {
    WARN("SKIPPED: the reasonbench binary is not built");
    return;
  }
  test::TempDir dir;
  test::write_file(dir.file("gen.jsonl"),
                   "{\"problem_id\": \"test/precalculus/807.json\", \"response\": \"<think>polar</think>So "
                   "$\\\\boxed{(3, \\\\frac{\\\\pi}{2})}$.\"}\n"
                   "{\"problem_id\": \"test/precalculus/807.json\", \"sample\": 1, \"response\": \"\\\\boxed{(3, \\\\pi)}\"}\n"
                   "{\"problem_id\": \"test/precalculus/807.json\", \"sample\": 2, \"response\": \"<think>never ends\"}\n");
  const auto r = test::run_command({test::binary(), "grade", "--suite", "math500", "--data", data + "/math500/test.jsonl",
                                    "--in", dir.file("gen.jsonl"), "--out", dir.file("v.jsonl")});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto lines = test::lines_of(test::read_file(dir.file("v.jsonl")));
  REQUIRE(lines.size() == 3);
  CHECK(nlohmann::json::parse(lines[0])["verdict"] == "correct");
  CHECK(nlohmann::json::parse(lines[1])["verdict"] == "incorrect");
  CHECK(nlohmann::json::parse(lines[2])["verdict"] == "truncated");

  test::write_file(dir.file("m.jsonl"), "{\"id\": \"q1\", \"problem\": \"Half of 1?\", \"answer\": \"\\\\frac12\"}\n");
  test::write_file(dir.file("g2.jsonl"), "{\"problem_id\": \"q1\", \"response\": \"The answer is 0.5.\"}\n");
  const auto m = test::run_command({test::binary(), "grade", "--suite", "math", "--data", dir.file("m.jsonl"), "--in",
                                    dir.file("g2.jsonl")});
  INFO(m.err);
  REQUIRE(m.exit_code == 0);
  const auto row = nlohmann::json::parse(test::lines_of(m.out).at(0));
  CHECK(row["verdict"] == "correct");
  CHECK(row["extracted"] == "0.5");
}
