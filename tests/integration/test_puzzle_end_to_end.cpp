// Puzzle suites through the real binary against serve-sim: `reasonbench run --suite gen:... --model
// sim:r1-like`. serve-sim answers with the problem's reference (sent as the oracle header) with the
// scenario's probability, else with a mutated reference or no answer; so a sample must be graded
// correct exactly when its answer contains the reference, and accuracy must land near the model's
// configured 0.7 (r1-like) and 0.5 (distill).
#include <catch2/catch.hpp>

#include <map>

#include "harness/util/strings.hpp"
#include "tests/support/sim_fixture.hpp"
#include "tests/support/test_env.hpp"

using namespace rb::test;

namespace {

const std::vector<std::string> k_generated{
    "gen:countdown?n=30&seed=7&difficulty=3",
    "gen:countdown?n=30&seed=7&difficulty=2&use=subset",
    "gen:game24?n=30&seed=7",
    "gen:knights_and_knaves?n=30&seed=7&difficulty=3",
    "gen:sudoku?n=30&seed=7&size=4",
    "gen:sudoku?n=10&seed=7&size=9&difficulty=2",
    "gen:zebra?n=10&seed=7&difficulty=2",
    "gen:shortest_path?n=30&seed=7&difficulty=3",
    "gen:cryptarithm?n=30&seed=7&difficulty=2",
    "gen:linear_system?n=30&seed=7&difficulty=3",
};

/// Rows "model|suite|verdict|has_reference" of every sample of `run`.
std::vector<std::string> graded_rows(const std::string& db, const std::string& run)
{
  return query_rows(
      db,
      "SELECT s.model, s.suite, v.verdict, "
      "instr(s.answer_text, json_extract(p.problem_json, '$.reference')) > 0 "
      "FROM samples s JOIN verdicts v ON v.sample_id = s.id JOIN problems p ON p.id = s.problem_ref "
      "JOIN runs r ON r.id = s.run_id WHERE r.name = '" +
          run + "' ORDER BY s.id");
}

struct Tally {
  int samples = 0;
  int correct = 0;
};

}  // namespace

TEST_CASE(
    "puzzle suites end to end: serve-sim's answers are graded correct exactly when they are the reference",
    "[e2e][puzzles]")
{
  TempDir dir;
  write_file(dir.file("scenario.toml"), sim_scenario({}));
  SimServerProcess sim(dir.file("scenario.toml"), dir.path().string());
  const std::string db = dir.file("results.db");
  std::vector<std::string> argv{binary(),    "run",     "--db",          db,        "--run",
                                "puzzles",   "--model", "sim:r1-like",   "--model", "sim:distill",
                                "--samples", "2",       "--concurrency", "16"};
  for (const auto& suite : k_generated) {
    argv.insert(argv.end(), {"--suite", suite});
  }
  const auto r = run_command(argv, {"REASONBENCH_SIM_URL=" + sim.url()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains(
                        "| sim:r1-like (SIMULATED) | gen:countdown?n=30&seed=7&difficulty=3 | 30 | 60 |"));

  std::map<std::string, Tally> per_model;
  std::map<std::string, Tally> per_suite;
  int disagreements = 0;
  for (const auto& row : graded_rows(db, "puzzles")) {
    const auto f = rb::util::split(row, '|');
    REQUIRE(f.size() == 4);
    const bool correct = f[2] == "correct";
    const bool oracle = f[3] == "1";
    if (correct != oracle) {
      ++disagreements;
      WARN("graded " << f[2] << " although the answer " << (oracle ? "is" : "is not")
                     << " the reference: " << row);
    }
    CHECK((f[2] == "correct" || f[2] == "incorrect" || f[2] == "no_answer"));
    for (Tally* t : {&per_model[f[0]], &per_suite[f[1]]}) {
      t->samples += 1;
      t->correct += correct ? 1 : 0;
    }
  }
  CHECK(disagreements == 0);
  REQUIRE(per_suite.size() == k_generated.size());
  for (const auto& [suite, t] : per_suite) {
    INFO(suite << ": " << t.correct << " of " << t.samples);
    CHECK(t.correct > 0);
    CHECK(t.correct < t.samples);
  }
  // 520 samples per model: the accuracy's standard error is about 0.02.
  const Tally r1 = per_model.at("sim:r1-like (SIMULATED)");
  const Tally distill = per_model.at("sim:distill (SIMULATED)");
  INFO("r1-like " << r1.correct << "/" << r1.samples << ", distill " << distill.correct << "/"
                  << distill.samples);
  CHECK(r1.samples == 520);
  CHECK(r1.correct >= 0.62 * r1.samples);
  CHECK(r1.correct <= 0.78 * r1.samples);
  CHECK(distill.correct >= 0.42 * distill.samples);
  CHECK(distill.correct <= 0.58 * distill.samples);

  SECTION("grading the stored puzzle samples again changes no verdict")
  {
    const auto g = run_command({binary(), "grade", "--db", db, "--run", "puzzles"});
    INFO(g.err);
    CHECK(g.exit_code == 0);
    CHECK_THAT(g.err, Catch::Contains("1040 stored sample(s) again; 0 verdict(s) changed"));
  }
}

TEST_CASE("puzzle suites end to end: the real-data puzzle suites run against serve-sim", "[e2e][puzzles]")
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
  const auto r = run_command(
      {binary(),      "run",     "--db",      db,        "--run",         "real",    "--model",
       "sim:r1-like", "--suite", "countdown", "--suite", "game24",        "--suite", "knights_and_knaves",
       "--limit",     "60",      "--samples", "2",       "--concurrency", "16"},
      {"REASONBENCH_SIM_URL=" + sim.url(), "REASONBENCH_DATA=" + data});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  int disagreements = 0;
  int correct = 0;
  const auto rows = graded_rows(db, "real");
  for (const auto& row : rows) {
    const auto f = rb::util::split(row, '|');
    REQUIRE(f.size() == 4);
    correct += f[2] == "correct" ? 1 : 0;
    if ((f[2] == "correct") != (f[3] == "1")) {
      ++disagreements;
      WARN("graded " << f[2] << ": " << row);
    }
  }
  CHECK(rows.size() == 360);
  CHECK(disagreements == 0);
  CHECK(correct >= 0.6 * 360);
  CHECK(correct <= 0.8 * 360);
}
