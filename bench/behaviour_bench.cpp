// The behaviour stage's cost per sample (issue 10): RuleBehaviourAnalyzer::analyze on serve-sim
// responses of the three built-in models (R1-like: 1,500 reasoning tokens in <think> tags, with
// reflections, mixing and an early answer; distill-7b-like: a loop to a 6,000-token budget;
// o1-like: hidden reasoning), next to grade() alone, the work each sample already had.
// Figures: bench/RESULTS.md.
//   build/bench/behaviour_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <nlohmann/json.hpp>

#include "adapters/sim/generation.hpp"
#include "harness/core/reasoning.hpp"
#include "suites/registry.hpp"
#include "verifiers/behaviour/analyzer.hpp"
#include "verifiers/registry.hpp"

namespace {

struct Case {
  rb::Problem problem;
  rb::Sample sample;
};

/// 64 samples of `model_index` (default scenario) answering gen:arith problems.
std::vector<Case> cases(std::size_t model_index, std::optional<std::int64_t> budget)
{
  const rb::sim::SimModel model = rb::sim::default_scenario().models.at(model_index);
  const rb::Suite suite = rb::suites::load_suite("gen:arith?n=64&seed=1&difficulty=3", {});
  std::vector<Case> out;
  std::uint64_t key = 1;
  for (const auto& problem : suite.problems) {
    const auto completion = rb::sim::detail::generate(model, {key++, problem.reference, budget});
    const auto text = rb::sim::detail::render(model, completion);
    const auto split = rb::split_reasoning(text.content);
    rb::Sample s;
    s.text = split.answer;
    s.reasoning = text.reasoning_content.empty() ? split.reasoning : text.reasoning_content;
    s.reasoning_unclosed = split.unclosed;
    s.finish_reason = completion.truncated ? "length" : "stop";
    s.usage.reasoning_tokens = completion.reasoning_tokens;
    s.response_json = nlohmann::json{{"choices", {{{"message", {{"content", text.content}}}}}}}.dump();
    s.request_json =
        nlohmann::json{{"messages", {{{"role", "user"}, {"content", suite.prompt.render(problem).back().content}}}}}
            .dump();
    out.push_back({problem, std::move(s)});
  }
  return out;
}

void analyze(benchmark::State& state, std::size_t model_index, std::optional<std::int64_t> budget, bool behaviour)
{
  const auto all = cases(model_index, budget);
  const auto verifier = rb::verifiers::make_verifier("numeric");
  const rb::verifiers::behaviour::RuleBehaviourAnalyzer analyzer;
  std::size_t i = 0;
  for (auto _ : state) {
    const Case& c = all[i++ % all.size()];
    const rb::Sample& s = c.sample;
    auto verdict = rb::grade(*verifier, c.problem, rb::Response{s.text, s.reasoning, s.finish_reason, s.reasoning_unclosed});
    benchmark::DoNotOptimize(verdict);
    if (behaviour) {
      auto b = analyzer.analyze(c.problem, s, verifier.get());
      benchmark::DoNotOptimize(b);
    }
  }
  state.counters["samples/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

/// One part of the analysis on the R1-like samples (where the time goes).
void part(benchmark::State& state, int which)
{
  namespace vb = rb::verifiers::behaviour;
  const auto all = cases(0, std::nullopt);
  const auto verifier = rb::verifiers::make_verifier("numeric");
  std::size_t i = 0;
  for (auto _ : state) {
    const Case& c = all[i++ % all.size()];
    const rb::Sample& s = c.sample;
    switch (which) {
      case 0: benchmark::DoNotOptimize(vb::model_content(s)); break;
      case 1: benchmark::DoNotOptimize(vb::language_shares(s.reasoning, "en")); break;
      case 2: benchmark::DoNotOptimize(vb::count_reflections(s.reasoning)); break;
      case 3: benchmark::DoNotOptimize(vb::measure_repetition(s.reasoning)); break;
      case 4: benchmark::DoNotOptimize(vb::measure_overthinking(s.reasoning, 1500, *verifier, c.problem)); break;
      default: benchmark::DoNotOptimize(vb::options_for(c.problem, s, verifier.get())); break;
    }
  }
}

}  // namespace

BENCHMARK_CAPTURE(part, r1_like_model_content, 0);
BENCHMARK_CAPTURE(part, r1_like_language, 1);
BENCHMARK_CAPTURE(part, r1_like_reflections, 2);
BENCHMARK_CAPTURE(part, r1_like_repetition, 3);
BENCHMARK_CAPTURE(part, r1_like_overthinking, 4);
BENCHMARK_CAPTURE(part, r1_like_prompt_options, 5);
BENCHMARK_CAPTURE(analyze, r1_like_grade_only, 0, std::nullopt, false);
BENCHMARK_CAPTURE(analyze, r1_like_grade_and_behaviour, 0, std::nullopt, true);
BENCHMARK_CAPTURE(analyze, distill_loop_budget_6000_grade_only, 1, 6000, false);
BENCHMARK_CAPTURE(analyze, distill_loop_budget_6000_grade_and_behaviour, 1, 6000, true);
BENCHMARK_CAPTURE(analyze, o1_like_hidden_grade_only, 2, std::nullopt, false);
BENCHMARK_CAPTURE(analyze, o1_like_hidden_grade_and_behaviour, 2, std::nullopt, true);

BENCHMARK_MAIN();
