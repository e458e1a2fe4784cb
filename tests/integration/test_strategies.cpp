// Issue 7's end-to-end acceptance: n = 16 samples, maj@16 and a reward model (serve-sim's
// SIMULATED "prm") against serve-sim; every sample stored and scored, every metric reported;
// scoring resumes where it stopped; a bad or unreachable scorer is reported, not fatal to samples.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "harness/util/strings.hpp"
#include "tests/support/sim_fixture.hpp"
#include "tests/support/test_env.hpp"

using namespace rb::test;
using Catch::Detail::Approx;

namespace {

const nlohmann::json* find_row(const nlohmann::json& report, const std::string& model_prefix)
{
  for (const auto& row : report["runs"][0]["rows"]) {
    if (row["model"].get<std::string>().starts_with(model_prefix)) {
      return &row;
    }
  }
  return nullptr;
}

double at_k(const nlohmann::json& points, int k)
{
  for (const auto& p : points) {
    if (p["k"].get<int>() == k) {
      return p["value"].get<double>();
    }
  }
  FAIL("no k = " << k);
  return -1;
}

}  // namespace

TEST_CASE("strategies: n = 16, maj@16 and a reward model end to end", "[e2e][strategies]")
{
  TempDir dir;
  write_file(dir.file("scenario.toml"), sim_scenario({}));
  SimServerProcess sim(dir.file("scenario.toml"), dir.path().string());
  const std::vector<std::string> env{"REASONBENCH_SIM_URL=" + sim.url()};
  const std::string db = dir.file("results.db");
  const std::string report = dir.file("report.json");
  const auto r = run_command({binary(), "run", "--db", db, "--run", "n16", "--suite", "gen:arith?n=30&seed=5",
                              "--model", "sim:r1-like", "--model", "sim:distill", "--samples", "16",
                              "--concurrency", "32", "--scorer", "sim:prm", "--report", report},
                             env);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(count_rows(db, "SELECT count(*) FROM samples") == 2 * 30 * 16);
  CHECK(count_rows(db, "SELECT count(*) FROM verdicts") == 2 * 30 * 16);
  CHECK(count_rows(db, "SELECT count(*) FROM scores WHERE scorer = 'sim:prm'") == 2 * 30 * 16);
  CHECK_THAT(r.out, Catch::Contains("reward (sim:prm)"));
  CHECK_THAT(r.out, Catch::Contains("oracle (= pass@k, upper bound)"));

  const auto json = nlohmann::json::parse(read_file(report));
  for (const char* model : {"sim:r1-like", "sim:distill"}) {
    INFO(model);
    const nlohmann::json* row = find_row(json, model);
    REQUIRE(row != nullptr);
    CHECK((*row)["scorer"]["name"] == "sim:prm");
    CHECK((*row)["scorer"]["scored_samples"] == 30 * 16);
    const double avg = at_k((*row)["pass_at_k"], 1);
    const double pass16 = at_k((*row)["pass_at_k"], 16);
    const double maj16 = at_k((*row)["maj_at_k"], 16);
    const double reward16 = at_k((*row)["best_of_k"]["reward"], 16);
    const double oracle16 = at_k((*row)["best_of_k"]["oracle"], 16);
    const double weighted16 = at_k((*row)["weighted_maj_at_k"], 16);
    CHECK(at_k((*row)["pass_at_k"], 2) >= avg);
    // The oracle is pass@k by enumeration; a reward model that separates right from wrong well
    // recovers most of it, majority voting improves on a single sample when most are right.
    CHECK(oracle16 == Approx(pass16));
    CHECK(reward16 > avg);
    CHECK(reward16 <= oracle16 + 1e-9);
    CHECK(maj16 > avg);
    CHECK(weighted16 >= maj16 - 0.05);
    for (const char* selector : {"confidence", "shortest", "longest"}) {
      CHECK((*row)["best_of_k"][selector].size() == 5);  // k = 1, 2, 4, 8, 16
    }
  }

  SECTION("scoring resumes: only missing scores are asked for")
  {
    const auto del = run_command({"/usr/bin/sqlite3", db, "DELETE FROM scores WHERE sample_id % 3 = 0"});
    REQUIRE(del.exit_code == 0);
    const auto left = count_rows(db, "SELECT count(*) FROM scores");
    CHECK(left < 2 * 30 * 16);
    const auto again = run_command({binary(), "run", "--db", db, "--run", "n16", "--resume"}, env);
    INFO(again.err);
    CHECK(again.exit_code == 0);
    CHECK_THAT(again.err, Catch::Contains("scored " + std::to_string(2 * 30 * 16 - left) + "/" +
                                          std::to_string(2 * 30 * 16 - left)));
    CHECK(count_rows(db, "SELECT count(*) FROM scores") == 2 * 30 * 16);
  }
}

