#pragma once
// Summaries of runs, computed from the store alone: one row per (run, model, suite) with
// accuracy and its interval, verdict counts, tokens, cost and latency. Every report format is
// rendered from these rows.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "harness/stats/accuracy.hpp"
#include "harness/store/store.hpp"

namespace rb::reports {

struct SummaryRow {
  std::string model;
  std::string suite;
  bool simulated = false;  ///< served by serve-sim (the label says SIMULATED)
  std::int64_t problems = 0;
  std::int64_t samples = 0;  ///< stored samples, failed generations included
  std::int64_t correct = 0;
  std::int64_t incorrect = 0;
  std::int64_t no_answer = 0;
  std::int64_t truncated = 0;
  std::int64_t timeout = 0;
  std::int64_t errors = 0;    ///< failed generations and error verdicts
  std::int64_t ungraded = 0;  ///< samples without a verdict yet
  std::int64_t from_cache = 0;
  std::int64_t tokens_estimated = 0;  ///< samples whose token counts were not reported
  stats::AccuracyEstimate accuracy;   ///< avg@n over problems; errors count as not correct
  double mean_output_tokens = 0;
  double mean_reasoning_tokens = 0;
  double cost_usd = 0;                ///< of every stored sample, cached ones included
  double cost_per_correct_usd = 0;    ///< 0 when nothing is correct
  double e2e_p50_ms = 0;
  double e2e_p99_ms = 0;
  double ttft_p50_ms = -1;            ///< -1: not streamed
};

struct RunSummary {
  store::RunRecord run;
  std::vector<SummaryRow> rows;  ///< ordered by model, then suite, as first seen
};

/// Summaries of the named runs, in the order given (all runs when `run_names` is empty).
/// Throws ConfigError naming the database for an unknown run name (with a suggestion).
std::vector<RunSummary> summarize(store::Store& store, std::span<const std::string> run_names);

}  // namespace rb::reports
