// The store: samples, verdicts, the response cache, item states and transactions.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "harness/store/store.hpp"
#include "tests/support/test_env.hpp"

using namespace rb;
using rb::store::Store;

namespace {

/// Every field set to a value that differs from its default, with unicode, an empty string,
/// doubles that do not print short, and bytes that are not UTF-8.
Sample full_sample()
{
  Sample s;
  s.text =
      "The answer is \\boxed{√2 ≈ 1.414} — 日本語, emoji 🙂, NUL[" + std::string(1, '\0') + "]";
  s.reasoning = "<think>first, 0.1 + 0.2 ≠ 0.3…</think> cut inside a character: \xe6\x97";
  s.reasoning_unclosed = true;
  s.finish_reason = "";  // empty strings stay empty, never NULL
  s.usage = {123, 4567, 4000, 64, true};
  s.timings = {0.1 + 0.2, 1e-300, 98765.4321, 77};
  s.request_json = R"({"model":"sim-r1","messages":[{"role":"user","content":"Ünïcödé?"}]})";
  s.response_json = R"({"choices":[{"message":{"content":"x"}}],"usage":{"completion_tokens":4567}})";
  s.model_reported = "sim-r1-2026-01";
  s.retries = 3;
  s.from_cache = true;
  s.cost_usd = 0.000123456789012345;
  return s;
}

void check_same(const Sample& got, const Sample& want)
{
  CHECK(got.text == want.text);
  CHECK(got.reasoning == want.reasoning);
  CHECK(got.reasoning_unclosed == want.reasoning_unclosed);
  CHECK(got.finish_reason == want.finish_reason);
  CHECK(got.usage.prompt_tokens == want.usage.prompt_tokens);
  CHECK(got.usage.completion_tokens == want.usage.completion_tokens);
  CHECK(got.usage.reasoning_tokens == want.usage.reasoning_tokens);
  CHECK(got.usage.cached_tokens == want.usage.cached_tokens);
  CHECK(got.usage.reported == want.usage.reported);
  CHECK(got.timings.ttft_ms == want.timings.ttft_ms);  // exact: no epsilon
  CHECK(got.timings.first_answer_ms == want.timings.first_answer_ms);
  CHECK(got.timings.e2e_ms == want.timings.e2e_ms);
  CHECK(got.timings.chunks == want.timings.chunks);
  CHECK(got.request_json == want.request_json);
  CHECK(got.response_json == want.response_json);
  CHECK(got.model_reported == want.model_reported);
  CHECK(got.retries == want.retries);
  CHECK(got.from_cache == want.from_cache);
  CHECK(got.cost_usd == want.cost_usd);
}

Problem full_problem()
{
  Problem p;
  p.id = "AIME/2024-I/7";
  p.text = "Find $x$ such that $x^2 = 2$. Ünïcödé, 中文.";
  p.answer = "\\sqrt{2}";
  p.reference = "";
  p.checker_data = R"({"tests":[{"input":"1\n","output":"2\n"}]})";
  p.metadata = {{"source", "AIME"}, {"year", "2024"}, {"source", "duplicate key kept"}, {"bytes", "\xff"}};
  return p;
}

/// A store with one run and one problem, and a helper to make records for it.
struct Fixture {
  test::TempDir dir;
  Store db{dir.file("samples.db")};
  std::int64_t run_id = 0;
  std::int64_t problem_ref = 0;

  Fixture()
  {
    store::RunRecord run;
    run.name = "r";
    run_id = db.create_run(run);
    const std::vector<Problem> problems{full_problem()};
    problem_ref = db.upsert_problems("math", problems).at(0);
  }

  store::SampleRecord record(int index, std::string error = "") const
  {
    store::SampleRecord r;
    r.run_id = run_id;
    r.key = {"sim-r1", "math", "AIME/2024-I/7", index};
    r.problem_ref = problem_ref;
    if (error.empty()) {
      r.sample = full_sample();
    }
    r.error = std::move(error);
    r.started_at = "2026-01-02T03:04:05.678Z";
    return r;
  }

