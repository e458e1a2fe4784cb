// The run window (harness/runner/energy_window.hpp): which models share measured energy,
// request spans and concurrency, per-sample attribution written to the store, estimated energy
// labelled as such, and GPU-hour and energy pricing of local engines.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <chrono>
#include <cmath>
#include <map>
#include <tuple>
#include <thread>

#include "harness/core/chunk_times.hpp"
#include "harness/core/error.hpp"
#include "harness/runner/energy_window.hpp"
#include "tests/support/test_env.hpp"

using namespace rb;
using namespace rb::runner;
using Catch::Detail::Approx;

namespace {

/// A device drawing a constant `watts` since it was opened (the steady clock).
class ConstantPowerSource : public meters::EnergySource {
 public:
  explicit ConstantPowerSource(double watts) : m_watts(watts) {}
  std::string method() const override { return "fake"; }
  std::vector<meters::DeviceEnergy> read() override
  {
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_opened).count();
    return {{"gpu0 fake", m_watts * s}};
  }

 private:
  double m_watts;
  std::chrono::steady_clock::time_point m_opened = std::chrono::steady_clock::now();
};

struct Fixture {
  test::TempDir dir;
  store::Store db{dir.file("window.db")};
  std::int64_t run_id = 0;
  std::int64_t problem_ref = 0;

  Fixture()
  {
    store::RunRecord run;
    run.name = "r";
    run_id = db.create_run(run);
    Problem p;
    p.id = "p1";
    p.text = "1+1";
    const std::vector<Problem> problems{p};
    problem_ref = db.upsert_problems("s", problems).at(0);
  }

  store::SampleRecord record(const std::string& model, int index, std::int64_t tokens) const
  {
    store::SampleRecord r;
    r.run_id = run_id;
    r.key = {model, "s", "p1", index};
    r.problem_ref = problem_ref;
    r.sample.usage.completion_tokens = tokens;
    r.sample.usage.prompt_tokens = 10;
    r.sample.usage.reported = true;
    r.sample.timings.chunk_times = encode_chunk_times({1000, 2000});
    r.sample.cost_usd = 0.5;
    return r;
  }
};

}  // namespace

TEST_CASE("measured energy goes to local models, estimates to configured ones, none to remote APIs", "[meters]")
{
  config::ModelConfig plain;
  CHECK(energy_share(plain, "vllm:http://127.0.0.1:8000/v1#m", false, false) == EnergyShare::measured);
  CHECK(energy_share(plain, "vllm:http://localhost:8000/v1#m", false, false) == EnergyShare::measured);
  CHECK(energy_share(plain, "vllm:http://[::1]:8000/v1#m", false, false) == EnergyShare::measured);
  CHECK(energy_share(plain, "cmd:./my-model", false, false) == EnergyShare::measured);
  CHECK(energy_share(plain, "openai:https://api.openai.com/v1#o3-mini", false, false) == EnergyShare::not_measured);
  CHECK(energy_share(plain, "vllm:http://gpu-node-3:8000/v1#m", false, false) == EnergyShare::not_measured);
  CHECK(energy_share(plain, "vllm:http://gpu-node-3:8000/v1#m", false, true) == EnergyShare::measured);  // DCGM
  CHECK(energy_share(plain, "openai:https://api.openai.com/v1#o3-mini", false, true) == EnergyShare::not_measured);
  CHECK(energy_share(plain, "sim:r1-like", true, false) == EnergyShare::measured);
  config::ModelConfig estimated;
  estimated.energy_j_per_output_token = 0.3;
  CHECK(energy_share(estimated, "openai:https://api.openai.com/v1#o3-mini", false, false) == EnergyShare::estimated);
}

TEST_CASE("GPU selections parse or fail naming the key", "[meters]")
{
  CHECK(parse_gpu_selection("all").indexes.empty());
  CHECK_FALSE(parse_gpu_selection("all").none);
  CHECK(parse_gpu_selection("none").none);
  CHECK(parse_gpu_selection("0, 2").indexes == std::vector<int>{0, 2});
  CHECK_THROWS_WITH(parse_gpu_selection("0,x"), Catch::Contains("[energy] gpus"));
  CHECK_THROWS_AS(parse_gpu_selection("-1"), ConfigError);
}