TEST_CASE("strategies: an unreachable scorer leaves samples unscored with a warning", "[e2e][strategies]")
{
  TempDir dir;
  write_file(dir.file("scenario.toml"), sim_scenario({}));
  SimServerProcess sim(dir.file("scenario.toml"), dir.path().string());
  const std::vector<std::string> env{"REASONBENCH_SIM_URL=" + sim.url()};
  const std::string db = dir.file("results.db");
  const auto r = run_command({binary(), "run", "--db", db, "--run", "down", "--suite", "gen:arith?n=4&seed=5",
                              "--model", "sim:r1-like", "--samples", "2", "--scorer",
                              "http://127.0.0.1:9/v1/reward#prm"},
                             env);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(count_rows(db, "SELECT count(*) FROM samples") == 8);
  CHECK(count_rows(db, "SELECT count(*) FROM scores") == 0);
  CHECK_THAT(r.err, Catch::Contains("8 sample(s) left unscored"));

  SECTION("a malformed scorer spec is refused before any request")
  {
    const auto bad = run_command({binary(), "run", "--db", db, "--run", "bad", "--suite", "gen:arith?n=4",
                                  "--model", "sim:r1-like", "--scorer", "prm"},
                                 env);
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Catch::Contains("--scorer") && Catch::Contains("sim:NAME or URL#NAME"));
    CHECK(count_rows(db, "SELECT count(*) FROM runs WHERE name = 'bad'") == 0);
  }
  SECTION("an unknown simulated reward model is named")
  {
    const auto unknown = run_command({binary(), "run", "--db", db, "--run", "unknown", "--suite", "gen:arith?n=2",
                                      "--model", "sim:r1-like", "--scorer", "sim:prn"},
                                     env);
    CHECK(unknown.exit_code == 0);
    CHECK_THAT(unknown.err, Catch::Contains("no reward model 'prn'") && Catch::Contains("did you mean 'prm'"));
  }
}

TEST_CASE("strategies: budget forcing against serve-sim's raw-prompt API", "[e2e][strategies]")
{
  TempDir dir;
  write_file(dir.file("scenario.toml"), sim_scenario({}));
  SimServerProcess sim(dir.file("scenario.toml"), dir.path().string());
  const std::vector<std::string> env{"REASONBENCH_SIM_URL=" + sim.url()};
  const std::string db = dir.file("results.db");
  // serve-sim's r1-like thinks 120 +- 40 tokens per request.
  write_file(dir.file("waits.toml"), R"(
[run]
samples = 2
[[suite]]
name = "gen:arith?n=10&seed=4"
[[model]]
spec = "sim:r1-like"
label = "waits"
api = "completions"
force_min_thinking = 300
force_max_waits = 3
[[model]]
spec = "sim:r1-like"
label = "capped"
api = "completions"
force_max_thinking = 60
force_answer_tokens = 200
)");
  const auto r = run_command({binary(), "run", dir.file("waits.toml"), "--db", db, "--run", "bf"}, env);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto waits = query_rows(db, "SELECT json_extract(response_json, '$.budget_forcing.waits'), "
                                    "json_extract(response_json, '$.budget_forcing.thinking_tokens'), "
                                    "reasoning_tokens, instr(reasoning_text, char(10) || 'Wait') > 0 "
                                    "FROM samples WHERE model = 'waits (SIMULATED)'");
  REQUIRE(waits.size() == 20);
  for (const auto& row : waits) {
    INFO(row);
    const auto parts = rb::util::split(row, '|');
    const int n = std::stoi(parts[0]);
    const int thinking = std::stoi(parts[1]);
    CHECK(n >= 1);
    CHECK((thinking >= 300 || n == 3));
    CHECK(std::stoi(parts[2]) == thinking);
    CHECK(parts[3] == "1");
  }
  const auto capped = query_rows(db, "SELECT json_extract(response_json, '$.budget_forcing.forced_end'), "
                                     "reasoning_tokens, answer_text <> '' FROM samples WHERE model = 'capped (SIMULATED)'");
  REQUIRE(capped.size() == 20);
  int forced = 0;
  for (const auto& row : capped) {
    INFO(row);
    const auto parts = rb::util::split(row, '|');
    forced += parts[0] == "1" ? 1 : 0;
    CHECK(std::stoi(parts[1]) <= 60);
    CHECK(parts[2] == "1");
  }
  CHECK(forced >= 15);  // 120 +- 40 tokens of thinking rarely fit in 60
  CHECK(count_rows(db, "SELECT count(*) FROM verdicts") == 40);
}
