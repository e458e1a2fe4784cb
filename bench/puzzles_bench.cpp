// Puzzle suites: generation rate (problems/s) of every generator and verification rate
// (verdicts/s) of every puzzle verifier, on the oracle answer and on a wrong one; loading and
// verification of the real-data suites when ../shared/data (or $REASONBENCH_DATA) is there.
// Figures: bench/RESULTS.md.
//   build-puzzles/bench/puzzles_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "suites/registry.hpp"
#include "verifiers/registry.hpp"

namespace {

const std::vector<std::string> k_generators{
    "gen:arith?difficulty=3",
    "gen:countdown?difficulty=3",
    "gen:countdown?difficulty=5",
    "gen:game24?difficulty=3",
    "gen:knights_and_knaves?difficulty=3",
    "gen:knights_and_knaves?people=8",
    "gen:sudoku?size=4&difficulty=3",
    "gen:sudoku?size=9&difficulty=3",
    "gen:sudoku?size=9&difficulty=5",
    "gen:zebra?difficulty=3",
    "gen:zebra?difficulty=5",
    "gen:shortest_path?difficulty=3",
    "gen:cryptarithm?difficulty=3",
    "gen:linear_system?difficulty=3",
};

/// Generates `batch` problems per iteration, a new seed each time.
void generate(benchmark::State& state, const std::string& spec, int batch)
{
  std::int64_t seed = 0;
  for (auto _ : state) {
    const auto suite =
        rb::suites::load_suite(spec + "&n=" + std::to_string(batch) + "&seed=" + std::to_string(seed++), {});
    benchmark::DoNotOptimize(suite.problems.data());
  }
  state.SetItemsProcessed(state.iterations() * batch);
  state.counters["problems/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * batch), benchmark::Counter::kIsRate);
}

/// Verifies the oracle answer (or a wrong answer) of each problem of `suite` in turn.
void verify(benchmark::State& state, const rb::Suite& suite, bool oracle)
{
  std::unique_ptr<rb::Verifier> verifier;
  try {
    verifier = rb::verifiers::make_verifier(suite.verifier);
  } catch (const std::exception& e) {  // e.g. no sandbox on this machine
    state.SkipWithError(e.what());
    return;
  }
  std::vector<std::string> texts;
  for (const auto& p : suite.problems) {
    texts.push_back(oracle ? "We check each case. So the final answer is " + p.reference
                           : "We check each case. So the final answer is <answer>42 and 17</answer>");
  }
  std::size_t i = 0;
  std::int64_t correct = 0;
  for (auto _ : state) {
    const auto& p = suite.problems[i % suite.problems.size()];
    const rb::Verdict v = verifier->verify(p, rb::Response{texts[i % texts.size()], "", "stop", false});
    correct += v.correct() ? 1 : 0;
    ++i;
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["verdicts/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["correct"] = static_cast<double>(correct) / static_cast<double>(state.iterations());
}

std::string shared_data()
{
  if (const char* env = std::getenv("REASONBENCH_DATA"); env != nullptr && *env != '\0') {
    return env;
  }
  const std::filesystem::path dir =
      std::filesystem::path(__FILE__).parent_path() / ".." / ".." / "shared" / "data";
  return std::filesystem::is_directory(dir) ? std::filesystem::canonical(dir).string() : std::string();
}

}  // namespace

int main(int argc, char** argv)
{
  for (const auto& spec : k_generators) {
    const bool slow = spec.find("sudoku?size=9") != std::string::npos ||
                      spec.find("zebra") != std::string::npos || spec.find("game24") != std::string::npos ||
                      spec.find("cryptarithm") != std::string::npos;
    benchmark::RegisterBenchmark(("generate/" + spec).c_str(), [spec, slow](benchmark::State& s) {
      generate(s, spec, slow ? 4 : 64);
    })->Unit(benchmark::kMillisecond);
  }
  for (const auto& spec : k_generators) {
    static std::vector<std::unique_ptr<rb::Suite>> suites;  // kept alive for the lambdas
    suites.push_back(std::make_unique<rb::Suite>(rb::suites::load_suite(spec + "&n=64&seed=1", {})));
    const rb::Suite* suite = suites.back().get();
    benchmark::RegisterBenchmark(("verify_oracle/" + spec).c_str(),
                                 [suite](benchmark::State& s) { verify(s, *suite, true); });
    benchmark::RegisterBenchmark(("verify_wrong/" + spec).c_str(),
                                 [suite](benchmark::State& s) { verify(s, *suite, false); });
  }
  const std::string data = shared_data();
  if (!data.empty()) {
    ::setenv("REASONBENCH_DATA", data.c_str(), 1);
    for (const std::string spec :
         {"countdown", "game24", "knights_and_knaves", "bbh", "bbh_extras", "cruxeval"}) {
      benchmark::RegisterBenchmark(("load/" + spec).c_str(), [spec](benchmark::State& s) {
        std::size_t n = 0;
        for (auto _ : s) {
          n = rb::suites::load_suite(spec, {}).problems.size();
        }
        s.SetItemsProcessed(s.iterations() * static_cast<std::int64_t>(n));
        s.counters["problems/s"] = benchmark::Counter(
            static_cast<double>(s.iterations() * static_cast<std::int64_t>(n)), benchmark::Counter::kIsRate);
      })->Unit(benchmark::kMillisecond);
      if (spec == "cruxeval") {
        continue;  // sandboxed runs: measured below on a few problems
      }
      static std::vector<std::unique_ptr<rb::Suite>> loaded;
      loaded.push_back(std::make_unique<rb::Suite>(rb::suites::load_suite(spec, {})));
      const rb::Suite* suite = loaded.back().get();
      benchmark::RegisterBenchmark(("verify_oracle/" + spec).c_str(),
                                   [suite](benchmark::State& s) { verify(s, *suite, true); });
    }
    static std::vector<std::unique_ptr<rb::Suite>> crux;
    for (const std::string spec : {"cruxeval?mode=output", "cruxeval?mode=input"}) {
      rb::suites::LoadOptions first;
      first.limit = 20;
      crux.push_back(std::make_unique<rb::Suite>(rb::suites::load_suite(spec, first)));
      const rb::Suite* suite = crux.back().get();
      benchmark::RegisterBenchmark(("verify_oracle/" + spec).c_str(),
                                   [suite](benchmark::State& s) { verify(s, *suite, true); })
          ->Unit(benchmark::kMillisecond)
          ->Iterations(40)
          ->UseRealTime();  // the work is in a child process
    }
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
