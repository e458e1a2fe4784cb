// The reward-model path of best-of-N (docs/strategies.md): serve-sim's SIMULATED reward models
// over real HTTP, HttpScorer's wire format and errors, scorer specs, and the scoring stage
// (batches, resume, a scorer that fails).
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <map>

#include "adapters/reward/http_scorer.hpp"
#include "adapters/reward/scorer_spec.hpp"
#include "adapters/sim/sim_server.hpp"
#include "harness/core/error.hpp"
#include "harness/runner/score_stage.hpp"
#include "harness/store/store.hpp"
#include "tests/support/test_env.hpp"

using namespace rb;

namespace {

struct Served {
  Served() : server(scenario()), port(server.start("127.0.0.1", 0)) {}
  static sim::Scenario scenario()
  {
    sim::Scenario s;
    s.source = "test";
    s.seed = 1;
    return s;
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port) + "/v1/reward"; }
  sim::SimServer server;
  int port;
};

adapters::HttpScorer sim_scorer(const Served& served, const std::string& model)
{
  adapters::HttpScorerOptions options;
  options.url = served.url();
  options.model = model;
  options.send_oracle = true;
  options.max_retries = 0;
  return adapters::HttpScorer(options);
}

/// A scorer that counts its calls and fails when told to.
class CountingScorer : public Scorer {
 public:
  std::string name() const override { return label; }
  std::expected<std::vector<double>, Error> score(std::span<const ScoreRequest> batch) override
  {
    ++calls;
    if (fail) {
      return std::unexpected(Error{ErrorKind::transport, "fake scorer down"});
    }
    std::vector<double> out;
    for (const auto& item : batch) {
      out.push_back(item.response == item.oracle ? 1.0 : 0.0);
      sent.push_back(item.response);
    }
    return out;
  }
  std::string label = "fake";
  int calls = 0;
  bool fail = false;
  std::vector<std::string> sent;
};

std::int64_t make_run(store::Store& db, int samples)
{
  store::RunRecord run;
  run.name = "r";
  run.config_json = "{}";
  run.host_json = "{}";
  const auto run_id = db.create_run(run);
  Problem problem;
  problem.id = "p";
  problem.text = "What is 1+1?";
  problem.reference = "2";
  const std::vector<Problem> problems{problem};
  const auto refs = db.upsert_problems("s", problems);
  for (int i = 0; i < samples; ++i) {
    store::SampleRecord rec;
    rec.run_id = run_id;
    rec.key = {"m", "s", "p", i};
    rec.problem_ref = refs[0];
    rec.sample.text = i % 2 == 0 ? "2" : "3";
    rec.sample.reasoning = "thinking " + std::to_string(i);
    if (i == samples - 1) {
      rec.error = "HTTP 500";  // a failed generation is never scored
      rec.sample = Sample{};
    }
    db.insert_sample(rec);
  }
  return run_id;
}

}  // namespace

TEST_CASE("serve-sim reward models separate right from wrong answers, deterministically", "[sim][strategies]")
{
  Served served;
  auto prm = sim_scorer(served, "prm");
  std::vector<ScoreRequest> batch;
  for (int i = 0; i < 200; ++i) {
    const bool right = i % 2 == 0;
    batch.push_back({"problem " + std::to_string(i), "so the answer is " + std::to_string(right ? 42 : 41 + i), "42"});
  }
  const auto scores = prm.score(batch);
  REQUIRE(scores.has_value());
  REQUIRE(scores->size() == 200);
  double right = 0;
  double wrong = 0;
  for (std::size_t i = 0; i < scores->size(); ++i) {
    CHECK((*scores)[i] >= 0.0);
    CHECK((*scores)[i] <= 1.0);
    ((i % 2 == 0) ? right : wrong) += (*scores)[i] / 100;
  }
  CHECK(right == Approx(0.75).margin(0.05));
  CHECK(wrong == Approx(0.35).margin(0.05));
  const auto again = prm.score(batch);
  REQUIRE(again.has_value());
  CHECK(*again == *scores);

  auto unknown = sim_scorer(served, "prn");
  const auto refused = unknown.score(batch);
  REQUIRE_FALSE(refused.has_value());
  CHECK(refused.error().kind == ErrorKind::rejected);
  CHECK_THAT(refused.error().message, Catch::Contains("HTTP 404") && Catch::Contains("did you mean 'prm'"));
}

