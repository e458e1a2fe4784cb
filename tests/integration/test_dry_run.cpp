// `run --dry-run`: an estimate before anything is paid; with --pilot, the pilot samples are
// stored in the run and a resume never asks for them again.
#include <catch2/catch.hpp>

#include <filesystem>

#include "tests/support/sim_fixture.hpp"
#include "tests/support/test_env.hpp"

using namespace rb::test;

TEST_CASE("dry run: estimates per model without a request or a database", "[dryrun]")
{
  TempDir dir;
  const std::string db = dir.file("never.db");
  const auto r = run_command({binary(), "run", "--db", db, "--suite", "gen:arith?n=25", "--model", "openai:o3-mini",
                              "--model", "sim:r1-like", "--samples", "4", "--dry-run", "--assume-output-tokens", "1000"},
                             {"OPENAI_API_KEY="});  // no key needed: nothing is asked
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  // o3-mini at the price book's $1.10 in / $4.40 out: 100 items x 1,000 output tokens = $0.44 + prompts.
  CHECK_THAT(r.out, Catch::Contains("| openai:o3-mini | 100 |") && Catch::Contains("| 100000 | assumed 1000/sample |"));
  CHECK_THAT(r.out, Catch::Contains("price book: OpenAI"));
  CHECK_THAT(r.out, Catch::Contains("| total | 200 |"));
  CHECK_FALSE(std::filesystem::exists(db));
}

TEST_CASE("dry run with a pilot: measured estimate, then resume pays only for the rest", "[dryrun]")
{
  TempDir dir;
  write_file(dir.file("scenario.toml"), sim_scenario({}));
  SimServerProcess sim(dir.file("scenario.toml"), dir.path().string());
  const std::vector<std::string> env{"REASONBENCH_SIM_URL=" + sim.url()};
  const std::string db = dir.file("pilot.db");
  const std::vector<std::string> args{binary(), "run", "--db", db, "--run", "p", "--suite", "gen:arith?n=10",
                                      "--model", "sim:r1-like", "--model", "sim:distill", "--samples", "2"};
  auto pilot_args = args;
  pilot_args.insert(pilot_args.end(), {"--dry-run", "--pilot", "3"});
  const auto pilot = run_command(pilot_args, env);
  INFO(pilot.err);
  REQUIRE(pilot.exit_code == 0);
  CHECK_THAT(pilot.out, Catch::Contains("measured on 3 pilot sample(s)"));
  CHECK(count_rows(db, "SELECT count(*) FROM samples") == 6);
  CHECK(count_rows(db, "SELECT count(*) FROM runs WHERE status = 'pilot'") == 1);
  const auto first_ids = query_rows(db, "SELECT id, model, problem_id, sample_index FROM samples ORDER BY id");

  auto resume_args = args;
  resume_args.push_back("--resume");
  const auto rest = run_command(resume_args, env);
  INFO(rest.err);
  REQUIRE(rest.exit_code == 0);
  CHECK(count_rows(db, "SELECT count(*) FROM samples") == 40);
  const auto all_ids = query_rows(db, "SELECT id, model, problem_id, sample_index FROM samples ORDER BY id");
  CHECK(std::vector<std::string>(all_ids.begin(), all_ids.begin() + 6) == first_ids);  // the pilot rows, untouched
}
