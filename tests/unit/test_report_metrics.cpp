// Report figures against hand-computed values: pass@k and maj@k per row (k never beyond the
// samples a problem has, the declared tie rule), throughput, reasoning length, latency CDF,
// accuracy by difficulty, the browser's budget, and the ISO 8601 parser behind throughput.
#include <catch2/catch.hpp>

#include "harness/store/store.hpp"
#include "reports/row_builder.hpp"
#include "reports/summary.hpp"
#include "tests/support/test_env.hpp"
#include "tests/unit/test_report_fixture.hpp"

using namespace rb;
using Catch::Detail::Approx;

namespace {

reports::SummaryRow only_row(store::Store& db, const std::string& run)
{
  const std::vector<std::string> names{run};
  const auto runs = reports::summarize(db, names);
  REQUIRE(runs.size() == 1);
  REQUIRE(runs[0].rows.size() == 1);
  return runs[0].rows[0];
}

}  // namespace

TEST_CASE("pass@k and maj@k per row match hand-computed values", "[reports]")
{
  test::TempDir dir;
  store::Store db(dir.file("r.db"));
  // Four samples per problem; correct samples come first and vote "gold", the rest vote "wrong".
  test::add_counts_run(db, "r", "m", "s", 4, {4, 2, 0, 1});
  const auto r = only_row(db, "r");
  CHECK(r.samples_per_problem == 4);
  REQUIRE(r.pass_at_k.size() == 3);  // k = 1, 2, 4
  CHECK(r.pass_at_k[0].k == 1);
  CHECK(r.pass_at_k[2].k == 4);
  CHECK(r.pass_at_k[0].estimate.value == Approx((1 + 0.5 + 0 + 0.25) / 4));
  // pass@2 = 1 - C(n-c,2)/C(4,2): 1, 1 - 1/6, 0, 1 - 3/6.
  CHECK(r.pass_at_k[1].estimate.value == Approx((1 + (1 - 1.0 / 6) + 0 + 0.5) / 4));
  CHECK(r.pass_at_k[2].estimate.value == Approx(0.75));
  CHECK(r.pass_at_k[0].estimate.value == Approx(r.accuracy.value));
  REQUIRE(r.maj_at_k.size() == 3);
  CHECK(r.maj_at_k[0].estimate.value == Approx(0.4375));  // maj@1 = avg@n
  // maj@2, blocks (s0,s1), (s2,s3): 1 | (1 + 0)/2 | 0 | (tie gold/wrong -> 1/2, then 0)/2.
  CHECK(r.maj_at_k[1].estimate.value == Approx((1 + 0.5 + 0 + 0.25) / 4));
  // maj@4: 1 | 2-2 tie -> 1/2 | 0 | wrong 3-1 -> 0.
  CHECK(r.maj_at_k[2].estimate.value == Approx(1.5 / 4));
  CHECK(r.pass_at_k[1].tokens_per_problem == Approx(2 * 1000));
  CHECK(r.pass_at_k[2].cost_per_problem_usd == Approx(4 * 0.002));
  for (const auto& p : r.pass_at_k) {
    CHECK(p.estimate.ci95.low <= p.estimate.value);
    CHECK(p.estimate.ci95.high >= p.estimate.value);
  }
}

TEST_CASE("k stops at the fewest samples of any problem", "[reports]")
{
  test::TempDir dir;
  store::Store db(dir.file("r.db"));
  std::vector<test::FixtureSample> samples;
  for (int p = 0; p < 3; ++p) {
    for (int s = 0; s < (p == 2 ? 3 : 8); ++s) {  // problem 2 has 3 samples only
      test::FixtureSample f;
      f.model = "m";
      f.suite = "s";
      f.problem = "p" + std::to_string(p);
      f.sample = s;
      f.verdict = s % 2 == 0 ? "correct" : "incorrect";
      samples.push_back(f);
    }
  }
  test::add_run(db, "r", samples);
  const auto r = only_row(db, "r");
  CHECK(r.samples_per_problem == 3);
  REQUIRE(r.pass_at_k.size() == 3);  // k = 1, 2, 3: never 4 or 8
  CHECK(r.pass_at_k.back().k == 3);
  CHECK(r.maj_at_k.empty());  // nobody voted: no maj@k rather than a made-up one
}

TEST_CASE("one sample per problem: Wilson intervals, k = 1 only", "[reports]")
{
  test::TempDir dir;
  store::Store db(dir.file("r.db"));
  test::add_counts_run(db, "r", "m", "s", 1, {1, 1, 1, 0, 0, 1, 0, 1, 1, 1});
  const auto r = only_row(db, "r");
  CHECK(r.samples_per_problem == 1);
  REQUIRE(r.pass_at_k.size() == 1);
  CHECK(r.pass_at_k[0].estimate.value == Approx(0.7));
  CHECK(r.pass_at_k[0].estimate.ci95.low == Approx(stats::wilson(7, 10).low));
  CHECK(r.maj_at_k[0].estimate.ci95.high == Approx(stats::wilson(7, 10).high));
}