TEST_CASE("scorer specs: sim:NAME and URL#NAME, errors name their origin", "[strategies]")
{
  setenv("REASONBENCH_SIM_URL", "http://127.0.0.1:5555/v1/", 1);
  const auto sim = adapters::parse_scorer_spec("sim:prm", "--scorer");
  CHECK(sim.url == "http://127.0.0.1:5555/v1/reward");
  CHECK(sim.model == "prm");
  CHECK(sim.simulated);
  unsetenv("REASONBENCH_SIM_URL");
  const auto real = adapters::parse_scorer_spec("https://rm.example/v1/score#Skywork-PRM", "--scorer");
  CHECK(real.url == "https://rm.example/v1/score");
  CHECK(real.model == "Skywork-PRM");
  CHECK_FALSE(real.simulated);
  CHECK_THROWS_WITH(adapters::parse_scorer_spec("prm", "cfg.toml:3"),
                    Catch::Contains("cfg.toml:3") && Catch::Contains("sim:NAME or URL#NAME"));
  CHECK_THROWS_WITH(adapters::parse_scorer_spec("ftp://x#m", "--scorer"), Catch::Contains("http://"));
  CHECK_THROWS_WITH(adapters::parse_scorer_spec("sim:", "--scorer"), Catch::Contains("name is empty"));
  CHECK_THROWS_WITH(adapters::make_scorer("sim:prm", "RB_TEST_NO_SUCH_KEY_VAR", "--scorer"),
                    Catch::Contains("RB_TEST_NO_SUCH_KEY_VAR is not set"));
}

TEST_CASE("the scoring stage scores every successful sample once, in batches, and resumes", "[strategies]")
{
  test::TempDir dir;
  store::Store db(dir.file("r.db"));
  const auto run_id = make_run(db, 11);  // 10 successful samples, 1 failed
  CountingScorer scorer;
  std::atomic<bool> stop{false};
  runner::ScoreStageOptions options;
  options.batch = 4;
  std::vector<std::int64_t> progress;
  auto result = runner::score_run(db, run_id, scorer, options, stop,
                                  [&](std::int64_t done, std::int64_t) { progress.push_back(done); });
  CHECK(result.scored == 10);
  CHECK(result.failed == 0);
  CHECK(scorer.calls == 3);  // 4 + 4 + 2
  CHECK(progress == std::vector<std::int64_t>{4, 8, 10});
  CHECK(scorer.sent[0] == "2");  // the answer alone by default
  std::map<std::int64_t, double> stored;
  db.for_each_score(run_id, [&](std::int64_t id, std::string_view name, double score) {
    CHECK(name == "fake");
    stored[id] = score;
  });
  CHECK(stored.size() == 10);

  SECTION("a second pass asks for nothing")
  {
    scorer.calls = 0;
    result = runner::score_run(db, run_id, scorer, options, stop);
    CHECK(result.scored == 0);
    CHECK(result.already == 10);
    CHECK(scorer.calls == 0);
  }
  SECTION("the reasoning is sent in think tags when asked")
  {
    CountingScorer other;
    other.label = "other";  // a second scorer scores every sample again, under its own name
    options.include_reasoning = true;
    runner::score_run(db, run_id, other, options, stop);
    REQUIRE(other.sent.size() == 10);
    CHECK(other.sent[0] == "<think>\nthinking 0\n</think>\n\n2");
  }
}

TEST_CASE("a failing scorer stops after three batches and leaves the rest for resume", "[strategies]")
{
  test::TempDir dir;
  store::Store db(dir.file("r.db"));
  const auto run_id = make_run(db, 21);  // 20 successful samples
  CountingScorer scorer;
  scorer.fail = true;
  std::atomic<bool> stop{false};
  runner::ScoreStageOptions options;
  options.batch = 2;
  auto result = runner::score_run(db, run_id, scorer, options, stop);
  CHECK(scorer.calls == 3);
  CHECK(result.scored == 0);
  CHECK(result.failed == 20);
  CHECK_THAT(result.first_error, Catch::Contains("fake scorer down"));
  scorer.fail = false;
  result = runner::score_run(db, run_id, scorer, options, stop);
  CHECK(result.scored == 20);

  SECTION("a stop request ends the stage between batches")
  {
    store::Store db2(dir.file("r2.db"));
    const auto run2 = make_run(db2, 9);
    stop = true;
    const auto stopped = runner::score_run(db2, run2, scorer, options, stop);
    CHECK(stopped.interrupted);
    CHECK(stopped.scored == 0);
  }
}
