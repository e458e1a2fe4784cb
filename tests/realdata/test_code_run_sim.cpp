// A code suite end to end: `reasonbench run` against serve-sim (whose "correct" answers are the
// problem's reference, its "wrong" ones the reference with a number changed), graded in the
// namespace sandbox, stored with per-test results, reported; `grade --db` changes nothing.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/sandbox/sandbox_test_support.hpp"
#include "tests/support/sim_fixture.hpp"

using namespace rb;

TEST_CASE("run humaneval and mbpp against serve-sim: graded in the sandbox, stored, reported", "[realdata][code]")
{
  const std::string data = test::shared_data_dir();
  if (data.empty()) {
    WARN("SKIPPED: ../shared/data absent");
    return;
  }
  RB_REQUIRE_NAMESPACES();
  test::TempDir dir;
  test::write_file(dir.file("scenario.toml"), test::sim_scenario({}));
  test::SimServerProcess sim(dir.file("scenario.toml"), dir.path().string());
  const std::string db = dir.file("results.db");
  const std::vector<std::string> env{"REASONBENCH_SIM_URL=" + sim.url(), "REASONBENCH_DATA=" + data,
                                     "REASONBENCH_CACHE=" + dir.file("cache")};
  const auto r = test::run_command({test::binary(), "run", "--db", db, "--run", "code-e2e", "--suite", "humaneval",
                                    "--suite", "mbpp", "--limit", "20", "--model", "sim:r1-like", "--samples", "2",
                                    "--concurrency", "8"},
                                   env);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("| sim:r1-like (SIMULATED) | humaneval | 20 | 40 |"));
  CHECK(test::count_rows(db, "SELECT count(*) FROM verdicts") == 80);
  CHECK(test::count_rows(db, "SELECT count(*) FROM verdicts WHERE verdict = 'error'") == 0);
  const auto correct = test::count_rows(db, "SELECT count(*) FROM verdicts WHERE verdict = 'correct'");
  CHECK(correct > 20);
  CHECK(correct < 80);
  // Per-test results are stored with every verdict.
  const auto rows = test::query_rows(db, "SELECT data FROM verdicts WHERE verdict IN ('correct', 'incorrect') LIMIT 5");
  REQUIRE_FALSE(rows.empty());
  for (const auto& row : rows) {
    const auto facts = nlohmann::json::parse(row);
    CHECK(facts.contains("tests_passed"));
    CHECK(facts.contains("tests_total"));
    CHECK(facts.value("sandbox", "") == "namespaces");
  }
  // Every correct verdict passed every test.
  CHECK(test::count_rows(db, "SELECT count(*) FROM verdicts WHERE verdict = 'correct' AND "
                             "json_extract(data, '$.tests_passed') != json_extract(data, '$.tests_total')") == 0);

  const auto g = test::run_command({test::binary(), "grade", "--db", db}, env);
  INFO(g.err);
  CHECK(g.exit_code == 0);
  CHECK_THAT(g.err, Catch::Contains("0 verdict(s) changed"));

  const auto rep = test::run_command({test::binary(), "report", "--db", db, "--run", "code-e2e", "--out", dir.file("r.md")});
  CHECK(rep.exit_code == 0);
  CHECK_THAT(test::read_file(dir.file("r.md")), Catch::Contains("humaneval"));
}