TEST_CASE("throughput, lengths, latency CDF and difficulty", "[reports]")
{
  test::TempDir dir;
  store::Store db(dir.file("r.db"));
  std::vector<test::FixtureSample> samples;
  const auto sample = [](int i, const char* verdict, std::int64_t tokens, double e2e, const char* start) {
    test::FixtureSample f;
    f.model = "m";
    f.suite = "s";
    f.problem = "p" + std::to_string(i);
    f.verdict = verdict;
    f.output_tokens = tokens;
    f.reasoning_tokens = tokens / 2;
    f.e2e_ms = e2e;
    f.started_at = start;
    return f;
  };
  samples.push_back(sample(0, "correct", 100, 1000, "2026-11-29T00:00:00.000Z"));
  samples.push_back(sample(1, "correct", 300, 1000, "2026-11-29T00:00:02.000Z"));
  samples.push_back(sample(2, "incorrect", 500, 500, "2026-11-29T00:00:01.000Z"));
  samples.push_back(sample(3, "truncated", 900, 2000, "2026-11-29T00:00:00.500Z"));
  test::add_run(db, "r", samples,
                [](const std::string& p) { return p == "p0" || p == "p2" ? "easy" : "hard"; });
  const auto r = only_row(db, "r");
  // Window: 00:00:00.000 to 00:00:03.000 (p1 ends last): 1800 tokens in 3 s.
  CHECK(r.throughput_tokens_per_s == Approx(1800.0 / 3));
  CHECK_FALSE(r.energy_joules.has_value());
  CHECK(r.length_is_reasoning);
  CHECK(r.length_correct.count == 2);
  CHECK(r.length_correct.p50 == Approx((50 + 150) / 2.0));
  CHECK(r.length_incorrect.count == 2);  // incorrect and truncated
  CHECK(r.length_incorrect.mean == Approx((250 + 450) / 2.0));
  REQUIRE(r.latency_cdf_ms.size() == reports::k_latency_cdf_points);
  CHECK(r.latency_cdf_ms.front() == Approx(500));
  CHECK(r.latency_cdf_ms.back() == Approx(2000));
  CHECK(r.latency_cdf_ms[50] == Approx(1000));
  REQUIRE(r.by_difficulty.size() == 2);
  CHECK(r.by_difficulty[0].difficulty == "easy");  // easy < hard, not alphabetical
  CHECK(r.by_difficulty[0].accuracy.value == Approx(0.5));
  CHECK(r.by_difficulty[1].accuracy.value == Approx(0.5));
  CHECK(r.truncation_rate == Approx(0.25));
}

TEST_CASE("the browser shows a bounded share of every row", "[reports]")
{
  test::TempDir dir;
  store::Store db(dir.file("r.db"));
  test::fill_showcase(db);  // 6 rows, 1152 samples
  reports::SummaryOptions options;
  options.browser_samples = 60;
  const auto runs = reports::summarize(db, {}, options);
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].stored_samples == 1152);
  CHECK(runs[0].browser.size() == 60);  // 10 per row
  std::size_t not_correct = 0;
  for (const auto& s : runs[0].browser) {
    not_correct += s.verdict != "correct" ? 1 : 0;
    CHECK_FALSE(s.problem_text.empty());
  }
  CHECK(not_correct == 30);  // alternating, not-correct first
  options.browser_samples = 0;
  CHECK(reports::summarize(db, {}, options)[0].browser.empty());
}

TEST_CASE("ISO 8601 times parse to milliseconds", "[reports]")
{
  CHECK(*reports::parse_iso8601_ms("1970-01-01T00:00:00.000Z") == 0);
  CHECK(*reports::parse_iso8601_ms("1970-01-02T00:00:01Z") == 86401000);
  CHECK(*reports::parse_iso8601_ms("2026-11-29T00:00:01.5Z") -
            *reports::parse_iso8601_ms("2026-11-29T00:00:00.000Z") ==
        1500);
  CHECK(*reports::parse_iso8601_ms("2024-03-01T00:00:00.000Z") -
            *reports::parse_iso8601_ms("2024-02-28T00:00:00.000Z") ==
        2 * 86400000.0);  // a leap year
  CHECK_FALSE(reports::parse_iso8601_ms("").has_value());
  CHECK_FALSE(reports::parse_iso8601_ms("2026-11-29 00:00:00").has_value());
  CHECK_FALSE(reports::parse_iso8601_ms("2026-13-29T00:00:00.000Z").has_value());
  CHECK_FALSE(reports::parse_iso8601_ms("2026-11-29T00:00:00.0x0Z").has_value());
}
