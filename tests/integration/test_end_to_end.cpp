// The real binary against serve-sim on an ephemeral port: run, report, grade, secrets.
#include <catch2/catch.hpp>

#include <filesystem>

#include "tests/support/sim_fixture.hpp"
#include "tests/support/test_env.hpp"

using namespace rb::test;

namespace {
const char* k_verdict_query =
    "SELECT s.model, s.problem_id, s.sample_index, v.verdict, coalesce(v.extracted, '') FROM samples s "
    "JOIN verdicts v ON v.sample_id = s.id ORDER BY 1, 2, 3";
}

TEST_CASE("end to end: a run against serve-sim stores, grades and reports every sample", "[e2e]")
{
  TempDir dir;
  write_file(dir.file("scenario.toml"), sim_scenario({}));
  SimServerProcess sim(dir.file("scenario.toml"), dir.path().string());
  const std::string db = dir.file("results.db");
  const auto r = run_command({binary(), "run", "--db", db, "--run", "e2e", "--suite", "gen:arith?n=15&seed=2",
                              "--model", "sim:r1-like", "--model", "sim:distill", "--samples", "2",
                              "--concurrency", "8", "--cache"},
                             {"REASONBENCH_SIM_URL=" + sim.url()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("| sim:r1-like (SIMULATED) | gen:arith?n=15&seed=2 | 15 | 30 |"));
  CHECK_THAT(r.out, Catch::Contains("SIMULATED"));
  CHECK(count_rows(db, "SELECT count(*) FROM samples") == 60);
  CHECK(count_rows(db, "SELECT count(*) FROM verdicts") == 60);
  CHECK(count_rows(db, "SELECT count(*) FROM samples WHERE error != ''") == 0);
  CHECK(count_rows(db, "SELECT count(*) FROM runs WHERE status = 'finished' AND ended_at != ''") == 1);
  // The distilled model's reasoning arrives in a separate field and is stored apart from the answer.
  CHECK(count_rows(db, "SELECT count(*) FROM samples WHERE model LIKE 'sim:distill%' AND reasoning_text = ''") == 0);
  CHECK(count_rows(db, "SELECT count(*) FROM samples WHERE answer_text LIKE '%<think>%'") == 0);
  const auto correct = count_rows(db, "SELECT count(*) FROM verdicts WHERE verdict = 'correct'");
  CHECK(correct > 10);
  CHECK(correct < 60);

  SECTION("reports in every format come from the database alone")
  {
    for (const char* ext : {".md", ".csv", ".json"}) {
      const std::string out = dir.file(std::string("report") + ext);
      const auto rep = run_command({binary(), "report", "--db", db, "--run", "e2e", "--out", out});
      INFO(rep.err);
      CHECK(rep.exit_code == 0);
      CHECK_THAT(read_file(out), Catch::Contains("sim:distill (SIMULATED)"));
    }
    CHECK_THAT(read_file(dir.file("report.json")), Catch::Contains("\"schema\": \"reasonbench.report/1\""));
    CHECK(lines_of(read_file(dir.file("report.csv"))).size() == 3);
  }

  SECTION("grading the stored samples again changes nothing")
  {
    const auto before = query_rows(db, k_verdict_query);
    const auto g = run_command({binary(), "grade", "--db", db});
    INFO(g.err);
    CHECK(g.exit_code == 0);
    CHECK_THAT(g.err, Catch::Contains("60 stored sample(s) again; 0 verdict(s) changed"));
    CHECK(query_rows(db, k_verdict_query) == before);
  }

  SECTION("without --cache a second run asks the model again")
  {
    const auto again = run_command({binary(), "run", "--db", db, "--run", "e2e-fresh", "--suite",
                                    "gen:arith?n=15&seed=2", "--model", "sim:r1-like", "--samples", "1"},
                                   {"REASONBENCH_SIM_URL=" + sim.url()});
    INFO(again.err);
    CHECK(again.exit_code == 0);
    CHECK(count_rows(db, "SELECT count(*) FROM samples s JOIN runs r ON r.id = s.run_id "
                         "WHERE r.name = 'e2e-fresh' AND s.from_cache = 0") == 15);
  }

  SECTION("with --cache a second run with the same requests is served from the cache")
  {
    const auto again = run_command({binary(), "run", "--db", db, "--run", "e2e-again", "--suite",
                                    "gen:arith?n=15&seed=2", "--model", "sim:r1-like", "--model", "sim:distill",
                                    "--samples", "2", "--cache"},
                                   {"REASONBENCH_SIM_URL=" + sim.url()});
    INFO(again.err);
    CHECK(again.exit_code == 0);
    CHECK_THAT(again.err, Catch::Contains("| $0.0000 spent"));  // nothing paid again
    CHECK(count_rows(db, "SELECT count(*) FROM samples s JOIN runs r ON r.id = s.run_id "
                         "WHERE r.name = 'e2e-again' AND s.from_cache = 1") == 60);
  }

  SECTION("an existing run name needs --resume; resuming a finished run asks nothing")
  {
    const auto dup = run_command({binary(), "run", "--db", db, "--run", "e2e", "--suite", "gen:arith?n=15&seed=2",
                                  "--model", "sim:r1-like"});
    CHECK(dup.exit_code == 2);
    CHECK_THAT(dup.err, Catch::Contains("--resume"));
    const auto resumed = run_command({binary(), "run", "--db", db, "--run", "e2e", "--resume"},
                                     {"REASONBENCH_SIM_URL=http://127.0.0.1:9/v1"});
    INFO(resumed.err);
    CHECK(resumed.exit_code == 0);
    CHECK(count_rows(db, "SELECT count(*) FROM samples") == 60);
  }
}

TEST_CASE("end to end: grade a generations file", "[e2e]")
{
  TempDir dir;
  write_file(dir.file("gen.jsonl"),
             "{\"problem_id\": \"arith-0000\", \"response\": \"<think>hmm</think>The answer is \\\\boxed{2}.\"}\n"
             "{\"problem_id\": \"arith-0000\", \"sample\": 1, \"response\": \"\\\\boxed{3}\"}\n"
             "{\"problem_id\": \"arith-0001\", \"response\": \"<think>never closed\"}\n"
             "{\"problem_id\": \"arith-0001\", \"response\": \"so far 12\", \"finish_reason\": \"length\"}\n"
             "\n"
             "{\"problem_id\": \"arith-0002\", \"response\": \"no idea\"}\n");
  const auto r = run_command({binary(), "grade", "--suite", "gen:arith?n=5&seed=7&difficulty=3", "--in",
                              dir.file("gen.jsonl"), "--out", dir.file("verdicts.jsonl")});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto lines = lines_of(read_file(dir.file("verdicts.jsonl")));
  REQUIRE(lines.size() == 5);
  // arith-0000 of this suite is ((44 + 22) / 6 + 7) / 9 = 2 (tests/unit/test_suites.cpp pins it).
  CHECK_THAT(lines[0], Catch::Contains("\"verdict\":\"correct\"") && Catch::Contains("\"extracted\":\"2\""));
  CHECK_THAT(lines[1], Catch::Contains("\"verdict\":\"incorrect\"") && Catch::Contains("\"sample\":1"));
  CHECK_THAT(lines[2], Catch::Contains("\"verdict\":\"truncated\""));
  CHECK_THAT(lines[3], Catch::Contains("\"verdict\":\"truncated\""));
  CHECK_THAT(lines[4], Catch::Contains("\"verdict\":\"no_answer\"") && Catch::Contains("\"extracted\":null"));
}

TEST_CASE("end to end: API keys reach the server but never the store or the output", "[e2e]")
{
  TempDir dir;
  const std::string key = "sk-test-DO-NOT-STORE-4242";
  write_file(dir.file("scenario.toml"), sim_scenario({.require_api_key = key}));
  SimServerProcess sim(dir.file("scenario.toml"), dir.path().string());
  write_file(dir.file("config.toml"), "[run]\ndb = \"" + dir.file("k.db") + "\"\nname = \"k\"\n"
             "[[suite]]\nname = \"gen:arith?n=4\"\n"
             "[[model]]\nspec = \"openai-compatible:" + sim.url() + "#r1-like\"\nlabel = \"keyed\"\n"
             "api_key_env = \"RB_TEST_KEY\"\n");
  const auto r = run_command({binary(), "run", dir.file("config.toml")}, {"RB_TEST_KEY=" + key});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(count_rows(dir.file("k.db"), "SELECT count(*) FROM samples WHERE error = ''") == 4);
  std::string bytes = read_file(dir.file("k.db")) + r.out + r.err;
  if (std::filesystem::exists(dir.file("k.db-wal"))) {
    bytes += read_file(dir.file("k.db-wal"));
  }
  CHECK(bytes.find(key) == std::string::npos);

  // Without the key the server answers 401: an error verdict naming the status, not "incorrect".
  const auto denied = run_command({binary(), "run", "--db", dir.file("k2.db"), "--suite", "gen:arith?n=2",
                                   "--model", "openai-compatible:" + sim.url() + "#r1-like"});
  INFO(denied.err);
  CHECK(denied.exit_code == 0);
  CHECK(count_rows(dir.file("k2.db"), "SELECT count(*) FROM verdicts WHERE verdict = 'error' AND detail LIKE '%401%'") == 2);
}
