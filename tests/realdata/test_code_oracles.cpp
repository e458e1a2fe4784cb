// The code suites WITHOUT reference solutions (leetcode-contest, humaneval-cpp from MultiPL-E,
// codecontests, codeforces), from ../shared/data, through the real sandbox. In place of a
// reference, each problem gets an oracle program built by this test from the trusted side of
// the data (a table of the expected outputs, or the test's own expected expressions): it must
// be graded correct, which shows that every test splits, every expected value survives the
// round trip and the comparison accepts the dataset's own answers. Its mutant (an extra output
// token, `return None`, `return {}`) must be graded incorrect.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cstdlib>

#include "suites/registry.hpp"
#include "tests/realdata/code_realdata_support.hpp"
#include "tests/support/test_env.hpp"
#include "verifiers/code/cpp_split.hpp"
#include "verifiers/code/prepass.hpp"
#include "verifiers/registry.hpp"
#include "verifiers/sandbox/sandbox.hpp"

using namespace rb;
using json = nlohmann::json;

namespace {

/// A Python string literal holding `text` (JSON's escapes are Python's too; '/' is not escaped).
std::string python_literal(const std::string& text) { return json(text).dump(); }

/// stdin/stdout: a program printing the expected output of whichever test input it is given.
std::string stdio_oracle(const Problem& p, bool mutant)
{
  const json task = json::parse(p.checker_data);
  json table = json::object();
  for (const auto& t : task["tests"]) {
    table[t.value("input", "")] = t.value("output", "");
  }
  return test::fenced("python", "import json, sys\nT = json.loads(" + python_literal(table.dump()) +
                                    ")\nsys.stdout.write(T[sys.stdin.read()]" + (mutant ? " + ' rb-extra\\n'" : "") + ")\n");
}

/// Solution-class calls: a Solution answering each call, in order, with its expected value
/// (decoded by the driver's own codec), or None for the mutant.
std::string leetcode_oracle(const Problem& p, bool mutant)
{
  const json task = json::parse(p.checker_data);
  const auto split = verifiers::code::split_tests(task, sandbox::shared_sandbox(sandbox::Isolation::namespaces));
  if (split->contains("unsupported")) {
    return test::fenced("python", "class Solution:\n    pass  # unsupported: " + split->value("unsupported", "") + "\n");
  }
  json answers = json::array();
  for (const auto& t : (*split)["tests"]) {
    const std::string cmp = t.value("cmp", "eq");
    json expected = t.value("expected", json());
    if (t.contains("wrap_def") && expected.is_array()) {
      expected = json{{"$list_node", expected}};  // the test's own helper turns a linked list into a list
    }
    answers.push_back(cmp == "ne" ? json("rb-not-the-expected-value") : expected);
  }
  return test::fenced("python",
                      "import json, sys\n_RB_ANSWERS = json.loads(" + python_literal(answers.dump()) + ")\n_rb_k = [0]\n"
                      "class Solution:\n"
                      "    def __getattr__(self, name):\n"
                      "        def answer(*args, **kwargs):\n"
                      "            value = _RB_ANSWERS[_rb_k[0]]\n"
                      "            _rb_k[0] += 1\n" +
                          std::string(mutant ? "            return None\n"
                                             : "            return sys.modules['__main__']._rb_decode(value, globals())\n") +
                          "        return answer\n");
}

/// MultiPL-E C++: the function returns, call after call, the test's own expected expressions.
std::string cpp_oracle(const Problem& p, bool mutant)
{
  const json task = json::parse(p.checker_data);
  const auto split = verifiers::code::split_cpp_test(task.value("test", ""), task.value("call_name", "candidate"));
  std::string body = "  static int rb_k = 0;\n  switch (rb_k++) {\n";
  for (std::size_t i = 0; i < split.tests.size(); ++i) {
    body += "    case " + std::to_string(i) + ": return " + (mutant ? "{}" : split.tests[i].expected_expr) + ";\n";
  }
  body += "  }\n  return {};\n}\n";
  return test::fenced("cpp", task.value("signature", "") + "\n" + body);
}

void check_oracles(const std::string& spec, std::size_t count, const std::function<std::string(const Problem&, bool)>& oracle,
                   std::size_t allowed_failures = 0)
{
  const Suite suite = suites::load_suite(spec, {});
  REQUIRE(suite.problems.size() == count);
  const auto verifier = verifiers::make_verifier(suite.verifier);
  const auto good = test::grade_each(*verifier, suite.problems, [&](const Problem& p) { return oracle(p, false); });
  const auto failed = test::unless_load(test::where(good, false));
  INFO(spec << ": " << failed.size() << " oracles not graded correct:\n" << test::joined(failed));
  CHECK(failed.size() <= allowed_failures);
  const auto bad = test::grade_each(*verifier, suite.problems, [&](const Problem& p) { return oracle(p, true); });
  const auto survivors = test::where(bad, true);
  INFO(spec << ": " << survivors.size() << " mutants graded correct:\n" << test::joined(survivors));
  CHECK(survivors.empty());
  WARN(spec << ": oracles correct " << test::where(good, true).size() << "/" << count << ", mutants caught "
            << (count - survivors.size()) << "/" << count);
}

}  // namespace

TEST_CASE("leetcode-contest: 180 problems split, their expected values round-trip, mutants fail", "[realdata][code]")
{
  if (!test::code_data_prepared()) {
    return;
  }
  check_oracles("leetcode-contest", 180, leetcode_oracle);
}

TEST_CASE("humaneval-cpp (MultiPL-E): 158 problems split, their expected values round-trip, mutants fail",
          "[realdata][code]")
{
  if (!test::slow_tests_wanted() || !test::code_data_prepared()) {
    return;
  }
  check_oracles("humaneval-cpp", 158, cpp_oracle);
}

TEST_CASE("codecontests: 165 problems, every expected output accepted, a changed one rejected", "[realdata][code]")
{
  if (!test::code_data_prepared()) {
    return;
  }
  check_oracles("codecontests", 165, stdio_oracle);
}

TEST_CASE("codeforces: 408 problems, every expected output accepted, a changed one rejected", "[realdata][code]")
{
  if (!test::code_data_prepared()) {
    return;
  }
  check_oracles("codeforces", 408, stdio_oracle);
}
