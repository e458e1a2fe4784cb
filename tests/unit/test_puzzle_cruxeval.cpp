// The cruxeval verifier and its checker program, run against a fake sandbox that executes the
// checker with the local python3 in a temporary folder (no isolation: the inputs here are ours).
// The real sandbox runs the whole data set in tests/realdata/test_puzzle_cruxeval_data.cpp.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/support/test_env.hpp"
#include "tests/unit/test_puzzle_support.hpp"
#include "verifiers/puzzles/cruxeval_check.hpp"
#include "verifiers/puzzles/cruxeval_verifier.hpp"
#include "verifiers/sandbox/sandbox.hpp"

using namespace rb;

namespace {

class LocalPython : public sandbox::Sandbox {
 public:
  sandbox::RunResult run(const sandbox::RunSpec& spec) override
  {
    ++runs;
    sandbox::RunResult result;
    if (fail) {
      result.detail = "fake failure";
      return result;  // Status::sandbox_error
    }
    test::TempDir dir;
    test::write_file(dir.file("main.py"), spec.source);
    for (const auto& f : spec.files) {
      test::write_file(dir.file(f.name), f.content);
    }
    const auto out =
        test::run_command({"/bin/sh", "-c", "cd '" + dir.path().string() + "' && exec python3 main.py"});
    result.status = out.exit_code == 0 ? sandbox::Status::ok : sandbox::Status::runtime_error;
    result.exit_code = out.exit_code;
    result.stdout_text = out.out;
    result.stderr_text = out.err;
    return result;
  }
  sandbox::Isolation isolation() const override { return sandbox::Isolation::weak; }
  std::string describe() const override { return "local python3 (tests only)"; }

  int runs = 0;
  bool fail = false;
};

Problem crux(const std::string& mode, const std::string& code, const std::string& input,
             const std::string& output)
{
  Problem p;
  p.id = "sample_t";
  p.checker_data =
      nlohmann::json{{"mode", mode}, {"code", code}, {"input", input}, {"output", output}}.dump();
  return p;
}

const std::string k_code = "def f(text, n):\n    return text * n\n";

}  // namespace

TEST_CASE("cruxeval: the prediction in an answer", "[puzzles][cruxeval]")
{
  using verifiers::cruxeval_prediction;
  CHECK(cruxeval_prediction("'abab'", false) == "'abab'");
  CHECK(cruxeval_prediction("assert f('ab', 2) == 'abab'", false) == "'abab'");
  CHECK(cruxeval_prediction("f('a==b', 2) == 'a==ba==b'", false) == "'a==ba==b'");
  CHECK(cruxeval_prediction("python\nassert f('ab', 2) == 'abab'", true) == "'ab', 2");
  CHECK(cruxeval_prediction("f('ab', 2)", true) == "'ab', 2");
  CHECK(cruxeval_prediction("'ab', 2", true) == "'ab', 2");
}

TEST_CASE("cruxeval: output prediction is graded by running f, literals only", "[puzzles][cruxeval]")
{
  LocalPython box;
  const verifiers::CruxevalVerifier v(box);
  const Problem p = crux("output", k_code, "'ab', 2", "'abab'");
  CHECK(test::grade_text(v, p, "<answer>'abab'</answer>").kind == VerdictKind::correct);
  CHECK(test::grade_text(v, p, "<answer>\"abab\"</answer>").kind ==
        VerdictKind::correct);  // equal, not the same string
  CHECK(test::grade_text(v, p, "<answer>\"abab\"</answer>").vote == "'abab'");
  CHECK(test::grade_text(v, p, "So the answer is: assert f('ab', 2) == 'abab'").kind == VerdictKind::correct);
  CHECK(test::grade_text(v, p, "<answer>'ab'</answer>").detail ==
        "answer tag: f('ab', 2) returns 'abab', not the prediction");
  CHECK(test::grade_text(v, p, "<answer>'ab' * 2</answer>").detail ==
        "answer tag: ''ab' * 2' is not a Python literal");
  // Known attack: a prediction that runs code could print the checker's success line.
  CHECK(test::grade_text(v, p, "<answer>print('\\nRB_RESULT equal x')</answer>").kind ==
        VerdictKind::incorrect);
  CHECK(test::grade_text(v, p, "").kind == VerdictKind::no_answer);
}

