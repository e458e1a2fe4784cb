// The regression gate on constructed runs: a clear regression fails it, noise and improvements
// pass; a drop within --max-drop passes; n samples use the paired bootstrap; data errors name
// the runs.
#include <catch2/catch.hpp>

#include "harness/core/error.hpp"
#include "harness/store/store.hpp"
#include "reports/compare.hpp"
#include "tests/support/test_env.hpp"
#include "tests/unit/test_report_fixture.hpp"

using namespace rb;
using Catch::Detail::Approx;

namespace {

/// `n` problems answered once: the first `right` correct.
std::vector<int> outcomes(int n, int right)
{
  std::vector<int> out(static_cast<std::size_t>(n), 0);
  for (int i = 0; i < right; ++i) {
    out[static_cast<std::size_t>(i)] = 1;
  }
  return out;
}

reports::Comparison compare(store::Store& db, double max_drop = 0.0, double alpha = 0.05)
{
  reports::CompareOptions options;
  options.max_drop = max_drop;
  options.alpha = alpha;
  options.resamples = 4000;
  return reports::compare_runs(db, "base", "candidate", options);
}

}  // namespace

TEST_CASE("gate: a clear regression fails", "[compare]")
{
  test::TempDir dir;
  store::Store db(dir.file("r.db"));
  test::add_counts_run(db, "base", "ckpt-100", "math", 1, outcomes(100, 80));
  test::add_counts_run(db, "candidate", "ckpt-200", "math", 1,
                       outcomes(100, 60));  // q60..q79 flipped to wrong
  const auto c = compare(db, 0.05);
  REQUIRE(c.suites.size() == 1);
  const auto& s = c.suites[0];
  CHECK(s.base_model == "ckpt-100");  // one model per run: compared whatever the labels
  CHECK(s.candidate_model == "ckpt-200");
  CHECK(s.shared == 100);
  CHECK(s.single_sample);
  CHECK(s.base_accuracy == Approx(0.8));
  CHECK(s.candidate_accuracy == Approx(0.6));
  CHECK(s.paired.difference == Approx(-0.2));
  CHECK(s.mcnemar.base_only == 20);
  CHECK(s.mcnemar.candidate_only == 0);
  CHECK(s.p_value == Approx(2.0 / (1 << 20)));  // McNemar exact: 2 * 0.5^20
  REQUIRE(s.worse.size() == 20);
  CHECK(s.worse[0].problem_id == "q60");
  CHECK(s.better.empty());
  CHECK(s.regression);
  CHECK(c.regression());
  const auto md = reports::compare_markdown(c);
  CHECK_THAT(md, Catch::Contains("**regression**") && Catch::Contains("McNemar exact") &&
                     Catch::Contains("Result: regression") && Catch::Contains("`q60`"));
}

TEST_CASE("gate: noise passes", "[compare]")
{
  test::TempDir dir;
  store::Store db(dir.file("r.db"));
  // 5 problems flip down, 4 flip up: a 1-point drop, p = 1.
  std::vector<int> base = outcomes(100, 50);
  std::vector<int> candidate = base;
  for (int i = 45; i < 50; ++i) {
    candidate[static_cast<std::size_t>(i)] = 0;
  }
  for (int i = 50; i < 54; ++i) {
    candidate[static_cast<std::size_t>(i)] = 1;
  }
  test::add_counts_run(db, "base", "m", "math", 1, base);
  test::add_counts_run(db, "candidate", "m", "math", 1, candidate);
  const auto c = compare(db);
  const auto& s = c.suites[0];
  CHECK(s.paired.difference == Approx(-0.01));
  CHECK(s.worse.size() == 5);
  CHECK(s.better.size() == 4);
  CHECK(s.p_value == Approx(1.0));  // 2 * P(X <= 4 | n = 9) = 1
  CHECK_FALSE(s.regression);
  CHECK_FALSE(c.regression());
  CHECK_THAT(reports::compare_markdown(c), Catch::Contains("no significant regression"));
}

TEST_CASE("gate: an improvement passes", "[compare]")
{
  test::TempDir dir;
  store::Store db(dir.file("r.db"));
  test::add_counts_run(db, "base", "m", "math", 1, outcomes(100, 40));
  test::add_counts_run(db, "candidate", "m", "math", 1, outcomes(100, 90));
  const auto c = compare(db);
  CHECK(c.suites[0].paired.difference == Approx(0.5));
  CHECK(c.suites[0].p_value < 1e-10);  // significant, but in the good direction
  CHECK_FALSE(c.regression());
  CHECK_THAT(reports::compare_markdown(c), Catch::Contains("improved"));
}

TEST_CASE("gate: a significant drop within --max-drop passes, beyond it fails", "[compare]")
{
  test::TempDir dir;
  store::Store db(dir.file("r.db"));
  test::add_counts_run(db, "base", "m", "math", 1, outcomes(400, 300));
  test::add_counts_run(db, "candidate", "m", "math", 1, outcomes(400, 280));  // 5 points, p ~ 2e-6
  CHECK_FALSE(compare(db, 0.06).regression());
  CHECK(compare(db, 0.04).regression());
  // "More than": a drop of exactly --max-drop passes, though 0.75 - 0.70 rounds above 0.05.
  CHECK(0.75 - 0.70 > 0.05);
  CHECK_FALSE(compare(db, 0.05).regression());
  // A stricter alpha than the p-value passes.
  CHECK_FALSE(compare(db, 0.0, 1e-7).regression());
}