TEST_CASE("a window stamps spans, attributes energy and prices local engines", "[meters]")
{
  Fixture f;
  config::EnergyConfig energy;
  energy.interval_ms = 10;
  energy.pue = 1.5;
  energy.grid_gco2_per_kwh = 400;
  std::vector<WindowModel> models(3);
  models[0].share = EnergyShare::measured;  // local engine, priced by GPU-hour and by energy
  models[0].usd_per_gpu_hour = 2.0;
  models[0].gpu_count = 2;
  models[0].usd_per_kwh = 0.2;
  models[1].share = EnergyShare::estimated;
  models[1].j_per_output_token = 0.25;
  models[2].share = EnergyShare::not_measured;
  std::vector<std::unique_ptr<meters::EnergySource>> sources;
  sources.push_back(std::make_unique<ConstantPowerSource>(100.0));
  EnergyWindow window(f.db, f.run_id, std::move(sources), models, energy);

  const std::vector<std::pair<std::string, std::int64_t>> items = {{"local", 300}, {"local", 100}, {"api-est", 40}, {"api", 50}};
  const std::vector<std::size_t> model_of = {0, 0, 1, 2};
  std::vector<store::SampleRecord> records;
  for (std::size_t i = 0; i < items.size(); ++i) {
    window.started(i);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(60));
  for (std::size_t i = 0; i < items.size(); ++i) {  // all end together: the same spans
    records.push_back(f.record(items[i].first, static_cast<int>(i), items[i].second));
    window.finished(i, records.back());
  }
  std::vector<std::int64_t> ids;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const store::SampleRecord& r = records[i];
    CHECK(r.window_id == window.id());
    CHECK(r.end_s >= r.start_s);
    ids.push_back(f.db.insert_sample(r));
    window.stored(ids.back(), model_of[i], r);
  }
  store::SampleRecord cached = f.record("local", 9, 10);
  window.finished(99, cached);  // never started (a cache hit): not stamped
  CHECK(cached.window_id == 0);
  window.close();
  window.close();  // once

  const auto windows = f.db.windows_of_run(f.run_id);
  REQUIRE(windows.size() == 1);
  const store::WindowRecord& w = windows[0];
  CHECK(w.max_concurrency == 4);
  CHECK(w.energy_method == "fake");
  REQUIRE(w.energy_joules.has_value());
  CHECK(*w.energy_joules > 0);
  CHECK(w.pue == 1.5);
  CHECK(w.grid_gco2_per_kwh == 400);
  CHECK(w.devices_json.find("gpu0 fake") != std::string::npos);
  CHECK_FALSE(w.ended_at.empty());

  std::map<std::int64_t, std::tuple<std::optional<double>, std::string, double, std::string>> got;
  f.db.for_each_sample_facts(f.run_id, [&](const store::SampleFacts& s) {
    got[s.sample_id] = {s.energy_joules, std::string(s.energy_method), s.cost_usd, std::string(s.tokens_method)};
    CHECK(s.window_id == w.id);
    CHECK(decode_chunk_times(s.chunk_times) == std::vector<std::uint64_t>{1000, 2000});
  });
  const auto& [j0, m0, c0, t0] = got[ids[0]];
  const auto& [j1, m1, c1, t1] = got[ids[1]];
  REQUIRE(j0.has_value());
  REQUIRE(j1.has_value());
  CHECK(m0.starts_with("measured: fake"));
  CHECK(t0 == "server");
  // Same span, so by token share: 300 : 100. Together they took the energy of their intervals.
  CHECK(*j0 == Approx(3 * *j1).epsilon(0.03));  // the ends differ by an insert
  CHECK(*j0 + *j1 + *w.idle_joules == Approx(*w.energy_joules));
  // GPU-hour: wall x 2 GPUs x $2/h, shared 3:1; energy: J x PUE / 3.6e6 x $0.2/kWh; plus tokens' $0.5.
  const double gpu_cost = w.wall_s / 3600 * 2 * 2.0;
  CHECK(c0 == Approx(0.5 + gpu_cost * 0.75 + *j0 * 1.5 / 3.6e6 * 0.2));
  CHECK(c1 == Approx(0.5 + gpu_cost * 0.25 + *j1 * 1.5 / 3.6e6 * 0.2));
  const auto& [j2, m2, c2, t2] = got[ids[2]];
  REQUIRE(j2.has_value());
  CHECK(*j2 == Approx(10.0));  // 40 tokens x 0.25 J
  CHECK(m2 == "estimated: 0.25 J/output token (config)");
  CHECK(c2 == 0.5);
  const auto& [j3, m3, c3, t3] = got[ids[3]];
  CHECK_FALSE(j3.has_value());  // remote API: not measured
  CHECK(m3.empty());
}

