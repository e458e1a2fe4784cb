// Pins every report format (HTML, Markdown, CSV, JSON) on a database built by hand, and checks
// the summary figures against hand-computed values.
#include <catch2/catch.hpp>

#include "harness/store/store.hpp"
#include "reports/render.hpp"
#include "tests/support/golden.hpp"
#include "tests/support/test_env.hpp"

using namespace rb;

namespace {

/// Two models on one suite of three problems, two samples each, every verdict kind, one failed
/// generation, one sample not graded yet (a crash between sample and verdict), one cached.
void fill(store::Store& db)
{
  store::RunRecord run;
  run.name = "golden";
  run.config_json = "{}";
  run.harness_version = "0.1.0";
  run.git_revision = "abcdef123456";
  run.host_json = "{}";
  run.started_at = "2026-11-29T00:00:00.000Z";
  run.status = "running";
  const auto run_id = db.create_run(run);
  db.set_run_status(run_id, "finished", true);
  std::vector<Problem> problems(3);
  for (int i = 0; i < 3; ++i) {
    problems[static_cast<std::size_t>(i)].id = "p" + std::to_string(i);
    problems[static_cast<std::size_t>(i)].text = "What is " + std::to_string(i) + " + 0?";
    problems[static_cast<std::size_t>(i)].answer = std::to_string(i);
    problems[static_cast<std::size_t>(i)].metadata = {{"difficulty", i == 0 ? "1" : "2"}};
  }
  const auto refs = db.upsert_problems("suite|a", problems);
  struct Row {
    const char* model;
    int problem;
    int sample;
    const char* verdict;  // "" = not graded; "failed" = failed generation
    double e2e_ms;
    bool cached;
  };
  const Row rows[] = {
      {"Model A (SIMULATED)", 0, 0, "correct", 100, false},
      {"Model A (SIMULATED)", 0, 1, "correct", 200, false},
      {"Model A (SIMULATED)", 1, 0, "incorrect", 300, false},
      {"Model A (SIMULATED)", 1, 1, "correct", 400, true},
      {"Model A (SIMULATED)", 2, 0, "no_answer", 500, false},
      {"Model A (SIMULATED)", 2, 1, "", 600, false},
      {"model, \"B\"", 0, 0, "truncated", 1000, false},
      {"model, \"B\"", 0, 1, "failed", 0, false},
      {"model, \"B\"", 1, 0, "correct", 2000, false},
      {"model, \"B\"", 1, 1, "error", 3000, false},
  };
  store::Store::Transaction tx(db);
  for (const auto& r : rows) {
    store::SampleRecord record;
    record.run_id = run_id;
    record.key = {r.model, "suite|a", "p" + std::to_string(r.problem), r.sample};
    record.problem_ref = refs[static_cast<std::size_t>(r.problem)];
    record.started_at = "2026-11-29T00:00:01.000Z";
    const std::string verdict = r.verdict;
    if (verdict == "failed") {
      record.error = "http: HTTP 500 from sim";
    } else {
      // Model text is hostile on purpose: every format must show it as text.
      record.sample.text = r.problem == 1 ? "<script>alert('x')</script> \\boxed{1}" : "answer";
      record.sample.reasoning = "reasoning | with <b>markup</b>";
      record.sample.usage = {100, 1000, 800, 0, r.problem != 2};
      record.sample.timings.e2e_ms = r.e2e_ms;
      record.sample.timings.ttft_ms = r.e2e_ms / 10;
      record.sample.cost_usd = 0.002;
      record.sample.from_cache = r.cached;
    }
    const auto id = db.insert_sample(record);
    if (verdict == "failed") {
      db.insert_verdict({id, "numeric", "1", {VerdictKind::error, std::nullopt, "generation failed"}});
    } else if (!verdict.empty()) {
      // Correct answers vote for the gold value, wrong ones for "9"; the rest do not vote.
      const std::string vote =
          verdict == "correct" ? std::to_string(r.problem) : (verdict == "incorrect" ? "9" : "");
      db.insert_verdict({id, "numeric", "1", {*parse_verdict_kind(verdict), "x", "rule", vote, ""}});
    }
  }
  tx.commit();
}

}  // namespace

