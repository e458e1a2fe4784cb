#include <catch2/catch.hpp>

#include <atomic>
#include <map>

#include "harness/core/error.hpp"
#include "harness/runner/run_loop.hpp"
#include "harness/store/store.hpp"
#include "suites/registry.hpp"
#include "tests/support/fake_adapter.hpp"
#include "tests/support/test_env.hpp"
#include "verifiers/registry.hpp"

using namespace rb;
using rb::test::FakeAdapter;

namespace {

/// Correct for even-numbered problems, wrong for odd ones (deterministic per prompt).
std::expected<Sample, Error> half_right(const Request& request, const std::map<std::string, std::string>& gold)
{
  const std::string& prompt = request.messages.back().content;
  const std::string& answer = gold.at(prompt);
  const bool even = (std::hash<std::string>{}(prompt) % 2) == 0;
  return test::make_sample("\\boxed{" + (even ? answer : answer + "1") + "}");
}

struct Fixture {
  test::TempDir dir;
  store::Store store{dir.file("results.db")};
  std::map<std::string, std::string> gold;  // rendered prompt -> answer

  runner::Plan make_plan(int problems, int samples, std::vector<std::shared_ptr<FakeAdapter>> adapters,
                         std::vector<int> model_caps = {})
  {
    runner::Plan plan;
    runner::PlannedSuite suite;
    suite.suite = suites::load_suite("gen:arith?n=" + std::to_string(problems) + "&seed=5", {});
    suite.verifier = verifiers::make_verifier(suite.suite.verifier);
    for (const auto& p : suite.suite.problems) {
      gold[suite.suite.prompt.render(p).back().content] = p.answer;
    }
    plan.suites.push_back(std::move(suite));
    for (std::size_t m = 0; m < adapters.size(); ++m) {
      runner::PlannedModel model;
      model.config.spec = "fake:" + std::to_string(m);
      model.config.label = "model-" + std::to_string(m);
      model.config.concurrency = m < model_caps.size() ? model_caps[m] : 0;
      model.config.prices = {1.0, -1, 2.0};
      // The plan owns unique_ptrs; tests keep shared access through a forwarding adapter.
      struct Forward : Adapter {
        std::shared_ptr<FakeAdapter> inner;
        std::string identity() const override { return inner->identity(); }
        std::string request_body(const Request& r) const override { return inner->request_body(r); }
        void start(const Request& r, SampleCallback d) override { inner->start(r, std::move(d)); }
        void cancel_all() override { inner->cancel_all(); }
        AdapterStats stats() const override { return inner->stats(); }
      };
      auto forward = std::make_unique<Forward>();
      forward->inner = adapters[m];
      model.adapter = std::move(forward);
      plan.models.push_back(std::move(model));
    }
    for (int s = 0; s < samples; ++s) {
      for (std::uint32_t p = 0; p < static_cast<std::uint32_t>(problems); ++p) {
        for (std::uint32_t m = 0; m < adapters.size(); ++m) {
          plan.items.push_back({0, p, m, s});
        }
      }
    }
    return plan;
  }

  std::int64_t new_run(const std::string& name)
  {
    store::RunRecord run;
    run.name = name;
    run.config_json = "{}";
    run.status = "running";
    return store.create_run(run);
  }

  /// (model, problem, sample) -> verdict name
  std::map<std::string, std::string> verdicts(std::int64_t run_id)
  {
    std::map<std::string, std::string> out;
    store.for_each_sample(run_id, [&](const store::SampleRow& row) {
      const std::string key = row.key.model + "/" + row.key.problem_id + "/" + std::to_string(row.key.sample_index);
      REQUIRE_FALSE(out.contains(key));
      out[key] = row.verdict ? std::string(to_string(row.verdict->verdict.kind)) : "ungraded";
    });
    return out;
  }
};

runner::RunLoopOptions options(int concurrency, bool cache = false)
{
  runner::RunLoopOptions o;
  o.concurrency = concurrency;
  o.cache = cache;
  o.batch_size = 7;  // small batches: many transactions
  o.grading_threads = 2;
  return o;
}

}  // namespace

TEST_CASE("run loop: every item generated once, graded and stored", "[runner]")
{
  Fixture f;
  auto a = std::make_shared<FakeAdapter>([&](const Request& r) { return half_right(r, f.gold); });
  auto b = std::make_shared<FakeAdapter>([&](const Request& r) { return half_right(r, f.gold); });
  auto plan = f.make_plan(12, 3, {a, b});
  const auto run_id = f.new_run("r");
  std::atomic<bool> stop{false};
  runner::RunLoop loop(f.store, plan, run_id, options(5), nullptr);
  const auto result = loop.run(stop);
  CHECK(result.end == runner::RunEnd::finished);
  CHECK(result.totals.done == 72);
  CHECK(result.totals.total == 72);
  CHECK(result.totals.errors == 0);
  CHECK(a->total_calls() == 36);
  for (const auto& [key, n] : a->calls()) {
    CHECK(n == 1);
  }
  const auto v = f.verdicts(run_id);
  CHECK(v.size() == 72);
  int correct = 0;
  for (const auto& [key, verdict] : v) {
    CHECK((verdict == "correct" || verdict == "incorrect"));
    correct += verdict == "correct" ? 1 : 0;
  }
  CHECK(correct == result.totals.correct);
  CHECK(correct > 0);
  CHECK(correct < 72);
  // Cost at 1 $/Mtok in, 2 $/Mtok out: 20 prompt + 50 completion tokens per sample.
  CHECK(result.totals.cost_usd == Approx(72 * (20 * 1.0 + 50 * 2.0) / 1e6));
}