TEST_CASE("gate: n samples per problem use the paired bootstrap", "[compare]")
{
  test::TempDir dir;
  store::Store db(dir.file("r.db"));
  test::add_counts_run(db, "base", "m", "math", 4, std::vector<int>(60, 3));       // 75%
  test::add_counts_run(db, "candidate", "m", "math", 4, std::vector<int>(60, 1));  // 25%
  const auto c = compare(db, 0.1);
  const auto& s = c.suites[0];
  CHECK_FALSE(s.single_sample);
  CHECK(s.paired.difference == Approx(-0.5));
  CHECK(s.p_value == Approx(1.0 / 4001));  // every resample keeps the -0.5: p = 1/(B+1)
  CHECK(s.worse.size() == 60);
  CHECK(c.regression());
  CHECK_THAT(reports::compare_markdown(c),
             Catch::Contains("paired bootstrap") && Catch::Contains("(75%→25%)"));
  // The same with noise: half the problems a little better, half a little worse.
  test::TempDir dir2;
  store::Store db2(dir2.file("r.db"));
  std::vector<int> candidate;
  for (int i = 0; i < 60; ++i) {
    candidate.push_back(i % 2 == 0 ? 4 : 2);
  }
  test::add_counts_run(db2, "base", "m", "math", 4, std::vector<int>(60, 3));
  test::add_counts_run(db2, "candidate", "m", "math", 4, candidate);
  CHECK_FALSE(compare(db2).regression());
}

TEST_CASE("gate: only shared problems count, by model when runs hold several", "[compare]")
{
  test::TempDir dir;
  store::Store db(dir.file("r.db"));
  std::vector<test::FixtureSample> base;
  std::vector<test::FixtureSample> candidate;
  for (const char* model : {"a", "b"}) {
    for (int p = 0; p < 10; ++p) {
      test::FixtureSample f;
      f.model = model;
      f.suite = "s";
      f.problem = "p" + std::to_string(p);
      f.verdict = "correct";
      base.push_back(f);
      if (p < 8) {  // the candidate run skipped two problems
        f.verdict = std::string(model) == "b" ? "incorrect" : "correct";
        candidate.push_back(f);
      }
    }
  }
  test::add_run(db, "base", base);
  test::add_run(db, "candidate", candidate);
  const auto c = compare(db);
  REQUIRE(c.suites.size() == 2);
  CHECK(c.suites[0].base_model == "a");
  CHECK(c.suites[0].shared == 8);
  CHECK(c.suites[0].base_only == 2);
  CHECK_FALSE(c.suites[0].regression);
  CHECK(c.suites[1].base_model == "b");
  CHECK(c.suites[1].regression);  // 8 of 8 flipped: p = 2/256
  CHECK_THAT(reports::compare_markdown(c), Catch::Contains("answered by the base run only"));
}

TEST_CASE("compare: data errors are one line naming the runs", "[compare]")
{
  test::TempDir dir;
  store::Store db(dir.file("r.db"));
  test::add_counts_run(db, "base", "m", "math", 1, {1, 0, 1});
  reports::CompareOptions options;
  CHECK_THROWS_WITH(reports::compare_runs(db, "base", "nope", options),
                    Catch::Contains("--candidate: no run 'nope'") && Catch::Contains("runs: base"));
  CHECK_THROWS_WITH(reports::compare_runs(db, "basee", "base", options),
                    Catch::Contains("did you mean 'base'"));
  // Same suite, disjoint problems.
  test::FixtureSample f;
  f.model = "m";
  f.suite = "math";
  f.problem = "other";
  f.verdict = "correct";
  test::add_run(db, "disjoint", {f});
  CHECK_THROWS_WITH(reports::compare_runs(db, "base", "disjoint", options),
                    Catch::Contains("runs 'base' and 'disjoint' share no problems"));
  // Different suites altogether.
  f.suite = "code";
  test::add_run(db, "elsewhere", {f});
  CHECK_THROWS_AS(reports::compare_runs(db, "base", "elsewhere", options), ConfigError);
}

TEST_CASE("compare warns when candidate samples came from the response cache", "[compare]")
{
  test::TempDir dir;
  store::Store db(dir.file("c.db"));
  test::add_counts_run(db, "base", "ckpt-100", "math", 1, outcomes(20, 15));
  std::vector<test::FixtureSample> samples;
  for (int i = 0; i < 20; ++i) {
    test::FixtureSample f;
    f.model = "ckpt-200";
    f.suite = "math";
    f.problem = "q" + std::to_string(i);
    f.verdict = i < 15 ? "correct" : "incorrect";
    f.from_cache = i < 6;  // served the base run's answers
    samples.push_back(f);
  }
  test::add_run(db, "candidate", samples);
  const auto c = compare(db);
  REQUIRE(c.suites.size() == 1);
  CHECK(c.suites[0].candidate_cached == 6);
  CHECK_FALSE(c.regression());
  CHECK_THAT(reports::compare_markdown(c), Catch::Contains("6 candidate sample(s) came from the response cache"));

  test::TempDir clean_dir;
  store::Store clean(clean_dir.file("c.db"));
  test::add_counts_run(clean, "base", "ckpt-100", "math", 1, outcomes(20, 15));
  test::add_counts_run(clean, "candidate", "ckpt-200", "math", 1, outcomes(20, 15));
  CHECK_THAT(reports::compare_markdown(compare(clean)), !Catch::Contains("response cache"));
}