  std::vector<store::SampleRow> rows()
  {
    std::vector<store::SampleRow> out;
    db.for_each_sample(run_id, [&](const store::SampleRow& row) { out.push_back(row); });
    return out;
  }

  store::VerdictRecord verdict(std::int64_t sample_id, VerdictKind kind, std::optional<std::string> extracted)
  {
    return {sample_id, "math", "3", Verdict{kind, std::move(extracted), "rule: boxed"}};
  }
};

}  // namespace

TEST_CASE("a sample reads back with every field exact", "[store]")
{
  Fixture f;
  const auto id = f.db.insert_sample(f.record(0));
  const auto rows = f.rows();
  REQUIRE(rows.size() == 1);
  const auto& row = rows[0];
  CHECK(row.sample_id == id);
  CHECK(row.key == store::ItemKey{"sim-r1", "math", "AIME/2024-I/7", 0});
  CHECK(row.problem_ref == f.problem_ref);
  CHECK(row.started_at == "2026-01-02T03:04:05.678Z");
  CHECK(row.error.empty());
  CHECK_FALSE(row.verdict);
  check_same(row.sample, full_sample());

  const Problem want = full_problem();  // rebuilt from the store alone
  CHECK(row.problem.id == want.id);
  CHECK(row.problem.text == want.text);
  CHECK(row.problem.answer == want.answer);
  CHECK(row.problem.reference == want.reference);
  CHECK(row.problem.checker_data == want.checker_data);
  CHECK(row.problem.metadata == want.metadata);
  CHECK(row.problem.content_hash() == want.content_hash());
}

TEST_CASE("samples are stored outside a transaction, in id order, and NaN timings survive", "[store]")
{
  Fixture f;
  auto first = f.record(1);
  first.sample.timings.ttft_ms = std::numeric_limits<double>::quiet_NaN();
  first.sample.timings.e2e_ms = std::numeric_limits<double>::infinity();
  first.sample.cost_usd = std::numeric_limits<double>::quiet_NaN();  // stored as 0
  const auto a = f.db.insert_sample(first);
  const auto b = f.db.insert_sample(f.record(0));
  CHECK(b > a);
  const auto rows = f.rows();
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].key.sample_index == 1);
  CHECK(std::isnan(rows[0].sample.timings.ttft_ms));
  CHECK(rows[0].sample.timings.e2e_ms == std::numeric_limits<double>::infinity());
  CHECK(rows[0].sample.cost_usd == 0);
  CHECK(rows[1].key.sample_index == 0);
}

TEST_CASE("a failed sample is replaced by a success, and its verdict goes with it", "[store]")
{
  Fixture f;
  const auto failed = f.db.insert_sample(f.record(0, "http 503: overloaded"));
  f.db.insert_verdict(f.verdict(failed, VerdictKind::error, std::nullopt));
  auto states = f.db.item_states(f.run_id);
  REQUIRE(states.size() == 1);
  CHECK(states[0].failed);
  CHECK(states[0].graded);

  std::int64_t replaced = 0;
  {
    Store::Transaction tx(f.db);
    replaced = f.db.insert_sample(f.record(0));
    tx.commit();
  }
  const auto rows = f.rows();
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].sample_id == replaced);
  CHECK(rows[0].error.empty());
  CHECK_FALSE(rows[0].verdict);  // the failed sample's verdict is gone
  states = f.db.item_states(f.run_id);
  REQUIRE(states.size() == 1);
  CHECK_FALSE(states[0].failed);
  CHECK_FALSE(states[0].graded);

  // A failure replaced by another failure is fine too (retried later).
  f.db.insert_sample(f.record(1, "timeout"));
  f.db.insert_sample(f.record(1, "timeout again"));
  CHECK(f.rows().at(1).error == "timeout again");
}