TEST_CASE("run loop: concurrency limits hold, globally and per model", "[runner]")
{
  Fixture f;
  SECTION("the global limit binds the models together")
  {
    auto meter = std::make_shared<test::InFlightMeter>();
    auto a = std::make_shared<FakeAdapter>([&](const Request& r) { return half_right(r, f.gold); },
                                           std::chrono::milliseconds(5), "fake:a", meter);
    auto b = std::make_shared<FakeAdapter>([&](const Request& r) { return half_right(r, f.gold); },
                                           std::chrono::milliseconds(5), "fake:b", meter);
    auto plan = f.make_plan(40, 1, {a, b});
    std::atomic<bool> stop{false};
    runner::RunLoop(f.store, plan, f.new_run("global"), options(6), nullptr).run(stop);
    CHECK(meter->peak.load() <= 6);
    CHECK(meter->peak.load() >= 5);  // and the loop used the room it had
  }
  SECTION("a model's own cap holds under the global limit")
  {
    auto a = std::make_shared<FakeAdapter>([&](const Request& r) { return half_right(r, f.gold); },
                                           std::chrono::milliseconds(5));
    auto b = std::make_shared<FakeAdapter>([&](const Request& r) { return half_right(r, f.gold); },
                                           std::chrono::milliseconds(5));
    auto plan = f.make_plan(40, 1, {a, b}, {2, 0});
    std::atomic<bool> stop{false};
    runner::RunLoop(f.store, plan, f.new_run("capped"), options(6), nullptr).run(stop);
    CHECK(a->peak_in_flight() <= 2);
    CHECK(a->peak_in_flight() >= 1);
    CHECK(b->peak_in_flight() <= 6);
    CHECK(b->peak_in_flight() >= 3);
  }
}

TEST_CASE("run loop: an interrupted run resumes to exactly the uninterrupted verdicts", "[runner]")
{
  Fixture f;
  std::atomic<bool> stop{false};
  std::atomic<int> answered{0};
  auto a = std::make_shared<FakeAdapter>([&](const Request& r) {
    if (++answered == 25) {
      stop = true;  // interrupt mid-run, with requests in flight
    }
    return half_right(r, f.gold);
  }, std::chrono::milliseconds(2));
  auto plan = f.make_plan(20, 4, {a});
  const auto run_id = f.new_run("r");
  {
    runner::RunLoop loop(f.store, plan, run_id, options(4), nullptr);
    CHECK(loop.run(stop).end == runner::RunEnd::interrupted);
  }
  const auto partial = f.verdicts(run_id);
  CHECK(partial.size() < 80);
  CHECK(partial.size() >= 20);
  stop = false;
  auto plan2 = f.make_plan(20, 4, {a});
  runner::RunLoop loop2(f.store, plan2, run_id, options(4), nullptr);
  const auto result = loop2.run(stop);
  CHECK(result.end == runner::RunEnd::finished);
  CHECK(result.totals.done == 80);
  CHECK(result.totals.done_at_start == static_cast<std::int64_t>(partial.size()));
  // Nothing stored was generated again: each (prompt, sample) was requested once, except those
  // cancelled in flight at the interrupt (never stored, so asked again).
  int stored_twice = 0;
  for (const auto& [key, n] : a->calls()) {
    CHECK(n <= 2);
    stored_twice += n == 2 ? 1 : 0;
  }
  CHECK(stored_twice <= 4);

  // The same plan uninterrupted, in a fresh run, gives the same verdicts.
  auto fresh = std::make_shared<FakeAdapter>([&](const Request& r) { return half_right(r, f.gold); });
  auto plan3 = f.make_plan(20, 4, {fresh});
  const auto run2 = f.new_run("uninterrupted");
  runner::RunLoop loop3(f.store, plan3, run2, options(4), nullptr);
  loop3.run(stop);
  CHECK(f.verdicts(run2) == f.verdicts(run_id));
}

