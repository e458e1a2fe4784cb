// Google Benchmark for the "math" verifier: one verdict per item over a realistic mix of bare
// answers and long responses, on one thread. Reports the mean per verdict (time per iteration)
// and, from three timed passes over the whole mix, p50 / p99 / max / mean per verdict in thread
// CPU time as counters (run it with --benchmark_counters_tabular=true, pinned: taskset -c 0).
//
// The mix: MATH-500 solutions graded against their answers and GSM8K solutions ("#### n")
// when ../shared/data is present (REASONBENCH_DATA or ../shared/data next to the source tree),
// bare answers of every kind the verifier reads, and synthetic 1-4 KB responses ending in a box
// or an answer phrase. BM_MathVerdictAbsurd times inputs built to be slow (nested braces, towers
// of exponents, huge powers): the worst case. BM_MathVerdictMixThreads runs the mix on 1 and 2
// threads sharing one verifier.
#include <benchmark/benchmark.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "harness/core/verifier.hpp"
#include "verifiers/math/math_verifier.hpp"

namespace {

using rb::Problem;
using rb::Response;

struct Item {
  Problem problem;
  std::string response;
};

const std::vector<std::pair<std::string, std::string>>& bare_pairs()
{
  static const std::vector<std::pair<std::string, std::string>> k_pairs{
      {"42", "42"},
      {"42", "41"},
      {"1,000", "1000"},
      {"\\frac{3}{4}", "0.75"},
      {"\\frac{3}{4}", "\\dfrac{3}{4}"},
      {"-\\frac{2}{3}", "\\frac{2}{-3}"},
      {"2\\sqrt{3}", "\\sqrt{12}"},
      {"\\frac{\\sqrt{2}}{2}", "\\frac{1}{\\sqrt{2}}"},
      {"4\\pi", "4 \\pi"},
      {"\\frac{\\pi}{3}", "60^\\circ"},
      {"10\\%", "0.1"},
      {"5 \\text{ cm}", "5"},
      {"(3, \\frac{\\pi}{2})", "\\left( 3, \\frac{\\pi}{2} \\right)"},
      {"[2, 5)", "[2,5)"},
      {"(-\\infty, -3] \\cup [2, \\infty)", "x \\le -3 \\text{ or } x \\ge 2"},
      {"\\{1, 2, 3\\}", "3, 2, 1"},
      {"1 \\pm \\sqrt{19}", "1+\\sqrt{19}, 1-\\sqrt{19}"},
      {"x^2+5x+6", "(x+2)(x+3)"},
      {"\\sin 2x", "2\\sin x \\cos x"},
      {"y = 2x + 3", "2x - y + 3 = 0"},
      {"\\begin{pmatrix} 1 \\\\ -2 \\end{pmatrix}", "\\begin{pmatrix} 1 \\\\ -2 \\end{pmatrix}"},
      {"\\text{Evelyn}", "Evelyn"},
      {"\\text{(C)}", "C"},
      {"204_5", "204_{5}"},
      {"3+4i", "4i+3"},
      {"\\frac{1}{2004!}", "\\frac{1}{2006!}"},
      {"1.6 \\times 10^{-19}", "1.6e-19"},
      {"\\ln 8", "3\\ln 2"},
      {"6", "3!"},
      {"\\frac{14}{3}", "4.6667"},
  };
  return k_pairs;
}

/// Deterministic filler prose with inline math, `bytes` long, then the final answer.
std::string long_response(const std::string& answer, std::size_t bytes, std::size_t seed, bool boxed)
{
  static const char* k_words[] = {"we",   "have",  "so",  "that", "the",    "value", "of",    "is",   "then",
                                  "note", "since", "and", "each", "square", "term",  "gives", "sum",  "hence"};
  std::string out = "<think>\n";
  std::size_t k = seed;
  while (out.size() < bytes) {
    k = k * 6364136223846793005ULL + 1442695040888963407ULL;
    const std::size_t w = (k >> 33) % 18;
    out += k_words[w];
    out += ' ';
    if (w == 7) {
      out += "$" + std::to_string((k >> 40) % 97) + " + \\frac{" + std::to_string((k >> 20) % 13 + 1) + "}{" +
             std::to_string((k >> 10) % 7 + 2) + "} = x_" + std::to_string(w) + "$ ";
    }
    if (w == 3 && out.size() > bytes / 2 && out.find("</think>") == std::string::npos) {
      out += "\n</think>\n";
    }
  }
  if (out.find("</think>") == std::string::npos) {
    out += "\n</think>\n";
  }
  return boxed ? out + "\n\nTherefore the answer is $\\boxed{" + answer + "}$."
               : out + "\nFinal Answer: The final answer is $" + answer + "$. I hope it is correct.";
}

std::string data_dir()
{
  if (const char* env = std::getenv("REASONBENCH_DATA"); env != nullptr && std::filesystem::is_directory(env)) {
    return env;
  }
  for (const char* candidate : {"../shared/data", "../../shared/data", "/work/shared/data"}) {
    if (std::filesystem::is_directory(candidate)) {
      return candidate;
    }
  }
  return {};
}

std::vector<Item> mix()
{
  std::vector<Item> items;
  std::size_t n = 0;
  auto add = [&](const std::string& gold, const std::string& response) {
    Item item;
    item.problem.id = std::to_string(n++);
    item.problem.answer = gold;
    item.response = response;
    items.push_back(std::move(item));
  };
  for (const auto& [gold, pred] : bare_pairs()) {
    add(gold, pred);
    add(gold, long_response(pred, 1024 + 97 * n, n, true));
    add(gold, long_response(pred, 4096, n, false));
  }
  if (const std::string dir = data_dir(); !dir.empty()) {
    std::ifstream math500(dir + "/math500/test.jsonl");
    std::string line;
    while (std::getline(math500, line)) {
      const auto j = nlohmann::json::parse(line);
      add(j.at("answer").get<std::string>(), j.at("solution").get<std::string>());
    }
    std::ifstream gsm8k(dir + "/gsm8k/test.jsonl");
    for (int i = 0; i < 200 && std::getline(gsm8k, line); ++i) {
      const auto j = nlohmann::json::parse(line);
      const std::string solution = j.at("answer").get<std::string>();
      add(solution.substr(solution.rfind("####") + 4), solution);
    }
  }
  return items;
}

const std::vector<Item>& items()
{
  static const std::vector<Item> k_items = mix();
  return k_items;
}

std::vector<Item> absurd()
{
  std::vector<Item> out;
  const std::string braces = std::string(50'000, '{') + "1" + std::string(50'000, '}');
  const std::vector<std::pair<std::string, std::string>> cases{
      {"1", "\\boxed" + braces},
      {"1", "The answer is " + braces},
      {"10^{10^{10}}", "\\boxed{10^10^10}"},
      {"10^{10^{10}}", "\\boxed{10^{10^{10^{10}}}}"},
      {"1", "\\boxed{(1+\\sqrt{2}+\\sqrt{3}+\\sqrt{5}+\\sqrt{7})^{99999}}"},
      {"1", "\\boxed{5000!}"},
      {"1", std::string(200'000, '9')},
      {"1", "\\boxed{" + std::string(3'900, '(') + "}"},
      {"\\frac{\\sqrt{\\sqrt{11}+\\sqrt{194}}}{15+2\\sqrt{33}}", "\\boxed{\\sin(10^{30}) + e^{e^{e^{3}}}}"},
  };
  for (const auto& [gold, response] : cases) {
    Item item;
    item.problem.id = "absurd";
    item.problem.answer = gold;
    item.response = response;
    out.push_back(std::move(item));
  }
  return out;
}

rb::Verdict verdict(const rb::Verifier& verifier, const Item& item)
{
  return rb::grade(verifier, item.problem, Response{item.response, "", "stop", false});
}

/// CPU time of this thread in microseconds: on a shared machine, wall time per verdict also
/// counts the time other processes hold the core.
double thread_cpu_us()
{
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

/// Times every item three times and sets p50/p99/max/mean counters (thread CPU microseconds
/// per verdict).
void percentiles(benchmark::State& state, const std::vector<Item>& list, const rb::Verifier& verifier)
{
  std::vector<double> us;
  us.reserve(list.size() * 3);
  for (int round = 0; round < 3; ++round) {
    for (const auto& item : list) {
      const double start = thread_cpu_us();
      benchmark::DoNotOptimize(verdict(verifier, item));
      us.push_back(thread_cpu_us() - start);
    }
  }
  std::sort(us.begin(), us.end());
  double sum = 0;
  for (const double u : us) {
    sum += u;
  }
  state.counters["items"] = static_cast<double>(list.size());
  state.counters["mean_us"] = sum / static_cast<double>(us.size());
  state.counters["p50_us"] = us[us.size() / 2];
  state.counters["p99_us"] = us[std::min(us.size() - 1, us.size() * 99 / 100)];
  state.counters["max_us"] = us.back();
}

void run(benchmark::State& state, const std::vector<Item>& list)
{
  const rb::verifiers::MathVerifier verifier;
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(verdict(verifier, list[i]));
    i = (i + 1) % list.size();
  }
  percentiles(state, list, verifier);  // after the timed loop: not part of the mean
}

void BM_MathVerdictMix(benchmark::State& state) { run(state, items()); }

void BM_MathVerdictBare(benchmark::State& state)
{
  static const std::vector<Item> k_bare = [] {
    std::vector<Item> out;
    for (const auto& item : items()) {
      if (item.response.size() < 200) {
        out.push_back(item);
      }
    }
    return out;
  }();
  run(state, k_bare);
}

void BM_MathVerdictLong(benchmark::State& state)
{
  static const std::vector<Item> k_long = [] {
    std::vector<Item> out;
    for (const auto& item : items()) {
      if (item.response.size() >= 200) {
        out.push_back(item);
      }
    }
    return out;
  }();
  run(state, k_long);
}

void BM_MathVerdictAbsurd(benchmark::State& state)
{
  static const std::vector<Item> k_absurd = absurd();
  run(state, k_absurd);
}

/// The mix on 1 and 2 threads sharing one verifier: thread-safe with no signals or global state,
/// so verdicts per second should scale with free cores (this machine has two, shared).
void BM_MathVerdictMixThreads(benchmark::State& state)
{
  static const rb::verifiers::MathVerifier k_verifier;
  const auto& list = items();
  std::size_t i = static_cast<std::size_t>(state.thread_index()) * 97;
  for (auto _ : state) {
    benchmark::DoNotOptimize(verdict(k_verifier, list[i % list.size()]));
    ++i;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

}  // namespace

BENCHMARK(BM_MathVerdictMix)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_MathVerdictBare)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_MathVerdictLong)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_MathVerdictAbsurd)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_MathVerdictMixThreads)->Threads(1)->Threads(2)->UseRealTime()->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