TEST_CASE("a successful sample is never replaced", "[store]")
{
  Fixture f;
  f.db.insert_sample(f.record(0));
  CHECK_THROWS_AS(f.db.insert_sample(f.record(0)), std::logic_error);
  CHECK_THROWS_WITH(f.db.insert_sample(f.record(0, "late failure")),
                    Catch::Contains("already has a successful sample") && Catch::Contains("sample 0"));
  {
    Store::Transaction tx(f.db);  // the throw leaves an open transaction usable
    f.db.insert_sample(f.record(1));
    CHECK_THROWS_AS(f.db.insert_sample(f.record(0)), std::logic_error);
    f.db.insert_sample(f.record(2));
    tx.commit();
  }
  CHECK(f.rows().size() == 3);
  CHECK(f.rows().at(0).sample.text == full_sample().text);
}

TEST_CASE("a sample without a problem or with an unknown run is refused", "[store]")
{
  Fixture f;
  auto no_problem = f.record(0);
  no_problem.problem_ref = 0;
  CHECK_THROWS_AS(f.db.insert_sample(no_problem), std::logic_error);
  auto bad_run = f.record(0);
  bad_run.run_id = 4242;
  CHECK_THROWS_WITH(f.db.insert_sample(bad_run), Catch::Contains("FOREIGN KEY"));
  CHECK(f.rows().empty());
}

TEST_CASE("a verdict is inserted and replaced", "[store]")
{
  Fixture f;
  const auto id = f.db.insert_sample(f.record(0));
  f.db.insert_verdict(f.verdict(id, VerdictKind::incorrect, "1.5"));
  auto rows = f.rows();
  REQUIRE(rows[0].verdict);
  CHECK(rows[0].verdict->sample_id == id);
  CHECK(rows[0].verdict->verifier == "math");
  CHECK(rows[0].verdict->verifier_version == "3");
  CHECK(rows[0].verdict->verdict.kind == VerdictKind::incorrect);
  CHECK(rows[0].verdict->verdict.extracted == std::optional<std::string>("1.5"));
  CHECK(rows[0].verdict->verdict.detail == "rule: boxed");

  f.db.insert_verdict(f.verdict(id, VerdictKind::no_answer, std::nullopt));
  rows = f.rows();
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].verdict->verdict.kind == VerdictKind::no_answer);
  CHECK_FALSE(rows[0].verdict->verdict.extracted);  // NULL, not ""

  f.db.insert_verdict(f.verdict(id, VerdictKind::correct, ""));
  CHECK(f.rows()[0].verdict->verdict.extracted == std::optional<std::string>(""));
  CHECK(f.db.item_states(f.run_id).at(0).correct);
  CHECK(f.rows()[0].verdict->verdict.data.empty());

  auto with_data = f.verdict(id, VerdictKind::incorrect, "x");
  with_data.verdict.data = R"({"tests_passed":7,"tests_total":10})";
  with_data.verdict.vote = "1/2";
  f.db.insert_verdict(with_data);
  CHECK(f.rows()[0].verdict->verdict.data == R"({"tests_passed":7,"tests_total":10})");
  CHECK(f.rows()[0].verdict->verdict.vote == "1/2");
}

TEST_CASE("grading again from inside for_each_sample replaces the verdicts", "[store]")
{
  Fixture f;
  for (int i = 0; i < 5; ++i) {
    f.db.insert_verdict(f.verdict(f.db.insert_sample(f.record(i)), VerdictKind::incorrect, "x"));
  }
  int seen = 0;
  f.db.for_each_sample(f.run_id, [&](const store::SampleRow& row) {
    ++seen;
    f.db.insert_verdict(f.verdict(row.sample_id, VerdictKind::correct, "y"));
    CHECK_THROWS_AS(f.db.for_each_sample(f.run_id, [](const store::SampleRow&) {}), std::logic_error);
  });
  CHECK(seen == 5);
  for (const auto& state : f.db.item_states(f.run_id)) {
    CHECK(state.correct);
  }
  CHECK_THROWS_AS(
      f.db.for_each_sample(f.run_id, [](const store::SampleRow&) { throw std::runtime_error("stop"); }),
      std::runtime_error);
  CHECK(f.rows().size() == 5);  // usable again after an exception
}

