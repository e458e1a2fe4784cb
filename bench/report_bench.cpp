// Reports over a large store: how long `summarize` and each format take on a database of a
// million samples (issue 9: under 10 s, HTML under 20 MB). Figures: bench/RESULTS.md.
//   build/bench/report_bench --make-db /tmp/rb-report-1m.db            (once: ~1,000,000 samples)
//   RB_REPORT_DB=/tmp/rb-report-1m.db build/bench/report_bench --benchmark_counters_tabular=true
// bench/report_1m.sh runs both and times the real `reasonbench report` command as well.
// The database: 5 models (one SIMULATED) x 5 suites x 625 problems x 64 samples, each sample
// ~3 KB like a reasoning model's (store_ingest_bench.cpp), graded, with votes and difficulties.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "harness/store/store.hpp"
#include "harness/util/rng.hpp"
#include "reports/render.hpp"

namespace {

using rb::store::Store;

constexpr int k_models = 5;
constexpr int k_suites = 5;
constexpr int k_problems = 625;
constexpr int k_samples = 64;

std::string filler(std::string_view sentence, std::size_t bytes)
{
  std::string text;
  while (text.size() < bytes) {
    text += sentence;
  }
  text.resize(bytes);
  return text;
}

/// Writes k_models x k_suites x k_problems x samples_per_problem samples with verdicts.
void make_db(const std::string& path, int samples_per_problem)
{
  std::filesystem::remove(path);
  Store db(path);
  rb::store::RunRecord run;
  run.name = "bench-1m";
  run.config_json = "{}";
  run.harness_version = "bench";
  run.git_revision = "bench";
  run.host_json = "{}";
  const auto run_id = db.create_run(run);
  std::vector<std::vector<std::int64_t>> refs(k_suites);
  for (int s = 0; s < k_suites; ++s) {
    std::vector<rb::Problem> problems(k_problems);
    for (int p = 0; p < k_problems; ++p) {
      problems[p].id = fmt::format("problem-{:04d}", p);
      problems[p].text = filler("Find the number of ordered pairs (x, y) of integers such that ", 300);
      problems[p].answer = std::to_string(p);
      problems[p].metadata = {{"source", "bench"}, {"difficulty", std::to_string(1 + p % 5)}};
    }
    refs[s] = db.upsert_problems(fmt::format("suite-{}", s), problems);
  }
  const double skill[k_models] = {0.85, 0.7, 0.6, 0.5, 0.75};
  rb::store::SampleRecord record;
  record.run_id = run_id;
  rb::Sample& sample = record.sample;
  sample.reasoning =
      filler("Wait, let me reconsider: if x = 3 then y must be even, so we count pairs. ", 1600);
  sample.request_json = filler(R"({"model":"m","messages":[{"role":"user","content":"Solve: ..."}]})", 500);
  sample.response_json = filler(R"({"id":"chatcmpl-1","object":"chat.completion","usage":{}})", 500);
  sample.finish_reason = "stop";
  sample.model_reported = "m";
  const std::string right = filler("So the total is 12 + 30 = 42, and the answer is \\boxed{42}. ", 400);
  const std::string wrong = filler("So the total is 12 + 31 = 43, and the answer is \\boxed{43}. ", 400);
  rb::util::SplitMix64 rng(2026);
  const auto start = std::chrono::steady_clock::now();
  std::int64_t written = 0;
  const std::int64_t base_ms = 1796000000000;  // 2026-11-29
  std::unique_ptr<Store::Transaction> tx;
  for (int i = 0; i < samples_per_problem; ++i) {
    for (int s = 0; s < k_suites; ++s) {
      for (int p = 0; p < k_problems; ++p) {
        for (int m = 0; m < k_models; ++m) {
          if (!tx) {
            tx = std::make_unique<Store::Transaction>(db);
          }
          record.key = {m == 4 ? "sim:r1-like (SIMULATED)" : fmt::format("model-{}", m),
                        fmt::format("suite-{}", s), fmt::format("problem-{:04d}", p), i};
          record.problem_ref = refs[s][p];
          const double chance = skill[m] * (1.2 - 0.1 * (1 + p % 5));
          const double u = rng.uniform();
          const bool correct = u < chance;
          const rb::VerdictKind kind = correct    ? rb::VerdictKind::correct
                                       : u > 0.98 ? rb::VerdictKind::truncated
                                       : u > 0.95 ? rb::VerdictKind::no_answer
                                                  : rb::VerdictKind::incorrect;
          sample.text = correct ? right : wrong;
          const auto tokens = static_cast<std::int64_t>(400 + 1600 * rng.uniform() * (correct ? 1.0 : 1.5));
          sample.usage = {180, tokens, tokens * 4 / 5, 0, m != 3};
          sample.timings = {30 + 20 * rng.uniform(), 500, 20.0 * static_cast<double>(tokens) / (1 + m),
                            tokens / 4};
          sample.cost_usd = static_cast<double>(tokens) * (m + 1) * 1e-6;
          const std::int64_t at = base_ms + written * 7;
          record.started_at = fmt::format("2026-11-29T{:02d}:{:02d}:{:02d}.{:03d}Z", (at / 3600000) % 24,
                                          (at / 60000) % 60, (at / 1000) % 60, at % 1000);
          const auto id = db.insert_sample(record);
          const std::string vote =
              correct ? "42" : (kind == rb::VerdictKind::incorrect ? std::to_string(rng.below(4)) : "");
          db.insert_verdict(
              {id,
               "numeric",
               "1",
               {kind, vote.empty() ? std::nullopt : std::optional<std::string>(vote), "bench", vote, ""}});
          if (++written % 1000 == 0) {
            tx->commit();
            tx.reset();
          }
        }
      }
    }
  }
  if (tx) {
    tx->commit();
  }
  db.set_run_status(run_id, "finished", true);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("wrote %lld samples to %s in %.1f s (%.0f samples/s)\n", static_cast<long long>(written),
              path.c_str(), seconds, static_cast<double>(written) / seconds);
}

std::string bench_db()
{
  const char* path = std::getenv("RB_REPORT_DB");
  return path == nullptr ? std::string() : std::string(path);
}

void BM_Summarize(benchmark::State& state)
{
  const std::string path = bench_db();
  if (path.empty() || !std::filesystem::exists(path)) {
    state.SkipWithError("set RB_REPORT_DB to a database made with --make-db");
    return;
  }
  Store db(path);
  std::int64_t samples = 0;
  for (auto _ : state) {
    const auto runs = rb::reports::summarize(db, {});
    samples = runs.at(0).stored_samples;
    benchmark::DoNotOptimize(runs);
  }
  state.counters["samples"] = static_cast<double>(samples);
  state.counters["samples_per_s"] =
      benchmark::Counter(static_cast<double>(samples * state.iterations()), benchmark::Counter::kIsRate);
}

/// summarize + render + write one format (0 html, 1 md, 2 csv, 3 json).
void BM_Report(benchmark::State& state)
{
  const std::string path = bench_db();
  if (path.empty() || !std::filesystem::exists(path)) {
    state.SkipWithError("set RB_REPORT_DB to a database made with --make-db");
    return;
  }
  const char* extensions[] = {".html", ".md", ".csv", ".json"};
  const std::string out = path + "-report" + extensions[state.range(0)];
  Store db(path);
  for (auto _ : state) {
    rb::reports::write_report(rb::reports::summarize(db, {}), out);
  }
  state.counters["output_bytes"] = static_cast<double>(std::filesystem::file_size(out));
  state.SetLabel(extensions[state.range(0)]);
}

}  // namespace

BENCHMARK(BM_Summarize)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_Report)
    ->ArgName("format")
    ->DenseRange(0, 3)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(2)
    ->UseRealTime();

int main(int argc, char** argv)
{
  // --make-db PATH [--samples-per-problem N]: build the database and exit.
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--make-db") {
      int per_problem = k_samples;
      for (int j = 1; j + 1 < argc; ++j) {
        if (std::string(argv[j]) == "--samples-per-problem") {
          per_problem = std::atoi(argv[j + 1]);
        }
      }
      make_db(argv[i + 1], per_problem);
      return 0;
    }
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