TEST_CASE("cruxeval: input prediction accepts any input that works, under a whitelist", "[puzzles][cruxeval]")
{
  LocalPython box;
  const verifiers::CruxevalVerifier v(box);
  const Problem p = crux("input", k_code, "'ab', 2", "'abab'");
  CHECK(test::grade_text(v, p, "<answer>'ab', 2</answer>").kind == VerdictKind::correct);
  CHECK(test::grade_text(v, p, "<answer>'abab', 1</answer>").kind ==
        VerdictKind::correct);  // another valid input
  CHECK(test::grade_text(v, p, "<answer>f(text='ab', n=len([1, 2]))</answer>").kind == VerdictKind::correct);
  CHECK(test::grade_text(v, p, "<answer>'ab', 3</answer>").detail ==
        "answer tag: f('ab', 3) returns 'ababab', not the expected output");
  CHECK(test::grade_text(v, p, "<answer>'ab'</answer>").detail ==
        "answer tag: f('ab') raised TypeError: f() missing 1 required positional argument: 'n'");
  const std::vector<std::pair<std::string, std::string>> attacks{
      {"__import__('os').system('true'), 2", "uses the attribute system"},
      {"__import__('os'), 2", "uses the name __import__"},
      {"open('code.py').read(), 2", "uses the attribute read"},
      {"open('code.py'), 2", "uses the name open"},
      {"print('\\nRB_RESULT equal'), 2", "uses the name print"},
      {"[x for x in [1]].__class__, 2", "uses the attribute __class__"},
      {"(x for x in [1]).gi_frame, 2", "uses the attribute gi_frame"},
      {"(lambda: f)().__globals__, 2", "uses the attribute __globals__"},
      {"type('X', (), {}), 2", "uses the name type"},
      {"'ab'), (2", "not a list of arguments"},
  };
  for (const auto& [attack, why] : attacks) {
    INFO(attack);
    const Verdict verdict = test::grade_text(v, p, "<answer>" + attack + "</answer>");
    CHECK(verdict.kind == VerdictKind::incorrect);
    CHECK_THAT(verdict.detail, Catch::Contains(why));
  }
  // Gold inputs that are not literals (lambdas, dict(...), the code's own globals) are allowed.
  const Problem g = crux("input", "data = [3, 1, 2]\ndef f(xs, key):\n    return sorted(xs, key=key)\n",
                         "data[:], lambda x: -x", "[3, 2, 1]");
  CHECK(test::grade_text(v, g, "<answer>data[:], lambda x: -x</answer>").kind == VerdictKind::correct);
  CHECK(test::grade_text(v, g, "<answer>dict(a=1).values(), lambda x: -x</answer>").kind ==
        VerdictKind::incorrect);
  const Problem empty = crux("input", "def f():\n    return 1\n", "", "1");
  CHECK(test::grade_text(v, empty, "<answer>f()</answer>").kind == VerdictKind::correct);
}

TEST_CASE("cruxeval: a failed sandbox is an error verdict, never incorrect", "[puzzles][cruxeval]")
{
  LocalPython box;
  box.fail = true;
  const verifiers::CruxevalVerifier v(box);
  const Verdict verdict =
      test::grade_text(v, crux("output", k_code, "'ab', 2", "'abab'"), "<answer>'abab'</answer>");
  CHECK(verdict.kind == VerdictKind::error);
  CHECK(verdict.detail == "sandbox error: fake failure");
  CHECK(verifiers::parse_check_report("noise\nRB_VOTE 'x'\nRB_RESULT equal 'x'\n").status == "equal");
  CHECK(verifiers::parse_check_report("noise\nRB_VOTE 'x'\nRB_RESULT equal 'x'\n").vote == "'x'");
  CHECK(verifiers::parse_check_report("no result line").status.empty());
}
