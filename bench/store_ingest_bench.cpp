// Store ingest: samples/s written through the run loop's path (Store::insert_sample in batched
// transactions), on a real file in WAL mode. Target (issue 2): >= 50,000 samples/s with 1,000
// samples per transaction on a 2-core machine. Figures: bench/RESULTS.md.
//   build-store/bench/store_ingest_bench --benchmark_counters_tabular=true
// Sample sizes follow a reasoning model's output: ~400 B answer + ~1.6 KB reasoning, a ~500 B
// request body and a ~500 B response body (the *FullResponse variant repeats the text in the
// response body, as a non-streamed OpenAI response does: ~2.6 KB).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "harness/store/store.hpp"

namespace {

using rb::store::Store;

constexpr int k_problems = 500;
constexpr int k_models = 3;

std::string filler(std::string_view sentence, std::size_t bytes)
{
  std::string text;
  while (text.size() < bytes) {
    text += sentence;
  }
  text.resize(bytes);
  return text;
}

/// A temporary database with one run and k_problems problems; removed on destruction.
struct BenchDb {
  std::filesystem::path dir;
  std::unique_ptr<Store> db;
  std::int64_t run_id = 0;
  std::vector<std::int64_t> problem_refs;

  BenchDb()
  {
    dir = std::filesystem::temp_directory_path() / ("rb-store-bench-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    db = std::make_unique<Store>((dir / "bench.db").string());
    rb::store::RunRecord run;
    run.name = "bench";
    run.config_json = filler(R"({"suite":"gen:arith","samples":16},)", 2000);
    run_id = db->create_run(run);
    std::vector<rb::Problem> problems(k_problems);
    for (int i = 0; i < k_problems; ++i) {
      problems[i].id = "problem-" + std::to_string(i);
      problems[i].text = filler("Find the number of ordered pairs (x, y) of integers such that ", 300);
      problems[i].answer = std::to_string(i);
    }
    problem_refs = db->upsert_problems("gen:arith", problems);
  }
  ~BenchDb()
  {
    db.reset();
    std::filesystem::remove_all(dir);
  }
  BenchDb(const BenchDb&) = delete;
  BenchDb& operator=(const BenchDb&) = delete;
};

rb::store::SampleRecord realistic_record(std::int64_t run_id, bool full_response)
{
  rb::store::SampleRecord record;
  record.run_id = run_id;
  record.started_at = "2026-11-29T02:14:59.123Z";
  rb::Sample& s = record.sample;
  s.text = filler("So the total is 12 + 30 = 42, and the answer is \\boxed{42}. ", 400);
  s.reasoning = filler("Wait, let me reconsider: if x = 3 then y must be even, so we count pairs. ", 1600);
  s.finish_reason = "stop";
  s.usage = {180, 620, 480, 0, true};
  s.timings = {35.5, 912.25, 1480.75, 620};
  s.request_json = filler(R"({"model":"sim-r1","messages":[{"role":"user","content":"Solve: ..."}]})", 500);
  s.response_json = filler(R"({"id":"chatcmpl-1","object":"chat.completion","usage":{}})", 500);
  if (full_response) {
    s.response_json += s.reasoning + s.text;
  }
  s.model_reported = "sim-r1";
  s.cost_usd = 0.00137;
  return record;
}

/// Writes `batch` samples per transaction (and their verdicts when `graded`).
void ingest(benchmark::State& state, bool graded, bool full_response)
{
  const auto batch = state.range(0);
  BenchDb bench;
  auto record = realistic_record(bench.run_id, full_response);
  const rb::Verdict verdict{rb::VerdictKind::correct, "42", "numeric: equal"};
  std::int64_t next = 0;
  std::size_t bytes = 0;
  for (auto _ : state) {
    Store::Transaction tx(*bench.db);
    for (std::int64_t i = 0; i < batch; ++i, ++next) {
      // Unique keys: (model, problem) from next % 1500, the sample index from next / 1500.
      const auto problem = static_cast<int>(next % k_problems);
      record.key = {"model-" + std::to_string((next / k_problems) % k_models), "gen:arith",
                    "problem-" + std::to_string(problem), static_cast<int>(next / (k_problems * k_models))};
      record.problem_ref = bench.problem_refs[problem];
      const auto id = bench.db->insert_sample(record);
      if (graded) {
        bench.db->insert_verdict({id, "numeric", "1", verdict});
      }
    }
    tx.commit();
  }
  bytes = record.sample.text.size() + record.sample.reasoning.size() + record.sample.request_json.size() +
          record.sample.response_json.size();
  const auto samples = static_cast<double>(state.iterations() * batch);
  state.counters["samples_per_s"] = benchmark::Counter(samples, benchmark::Counter::kIsRate);
  state.counters["row_bytes"] = static_cast<double>(bytes);
  state.SetBytesProcessed(static_cast<std::int64_t>(samples * static_cast<double>(bytes)));
}

void BM_StoreIngest(benchmark::State& state)
{
  ingest(state, false, false);
}

void BM_StoreIngestGraded(benchmark::State& state)
{
  ingest(state, true, false);
}

void BM_StoreIngestFullResponse(benchmark::State& state)
{
  ingest(state, false, true);
}

}  // namespace

BENCHMARK(BM_StoreIngest)
    ->ArgName("batch")
    ->Arg(1)
    ->Arg(100)
    ->Arg(1000)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StoreIngestGraded)->ArgName("batch")->Arg(1000)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StoreIngestFullResponse)
    ->ArgName("batch")
    ->Arg(1000)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
