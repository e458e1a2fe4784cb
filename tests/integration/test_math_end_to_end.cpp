// The math suites through the real binary against serve-sim: `reasonbench run --suite math500
// ... --model sim:r1-like`. serve-sim answers with the problem's reference ("The final answer is
// \boxed{GOLD}.", sent as the oracle header) with the model's accuracy, else with the reference's
// last integer changed, or with no answer. A sample must be graded correct exactly when its
// answer contains the reference (a changed integer is a different value in these golds), and
// `reasonbench grade --db` must reproduce every verdict.
#include <catch2/catch.hpp>

#include <map>

#include "harness/util/strings.hpp"
#include "tests/support/sim_fixture.hpp"
#include "tests/support/test_env.hpp"

using namespace rb::test;

namespace {

const std::vector<std::string> k_suites{"gsm8k",  "math500",       "aime24",       "aime25",
                                        "hmmt_feb_2025", "amc23", "minerva_math", "olympiadbench"};

}  // namespace

TEST_CASE("math suites end to end: serve-sim's answers are graded correct exactly when they are the reference",
          "[e2e][math]")
{
  const std::string data = shared_data_dir();
  if (data.empty()) {
    WARN("SKIPPED: ../shared/data absent");
    return;
  }
  TempDir dir;
  write_file(dir.file("scenario.toml"), sim_scenario({}));
  SimServerProcess sim(dir.file("scenario.toml"), dir.path().string());
  const std::string db = dir.file("results.db");
  std::vector<std::string> argv{binary(), "run",     "--db",      db,  "--run",         "math", "--model",
                                "sim:r1-like", "--model", "sim:distill", "--limit", "25", "--samples", "2",
                                "--concurrency", "16"};
  for (const auto& suite : k_suites) {
    argv.insert(argv.end(), {"--suite", suite});
  }
  const auto r = run_command(argv, {"REASONBENCH_SIM_URL=" + sim.url(), "REASONBENCH_DATA=" + data});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("| sim:r1-like (SIMULATED) | math500 | 25 | 50 |"));

  const auto rows = query_rows(
      db,
      "SELECT s.suite, v.verdict, instr(s.answer_text, json_extract(p.problem_json, '$.reference')) > 0, "
      "s.answer_text FROM samples s JOIN verdicts v ON v.sample_id = s.id JOIN problems p ON p.id = s.problem_ref "
      "JOIN runs r ON r.id = s.run_id WHERE r.name = 'math' ORDER BY s.id");
  std::map<std::string, int> correct_per_suite;
  int disagreements = 0;
  int correct = 0;
  for (const auto& row : rows) {
    const auto f = rb::util::split(row, '|');
    REQUIRE(f.size() >= 3);
    const bool is_correct = f[1] == "correct";
    if (is_correct != (f[2] == "1")) {
      ++disagreements;
      WARN("graded " << f[1] << " although the answer " << (f[2] == "1" ? "is" : "is not")
                     << " the reference: " << row);
    }
    CHECK((f[1] == "correct" || f[1] == "incorrect" || f[1] == "no_answer"));
    correct += is_correct ? 1 : 0;
    correct_per_suite[f[0]] += is_correct ? 1 : 0;
  }
  // 8 suites x 25 problems x 2 samples x 2 models; accuracy 0.7 and 0.5 configured.
  CHECK(rows.size() == 800);
  CHECK(disagreements == 0);
  CHECK(correct >= 0.5 * 800);
  CHECK(correct <= 0.7 * 800);
  CHECK(correct_per_suite.size() == k_suites.size());

  SECTION("grading the stored samples again changes no verdict")
  {
    const auto g = run_command({binary(), "grade", "--db", db, "--run", "math"},
                               {"REASONBENCH_DATA=" + data});
    INFO(g.err);
    CHECK(g.exit_code == 0);
    CHECK_THAT(g.err, Catch::Contains("800 stored sample(s) again; 0 verdict(s) changed"));
  }
}

TEST_CASE("math suites end to end: grade --suite math reads the generic format", "[e2e][math]")
{
  TempDir dir;
  write_file(dir.file("problems.jsonl"),
             "{\"id\": \"half\", \"problem\": \"Half of 1?\", \"answer\": \"\\\\frac12\"}\n"
             "{\"id\": 7, \"problem\": \"Solve x^2 = 4.\", \"answer\": \"\\\\pm 2\"}\n");
  write_file(dir.file("gen.jsonl"),
             "{\"problem_id\": \"half\", \"response\": \"<think>1/2</think>It is $\\\\boxed{0.5}$.\"}\n"
             "{\"problem_id\": \"7\", \"response\": \"x = 2 or x = -2, so \\\\boxed{2, -2}\"}\n"
             "{\"problem_id\": \"7\", \"sample\": 1, \"response\": \"\\\\boxed{2}\"}\n"
             "{\"problem_id\": \"7\", \"sample\": 2, \"response\": \"Let me think\", \"finish_reason\": \"length\"}\n");
  const auto r = run_command({binary(), "grade", "--suite", "math", "--data", dir.file("problems.jsonl"), "--in",
                              dir.file("gen.jsonl")});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 4);
  CHECK_THAT(lines[0], Catch::Contains("\"verdict\":\"correct\""));
  CHECK_THAT(lines[1], Catch::Contains("\"verdict\":\"correct\""));
  CHECK_THAT(lines[2], Catch::Contains("\"verdict\":\"incorrect\""));  // one of two required answers
  CHECK_THAT(lines[3], Catch::Contains("\"verdict\":\"truncated\""));

  write_file(dir.file("bad.jsonl"), "{\"id\": \"a\", \"problem\": \"p\", \"answer\": \"1\"}\n{\"id\": \"b\", \"problem\": \"p\"}\n");
  const auto bad = run_command({binary(), "grade", "--suite", "math", "--data", dir.file("bad.jsonl"), "--in",
                                dir.file("gen.jsonl")});
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Catch::Contains("bad.jsonl:2"));
}
