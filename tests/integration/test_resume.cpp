// Crash safety: a run killed with SIGKILL at several points, then resumed each time, ends with
// exactly the verdicts of an uninterrupted run, with no duplicate rows; SIGINT stops cleanly.
#include <catch2/catch.hpp>

#include <csignal>
#include <thread>

#include "tests/support/sim_fixture.hpp"
#include "tests/support/test_env.hpp"

using namespace rb::test;

namespace {

const char* k_verdicts =
    "SELECT s.model, s.problem_id, s.sample_index, v.verdict, coalesce(v.extracted, ''), s.answer_text "
    "FROM samples s JOIN verdicts v ON v.sample_id = s.id ORDER BY 1, 2, 3";

std::vector<std::string> run_args(const std::string& db, bool resume)
{
  std::vector<std::string> args{binary(), "run", "--db", db, "--run", "crash", "--suite", "gen:arith?n=30&seed=4",
                                "--model", "sim:r1-like", "--model", "sim:distill", "--samples", "4",
                                "--concurrency", "4"};
  if (resume) {
    args.push_back("--resume");
  }
  return args;
}

/// Waits until the database holds at least `rows` samples (or the process ends).
void wait_for_samples(Background& process, const std::string& db, long long rows)
{
  for (int i = 0; i < 6000 && process.running(); ++i) {
    if (count_rows(db, "SELECT count(*) FROM samples") >= rows) {
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

}  // namespace

TEST_CASE("resume: SIGKILL at several points, then resume, gives the uninterrupted verdicts", "[resume]")
{
  TempDir dir;
  write_file(dir.file("scenario.toml"), sim_scenario({.ttft_ms = 40}));
  SimServerProcess sim(dir.file("scenario.toml"), dir.path().string());
  const std::vector<std::string> env{"REASONBENCH_SIM_URL=" + sim.url()};
  const std::string db = dir.file("killed.db");
  constexpr long long k_items = 30 * 2 * 4;

  bool resume = false;
  for (const long long at : {k_items / 10, k_items * 4 / 10, k_items * 3 / 4}) {
    Background run(run_args(db, resume), dir.file("out.txt"), dir.file("err.txt"), env);
    wait_for_samples(run, db, at);
    run.signal(SIGKILL);
    CHECK(run.wait() == 128 + SIGKILL);
    const long long stored = count_rows(db, "SELECT count(*) FROM samples");
    INFO("killed at " << at << ", stored " << stored);
    CHECK(stored >= at);
    CHECK(stored < k_items);
    CHECK(query_rows(db, "PRAGMA integrity_check") == std::vector<std::string>{"ok"});
    resume = true;
  }
  const auto finished = run_command(run_args(db, true), env);
  INFO(finished.err);
  REQUIRE(finished.exit_code == 0);
  CHECK_THAT(finished.err, Catch::Contains("resuming run 'crash'"));

  const std::string clean_db = dir.file("clean.db");
  const auto clean = run_command(run_args(clean_db, false), env);
  REQUIRE(clean.exit_code == 0);

  CHECK(count_rows(db, "SELECT count(*) FROM samples") == k_items);
  CHECK(count_rows(db, "SELECT count(*) FROM (SELECT DISTINCT run_id, model, suite, problem_id, sample_index FROM samples)") ==
        k_items);
  CHECK(count_rows(db, "SELECT count(*) FROM verdicts") == k_items);
  CHECK(count_rows(db, "SELECT count(*) FROM runs") == 1);
  CHECK(query_rows(db, k_verdicts) == query_rows(clean_db, k_verdicts));
}

TEST_CASE("resume: SIGINT stops cleanly with exit 130 and the run can be finished", "[resume]")
{
  TempDir dir;
  write_file(dir.file("scenario.toml"), sim_scenario({.ttft_ms = 40}));
  SimServerProcess sim(dir.file("scenario.toml"), dir.path().string());
  const std::vector<std::string> env{"REASONBENCH_SIM_URL=" + sim.url()};
  const std::string db = dir.file("int.db");
  {
    Background run(run_args(db, false), dir.file("out.txt"), dir.file("err.txt"), env);
    wait_for_samples(run, db, 60);
    run.signal(SIGINT);
    CHECK(run.wait() == 130);
  }
  CHECK_THAT(read_file(dir.file("err.txt")), Catch::Contains("--resume"));
  CHECK(count_rows(db, "SELECT count(*) FROM runs WHERE status = 'interrupted'") == 1);
  // Everything stored is whole: each sample has its verdict.
  CHECK(count_rows(db, "SELECT count(*) FROM samples") == count_rows(db, "SELECT count(*) FROM verdicts"));
  const auto finished = run_command(run_args(db, true), env);
  REQUIRE(finished.exit_code == 0);
  CHECK(count_rows(db, "SELECT count(*) FROM verdicts") == 240);
  CHECK(count_rows(db, "SELECT count(*) FROM runs WHERE status = 'finished'") == 1);
}

TEST_CASE("resume: a second process cannot write the same database at once", "[resume]")
{
  TempDir dir;
  write_file(dir.file("scenario.toml"), sim_scenario({.ttft_ms = 40}));
  SimServerProcess sim(dir.file("scenario.toml"), dir.path().string());
  const std::vector<std::string> env{"REASONBENCH_SIM_URL=" + sim.url()};
  const std::string db = dir.file("locked.db");
  Background first(run_args(db, false), dir.file("out.txt"), dir.file("err.txt"), env);
  wait_for_samples(first, db, 20);
  REQUIRE(first.running());
  const auto second = run_command(run_args(db, true), env);
  CHECK(second.exit_code == 2);
  CHECK_THAT(second.err, Catch::Contains("being written by another reasonbench process"));
  const auto regrade = run_command({binary(), "grade", "--db", db});
  CHECK(regrade.exit_code == 2);
  // Reports read while a run writes.
  const auto report = run_command({binary(), "report", "--db", db});
  CHECK(report.exit_code == 0);
  CHECK(first.wait() == 0);
  CHECK(count_rows(db, "SELECT count(*) FROM samples") == 240);
}