TEST_CASE("the response cache round-trips every field", "[store]")
{
  Fixture f;
  CHECK_FALSE(f.db.cache_get("sha256:abc"));
  f.db.cache_put("sha256:abc", full_sample());
  const auto got = f.db.cache_get("sha256:abc");
  REQUIRE(got);
  check_same(*got, full_sample());

  Sample odd;  // defaults and non-finite numbers
  odd.timings.ttft_ms = -std::numeric_limits<double>::infinity();
  odd.cost_usd = std::numeric_limits<double>::quiet_NaN();
  f.db.cache_put("sha256:abc", odd);  // replaces
  const auto replaced = f.db.cache_get("sha256:abc");
  REQUIRE(replaced);
  CHECK(replaced->text.empty());
  CHECK(replaced->timings.ttft_ms == -std::numeric_limits<double>::infinity());
  CHECK(std::isnan(replaced->cost_usd));
  CHECK(replaced->timings.first_answer_ms == -1);
}

TEST_CASE("item states say what each stored item is", "[store]")
{
  Fixture f;
  auto graded = f.record(0);
  graded.sample.usage.completion_tokens = 900;
  graded.sample.cost_usd = 0.25;
  const auto a = f.db.insert_sample(graded);
  f.db.insert_verdict(f.verdict(a, VerdictKind::correct, "√2"));
  const auto b = f.db.insert_sample(f.record(1));
  f.db.insert_verdict(f.verdict(b, VerdictKind::truncated, std::nullopt));
  const auto c = f.db.insert_sample(f.record(2));
  const auto d = f.db.insert_sample(f.record(3, "rejected: 400"));

  store::RunRecord other;
  other.name = "other run";
  CHECK(f.db.item_states(f.db.create_run(other)).empty());

  const auto states = f.db.item_states(f.run_id);
  REQUIRE(states.size() == 4);
  CHECK(states[0].sample_id == a);
  CHECK(states[0].key == store::ItemKey{"sim-r1", "math", "AIME/2024-I/7", 0});
  CHECK((states[0].graded && states[0].correct && !states[0].failed));
  CHECK(states[0].output_tokens == 900);
  CHECK(states[0].cost_usd == 0.25);
  CHECK(states[1].sample_id == b);
  CHECK((states[1].graded && !states[1].correct && !states[1].failed));
  CHECK(states[2].sample_id == c);
  CHECK((!states[2].graded && !states[2].correct && !states[2].failed));
  CHECK(states[3].sample_id == d);
  CHECK((states[3].failed && !states[3].graded));
  CHECK(states[3].output_tokens == 0);
}

TEST_CASE("a transaction that is not committed leaves nothing", "[store]")
{
  Fixture f;
  {
    Store::Transaction tx(f.db);
    for (int i = 0; i < 10; ++i) {
      f.db.insert_verdict(f.verdict(f.db.insert_sample(f.record(i)), VerdictKind::correct, "1"));
    }
    f.db.cache_put("k", full_sample());
    CHECK_THROWS_AS(Store::Transaction(f.db), std::logic_error);  // not nestable
  }
  CHECK(f.rows().empty());
  CHECK(f.db.item_states(f.run_id).empty());
  CHECK_FALSE(f.db.cache_get("k"));

  {
    Store::Transaction tx(f.db);
    f.db.insert_sample(f.record(0));
    tx.commit();
    CHECK_THROWS_AS(tx.commit(), std::logic_error);
  }
  CHECK(f.rows().size() == 1);

  // An exception inside the scope rolls back the whole batch.
  CHECK_THROWS_AS(
      [&] {
        Store::Transaction tx(f.db);
        f.db.insert_sample(f.record(1));
        f.db.insert_sample(f.record(0));  // a successful item again: throws
        tx.commit();
      }(),
      std::logic_error);
  CHECK(f.rows().size() == 1);
}