TEST_CASE("run loop: failed generations are stored as errors and retried on resume", "[runner]")
{
  Fixture f;
  std::atomic<bool> failing{true};
  auto a = std::make_shared<FakeAdapter>([&](const Request& r) -> std::expected<Sample, Error> {
    if (failing && r.messages.back().content.find("arith-") == std::string::npos &&
        std::hash<std::string>{}(r.messages.back().content) % 3 == 0) {
      return std::unexpected(Error{ErrorKind::rejected, "HTTP 400: bad request", 400});
    }
    return half_right(r, f.gold);
  });
  auto plan = f.make_plan(30, 1, {a});
  const auto run_id = f.new_run("r");
  std::atomic<bool> stop{false};
  std::int64_t errors = 0;
  {
    runner::RunLoop loop(f.store, plan, run_id, options(3), nullptr);
    const auto result = loop.run(stop);
    errors = result.totals.errors;
  }
  REQUIRE(errors > 0);
  int error_verdicts = 0;
  for (const auto& [key, verdict] : f.verdicts(run_id)) {
    error_verdicts += verdict == "error" ? 1 : 0;
  }
  CHECK(error_verdicts == errors);
  failing = false;
  const int calls_before = a->total_calls();
  auto plan2 = f.make_plan(30, 1, {a});
  runner::RunLoop loop2(f.store, plan2, run_id, options(3), nullptr);
  const auto result = loop2.run(stop);
  CHECK(result.totals.errors == 0);
  CHECK(a->total_calls() - calls_before == errors);  // only the failed items were asked again
  for (const auto& [key, verdict] : f.verdicts(run_id)) {
    CHECK(verdict != "error");
  }
}

TEST_CASE("run loop: the response cache serves identical requests of a later run", "[runner]")
{
  Fixture f;
  auto a = std::make_shared<FakeAdapter>([&](const Request& r) { return half_right(r, f.gold); });
  std::atomic<bool> stop{false};
  auto plan = f.make_plan(10, 2, {a});
  const auto first = f.new_run("first");
  runner::RunLoop(f.store, plan, first, options(4, true), nullptr).run(stop);
  CHECK(a->total_calls() == 20);
  auto plan2 = f.make_plan(10, 2, {a});
  const auto second = f.new_run("second");
  const auto result = runner::RunLoop(f.store, plan2, second, options(4, true), nullptr).run(stop);
  CHECK(a->total_calls() == 20);  // nothing paid twice
  CHECK(result.totals.cost_usd == 0.0);
  CHECK(f.verdicts(second) == f.verdicts(first));
  int cached = 0;
  f.store.for_each_sample(second, [&](const store::SampleRow& row) { cached += row.sample.from_cache ? 1 : 0; });
  CHECK(cached == 20);
}

TEST_CASE("run loop: stored samples without a verdict are graded on resume, not generated", "[runner]")
{
  Fixture f;
  auto a = std::make_shared<FakeAdapter>([&](const Request& r) { return half_right(r, f.gold); });
  auto plan = f.make_plan(5, 1, {a});
  const auto run_id = f.new_run("r");
  // A crash between storing a sample and storing its verdict leaves this state.
  const auto refs = f.store.upsert_problems(plan.suites[0].suite.name, plan.suites[0].suite.problems);
  store::SampleRecord record;
  record.run_id = run_id;
  record.key = plan.key(plan.items[0]);
  record.problem_ref = refs[0];
  record.sample = test::make_sample("\\boxed{" + plan.problem(plan.items[0]).answer + "}");
  f.store.insert_sample(record);
  std::atomic<bool> stop{false};
  const auto result = runner::RunLoop(f.store, plan, run_id, options(2), nullptr).run(stop);
  CHECK(result.totals.done == 5);
  CHECK(a->total_calls() == 4);
  CHECK(f.verdicts(run_id).at(record.key.model + "/" + record.key.problem_id + "/0") == "correct");
}

TEST_CASE("run loop: resuming after the dataset changed is refused before any request", "[runner]")
{
  Fixture f;
  auto a = std::make_shared<FakeAdapter>([&](const Request& r) { return half_right(r, f.gold); });
  auto plan = f.make_plan(6, 1, {a});
  const auto run_id = f.new_run("r");
  std::atomic<bool> stop{false};
  runner::RunLoop(f.store, plan, run_id, options(2), nullptr).run(stop);
  const int calls = a->total_calls();
  auto changed = f.make_plan(6, 1, {a});
  changed.suites[0].suite.problems[3].answer = "12345";
  try {
    runner::RunLoop(f.store, changed, run_id, options(2), nullptr).run(stop);
    FAIL("no error");
  } catch (const ConfigError& e) {
    CHECK_THAT(e.what(), Catch::Contains("problem 'arith-0003'") && Catch::Contains("dataset changed"));
  }
  CHECK(a->total_calls() == calls);
}

TEST_CASE("run loop: a cancellation nobody asked for is stored as a failure, not dropped", "[runner]")
{
  Fixture f;
  auto a = std::make_shared<FakeAdapter>([&](const Request& r) -> std::expected<Sample, Error> {
    if (r.sample_index == 1) {
      return std::unexpected(Error{ErrorKind::cancelled, "connection pool shut down"});
    }
    return half_right(r, f.gold);
  });
  auto plan = f.make_plan(4, 2, {a});
  const auto run_id = f.new_run("r");
  std::atomic<bool> stop{false};
  const auto result = runner::RunLoop(f.store, plan, run_id, options(2), nullptr).run(stop);
  CHECK(result.end == runner::RunEnd::finished);
  CHECK(result.totals.done == 8);
  CHECK(result.totals.errors == 4);
  int errors = 0;
  for (const auto& [key, verdict] : f.verdicts(run_id)) {
    errors += verdict == "error" ? 1 : 0;
  }
  CHECK(errors == 4);
}
