// Verdicts are stable: 1,000 code samples (HumanEval and MBPP references and their mutants)
// graded three times give identical verdicts and identical per-test results.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cstdlib>

#include "suites/registry.hpp"
#include "tests/realdata/code_realdata_support.hpp"
#include "tests/support/test_env.hpp"
#include "verifiers/registry.hpp"
#include "verifiers/sandbox/sandbox.hpp"

using namespace rb;
using json = nlohmann::json;
using test::Mutant;

TEST_CASE("1,000 code samples graded three times give identical verdicts", "[realdata][code]")
{
  if (!test::code_data_prepared()) {
    return;
  }
  std::vector<Problem> problems;  // one per sample: the same problem with another answer
  std::vector<std::string> answers;
  for (const char* spec : {"humaneval", "mbpp"}) {
    const Suite suite = suites::load_suite(spec, {});
    for (const Problem& p : suite.problems) {
      const std::string entry = json::parse(p.checker_data).value("entry", "");
      const std::string code = test::unfence(p.reference);
      answers.push_back(p.reference);
      problems.push_back(p);
      for (const Mutant kind : {Mutant::return_none, Mutant::off_by_one, Mutant::swapped_branch}) {
        const std::string mutant = test::python_mutant(code, entry, false, kind);
        if (!mutant.empty()) {
          answers.push_back(test::fenced("python", mutant));
          problems.push_back(p);
        }
      }
      if (answers.size() >= 1000) {
        break;
      }
    }
  }
  problems.resize(1000);
  answers.resize(1000);
  for (std::size_t i = 0; i < problems.size(); ++i) {
    problems[i].reference = answers[i];  // grade_each grades the reference field
  }
  const auto verifier = verifiers::make_verifier("code");
  std::vector<std::string> first;
  std::size_t correct = 0;
  for (int round = 0; round < 3; ++round) {
    const auto graded = test::grade_each(*verifier, problems, [](const Problem& p) { return p.reference; });
    std::vector<std::string> outcome;
    for (const auto& g : graded) {
      const json data = json::parse(g.verdict.data.empty() ? "{}" : g.verdict.data);
      outcome.push_back(g.problem_id + " " + std::string(to_string(g.verdict.kind)) + " " +
                        std::to_string(data.value("tests_passed", -1)) + "/" + std::to_string(data.value("tests_total", -1)));
    }
    if (round == 0) {
      first = outcome;
      correct = static_cast<std::size_t>(std::count_if(graded.begin(), graded.end(), [](const test::Graded& g) {
        return g.verdict.kind == VerdictKind::correct;
      }));
      continue;
    }
    std::vector<std::string> changed;
    for (std::size_t i = 0; i < outcome.size(); ++i) {
      if (outcome[i] != first[i]) {
        changed.push_back(std::to_string(i) + ": " + first[i] + " -> " + outcome[i]);
      }
    }
    INFO("round " << round + 1 << ": " << changed.size() << " verdicts changed:\n" << test::joined(changed));
    CHECK(changed.empty());
  }
  WARN("stability: 1000 samples x 3 rounds, " << correct << " correct each round");
}
