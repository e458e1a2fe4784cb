// The store's read queries for reports: for_each_sample_facts (figures without texts),
// for_each_sample_by_id (the browser's samples) and find_problem agree with for_each_sample.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <vector>

#include "harness/store/store.hpp"
#include "tests/support/test_env.hpp"
#include "tests/unit/test_report_fixture.hpp"

using namespace rb;

namespace {

std::vector<test::FixtureSample> samples()
{
  std::vector<test::FixtureSample> out;
  const char* verdicts[] = {"correct", "incorrect", "", "failed", "truncated", "no_answer"};
  for (int i = 0; i < 12; ++i) {
    test::FixtureSample f;
    f.model = i % 2 == 0 ? "m1" : "m2";
    f.suite = "s";
    f.problem = "p" + std::to_string(i % 3);
    f.sample = i / 6;
    f.verdict = verdicts[i % 6];
    f.vote = f.verdict == "correct" ? "42" : "";
    f.output_tokens = 100 + i;
    f.reasoning_tokens = 50 + i;
    f.e2e_ms = 10.5 * i;
    f.cost_usd = 0.001 * i;
    f.answer = "answer " + std::to_string(i);
    f.started_at = "2026-11-29T00:00:0" + std::to_string(i % 10) + ".000Z";
    out.push_back(f);
  }
  return out;
}

}  // namespace

TEST_CASE("for_each_sample_facts gives for_each_sample's figures row for row", "[store][reports]")
{
  test::TempDir dir;
  store::Store db(dir.file("r.db"));
  const auto run_id = test::add_run(db, "r", samples());
  std::vector<store::SampleRow> full;
  db.for_each_sample(run_id, [&](const store::SampleRow& row) { full.push_back(row); });
  std::size_t i = 0;
  db.for_each_sample_facts(run_id, [&](const store::SampleFacts& f) {
    REQUIRE(i < full.size());
    const auto& row = full[i++];
    CHECK(f.sample_id == row.sample_id);
    CHECK(f.model == row.key.model);
    CHECK(f.suite == row.key.suite);
    CHECK(f.problem_id == row.key.problem_id);
    CHECK(f.sample_index == row.key.sample_index);
    CHECK(f.problem_ref == row.problem_ref);
    CHECK(f.failed == !row.error.empty());
    CHECK(f.finish_reason == row.sample.finish_reason);
    CHECK(f.usage.completion_tokens == row.sample.usage.completion_tokens);
    CHECK(f.usage.reasoning_tokens == row.sample.usage.reasoning_tokens);
    CHECK(f.usage.reported == row.sample.usage.reported);
    CHECK(f.timings.e2e_ms == row.sample.timings.e2e_ms);
    CHECK(f.timings.ttft_ms == row.sample.timings.ttft_ms);
    CHECK(f.cost_usd == row.sample.cost_usd);
    CHECK(f.from_cache == row.sample.from_cache);
    CHECK(f.started_at == row.started_at);
    CHECK(f.verdict.has_value() == row.verdict.has_value());
    if (row.verdict) {
      CHECK(*f.verdict == row.verdict->verdict.kind);
      CHECK(f.vote == row.verdict->verdict.vote);
    }
  });
  CHECK(i == 12);
}

TEST_CASE("for_each_sample_by_id reads the chosen samples in the order given", "[store][reports]")
{
  test::TempDir dir;
  store::Store db(dir.file("r.db"));
  const auto run_id = test::add_run(db, "r", samples());
  std::vector<store::SampleRow> full;
  db.for_each_sample(run_id, [&](const store::SampleRow& row) { full.push_back(row); });
  const std::vector<std::int64_t> ids{full[7].sample_id, 999999, full[2].sample_id, full[7].sample_id};
  std::vector<store::SampleRow> got;
  db.for_each_sample_by_id(ids, [&](const store::SampleRow& row) { got.push_back(row); });
  REQUIRE(got.size() == 3);  // the unknown id is skipped
  CHECK(got[0].sample_id == full[7].sample_id);
  CHECK(got[1].sample_id == full[2].sample_id);
  CHECK(got[2].sample_id == full[7].sample_id);
  CHECK(got[0].sample.text == full[7].sample.text);
  CHECK(got[0].problem.id == full[7].problem.id);
  CHECK(got[0].problem.text == full[7].problem.text);
  CHECK(got[1].verdict.has_value() == full[2].verdict.has_value());
  CHECK(got[1].problem.id == full[2].problem.id);
}

TEST_CASE("find_problem returns the stored problem with its metadata", "[store][reports]")
{
  test::TempDir dir;
  store::Store db(dir.file("r.db"));
  Problem p;
  p.id = "x";
  p.text = "text";
  p.answer = "7";
  p.metadata = {{"difficulty", "hard"}};
  const auto refs = db.upsert_problems("s", std::vector<Problem>{p});
  const auto found = db.find_problem(refs.at(0));
  REQUIRE(found.has_value());
  CHECK(found->id == "x");
  CHECK(found->answer == "7");
  REQUIRE(found->metadata.size() == 1);
  CHECK(found->metadata[0].second == "hard");
  CHECK_FALSE(db.find_problem(refs.at(0) + 1000).has_value());
}

TEST_CASE("walks over samples do not nest", "[store][reports]")
{
  test::TempDir dir;
  store::Store db(dir.file("r.db"));
  const auto run_id = test::add_run(db, "r", samples());
  CHECK_THROWS_AS(db.for_each_sample(run_id,
                                     [&](const store::SampleRow&) {
                                       db.for_each_sample_facts(run_id, [](const store::SampleFacts&) {});
                                     }),
                  std::logic_error);
  CHECK_THROWS_AS(db.for_each_sample_facts(run_id,
                                           [&](const store::SampleFacts&) {
                                             db.for_each_sample(run_id, [](const store::SampleRow&) {});
                                           }),
                  std::logic_error);
  // After the exceptions, both walks work again.
  int n = 0;
  db.for_each_sample_facts(run_id, [&](const store::SampleFacts&) { ++n; });
  CHECK(n == 12);
}