TEST_CASE("report summary figures match hand-computed values", "[golden][reports]")
{
  test::TempDir dir;
  store::Store db(dir.file("r.db"));
  fill(db);
  const std::vector<std::string> names{"golden"};
  const auto runs = reports::summarize(db, names);
  REQUIRE(runs.size() == 1);
  REQUIRE(runs[0].rows.size() == 2);
  const auto& a = runs[0].rows[0];
  CHECK(a.model == "Model A (SIMULATED)");
  CHECK(a.simulated);
  CHECK(a.samples == 6);
  CHECK(a.ungraded == 1);
  // Per problem: p0 2/2, p1 1/2, p2 0/1 (the ungraded sample is not counted as wrong).
  CHECK(a.accuracy.value == Approx((1.0 + 0.5 + 0.0) / 3));
  CHECK(a.correct == 3);
  CHECK(a.incorrect == 1);
  CHECK(a.no_answer == 1);
  CHECK(a.from_cache == 1);
  CHECK(a.tokens_estimated == 2);
  CHECK(a.cost_usd == Approx(0.012));
  CHECK(a.cost_per_correct_usd == Approx(0.004));
  CHECK(a.e2e_p50_ms == Approx(350));
  const auto& b = runs[0].rows[1];
  CHECK_FALSE(b.simulated);
  CHECK(b.samples == 4);
  CHECK(b.errors == 2);  // a failed generation and an error verdict
  CHECK(b.truncated == 1);
  // p0: truncated + failed = 0/2; p1: correct + error = 1/2.
  CHECK(b.accuracy.value == Approx(0.25));
  CHECK(b.mean_output_tokens == Approx(1000));
  CHECK(b.mean_answer_tokens == Approx(200));
  CHECK(b.truncation_rate == Approx(0.25));  // 1 of 4 graded samples (the failed one has an error verdict)
  // A: p2 has one graded sample, so k stops at 1 (never scored beyond the samples a problem has).
  CHECK(a.samples_per_problem == 1);
  REQUIRE(a.pass_at_k.size() == 1);
  CHECK(a.pass_at_k[0].estimate.value == Approx(a.accuracy.value));
  // B: two graded samples per problem. pass@2: p0 0 correct -> 0, p1 1 of 2 -> 1; mean 0.5.
  CHECK(b.samples_per_problem == 2);
  REQUIRE(b.pass_at_k.size() == 2);
  CHECK(b.pass_at_k[1].k == 2);
  CHECK(b.pass_at_k[1].estimate.value == Approx(0.5));
  CHECK(b.pass_at_k[1].tokens_per_problem == Approx(2000));
  // maj@2: p0 nobody voted -> 0; p1 the only vote is the correct one -> 1. maj@1 = avg@n.
  REQUIRE(b.maj_at_k.size() == 2);
  CHECK(b.maj_at_k[0].estimate.value == Approx(0.25));
  CHECK(b.maj_at_k[1].estimate.value == Approx(0.5));
  // Difficulty from metadata: A's p0 (difficulty 1) 2/2; p1, p2 (difficulty 2) 1/2 and 0/1.
  REQUIRE(a.by_difficulty.size() == 2);
  CHECK(a.by_difficulty[0].difficulty == "1");
  CHECK(a.by_difficulty[0].accuracy.value == Approx(1.0));
  CHECK(a.by_difficulty[1].accuracy.value == Approx(0.25));
  CHECK_FALSE(a.energy_joules.has_value());  // no meter: never a made-up figure
  CHECK(runs[0].browser.size() == 10);       // every sample fits the default budget
}

TEST_CASE("report formats are pinned", "[golden][reports]")
{
  test::TempDir dir;
  store::Store db(dir.file("r.db"));
  fill(db);
  const std::vector<std::string> names{"golden"};
  auto runs = reports::summarize(db, names);
  runs[0].run.ended_at = "2026-11-29T00:10:00.000Z";  // set_run_status stamps the clock
  CHECK(test::matches_golden("report.md", reports::to_markdown(runs)));
  CHECK(test::matches_golden("report.csv", reports::to_csv(runs)));
  CHECK(test::matches_golden("report.json", reports::to_json(runs)));
  CHECK(test::matches_golden("report.html", reports::to_html(runs)));
}