TEST_CASE("a window without sources records times and says why nothing was measured", "[meters]")
{
  Fixture f;
  config::EnergyConfig energy;
  energy.gpus = "none";
  energy.rapl = false;
  {
    EnergyWindow off(f.db, f.run_id, nullptr, {});
    off.close();
  }
  EnergyWindow window(f.db, f.run_id, &energy, {WindowModel{}});
  window.started(0);
  store::SampleRecord r = f.record("m", 0, 5);
  window.finished(0, r);
  window.stored(f.db.insert_sample(r), 0, r);
  window.close();
  const auto windows = f.db.windows_of_run(f.run_id);
  REQUIRE(windows.size() == 2);
  CHECK(windows[0].unavailable == "metering off");
  CHECK_FALSE(windows[1].energy_joules.has_value());
  CHECK(windows[1].energy_method.empty());
  CHECK_THAT(windows[1].unavailable, Catch::Contains("no meter configured"));
  CHECK(windows[1].max_concurrency == 1);
  f.db.for_each_sample_facts(f.run_id, [&](const store::SampleFacts& s) { CHECK_FALSE(s.energy_joules.has_value()); });
}

TEST_CASE("a version 5 store migrates to the meters' schema and keeps its samples unmeasured", "[meters][store]")
{
  test::TempDir dir;
  const std::string path = dir.file("old.db");
  std::int64_t run_id = 0;
  {
    store::Store old(path, 5);
    store::RunRecord run;
    run.name = "old";
    run_id = old.create_run(run);
  }
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
  const std::string insert =
      "INSERT INTO problems (suite, problem_key, content_hash, problem_json) VALUES ('s', 'p1', 'h', '{\"id\":\"p1\"}');"
      "INSERT INTO samples (run_id, model, suite, problem_id, problem_ref, sample_index, request_json, response_json, "
      "answer_text, reasoning_text, reasoning_unclosed, finish_reason, prompt_tokens, completion_tokens, "
      "reasoning_tokens, cached_tokens, tokens_reported, ttft_ms, first_answer_ms, e2e_ms, chunks, model_reported, "
      "retries, error, started_at) VALUES (" +
      std::to_string(run_id) +
      ", 'm', 's', 'p1', last_insert_rowid(), 0, '{}', '{}', '2', '', 0, 'stop', 10, 20, 0, 0, 1, 12.5, -1, 80.0, 3, "
      "'m', 0, '', '2026-01-02T03:04:06.000Z');";
  REQUIRE(sqlite3_exec(raw, insert.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(raw);

  store::Store db(path);
  CHECK(db.schema_version() == 6);
  CHECK(db.windows_of_run(run_id).empty());
  int rows = 0;
  db.for_each_sample_facts(run_id, [&](const store::SampleFacts& s) {
    ++rows;
    CHECK(s.window_id == 0);
    CHECK_FALSE(s.energy_joules.has_value());
    CHECK(s.chunk_times.empty());
    CHECK(s.tokens_method.empty());  // reports fall back to tokens_reported
    CHECK(std::isnan(s.start_s));
  });
  CHECK(rows == 1);
}
