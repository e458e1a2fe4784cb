#pragma once
// Summaries of runs, computed from the store alone: one row per (run, model, suite) with
// accuracy and its interval, pass@k and maj@k, verdict counts, tokens, cost, latency and the
// distributions the charts draw, plus a bounded selection of samples for the HTML browser.
// Every report format is rendered from these rows (docs/reports.md defines each figure).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "harness/stats/accuracy.hpp"
#include "harness/stats/bootstrap.hpp"
#include "harness/stats/majority.hpp"
#include "harness/store/store.hpp"
#include "reports/meter_figures.hpp"
#include "reports/behaviour_summary.hpp"

namespace rb::reports {

/// How reports settle maj@k ties (declared in every format): the expected score of a uniformly
/// random choice among the tied answers.
inline constexpr stats::TieRule k_report_tie_rule = stats::TieRule::fractional;
/// Samples the HTML browser shows at most over all rows (the rest stay in the database).
inline constexpr std::size_t k_default_browser_samples = 1000;
/// Points of each latency CDF (quantiles 0, 1/100, ..., 1).
inline constexpr int k_latency_cdf_points = 101;

/// A figure at one k: pass@k or maj@k, with what k samples per problem cost.
struct KPoint {
  int k = 1;
  stats::MeanEstimate estimate;     ///< mean over problems with its 95% interval
  double tokens_per_problem = 0;    ///< k x mean output tokens per generated sample
  double cost_per_problem_usd = 0;  ///< k x mean cost per generated sample
};

/// One best-of-k selector's figures at each k.
struct SelectorCurve {
  std::string selector;  ///< reward | confidence | shortest | longest | oracle
  std::vector<KPoint> points;
};

/// Count, mean and quartiles of a length in tokens.
struct LengthStats {
  std::int64_t count = 0;
  double mean = 0;
  double p25 = 0;
  double p50 = 0;
  double p75 = 0;
};

/// Accuracy (avg@n) of the problems whose metadata names one difficulty.
struct DifficultyBucket {
  std::string difficulty;
  stats::MeanEstimate accuracy;
};

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
  double cost_usd = 0;              ///< of every stored sample, cached ones included
  double cost_per_correct_usd = 0;  ///< 0 when nothing is correct
  double e2e_p50_ms = 0;
  double e2e_p99_ms = 0;
  double ttft_p50_ms = -1;  ///< -1: not streamed

  int samples_per_problem = 0;          ///< fewest graded samples of any problem: the largest k scored
  std::vector<KPoint> pass_at_k;        ///< k = 1, 2, 4, ... and samples_per_problem (never beyond)
  std::vector<KPoint> maj_at_k;         ///< same ks; empty when no sample carried a vote
  /// Best-of-k selection at the same ks (disjoint blocks of k samples, as maj@k): one curve per
  /// selector: "reward" (highest reward-model score; only with scores), "confidence" (the answer
  /// most samples of the block agree on: verifier-free self-consistency, ties to the shorter),
  /// "shortest" and "longest" (output tokens, among samples with an answer), and "oracle" (any
  /// correct sample: pass@k by enumeration, an upper bound). docs/strategies.md.
  std::vector<SelectorCurve> best_of_k;
  std::vector<KPoint> pass_hat_k;  ///< pass^k: all of k samples correct (unbiased, without replacement); same ks
  std::vector<KPoint> weighted_maj_at_k;  ///< maj@k with votes weighted by the reward score; empty without scores
  std::string scorer;                     ///< the scorer whose scores these use; "" when none
  std::int64_t scored = 0;                ///< samples with a score from `scorer`
  double mean_answer_tokens = 0;        ///< output minus reasoning tokens per generated sample
  double truncation_rate = 0;           ///< truncated / graded samples
  double no_answer_rate = 0;            ///< no_answer / graded samples
  double mean_cost_per_sample_usd = 0;  ///< over generated samples
  double throughput_tokens_per_s = -1;  ///< output tokens/s over the row's window; -1 unknown
  std::optional<double> energy_joules;  ///< nothing: not measured (no meter stored energy)
  MeterFigures meters;                  ///< latency, throughput, energy detail (docs/meters.md)
  std::vector<DifficultyBucket> by_difficulty;  ///< from metadata "difficulty" (or "level")
  bool length_is_reasoning = true;     ///< false: no reasoning tokens reported, lengths are output tokens
  LengthStats length_correct;          ///< of correct samples
  LengthStats length_incorrect;        ///< of incorrect, no_answer and truncated samples
  std::vector<double> latency_cdf_ms;  ///< k_latency_cdf_points quantiles of e2e; empty when none
  BehaviourSummary behaviour;          ///< reasoning behaviour (behaviour_summary.hpp); empty when none analysed
};

/// One sample for the HTML browser, with the texts a person reads.
struct BrowserSample {
  std::int64_t sample_id = 0;
  store::ItemKey key;
  std::string verdict;  ///< a VerdictKind name, or "ungraded"
  std::string problem_text;
  std::string gold;
  std::string reasoning;
  std::string answer;
  std::optional<std::string> extracted;
  std::string detail;  ///< the verdict's reason, or the generation's error
  std::string finish_reason;
  std::int64_t output_tokens = 0;
  double e2e_ms = 0;
};

struct RunSummary {
  store::RunRecord run;
  std::vector<SummaryRow> rows;        ///< ordered by model, then suite, as first seen
  std::vector<BrowserSample> browser;  ///< a bounded selection, grouped by row, in id order
  std::int64_t stored_samples = 0;     ///< every sample of the run (the browser shows a part)
  MeterFigures meters;                 ///< the meters' figures over every row of the run
  RunWindows windows;                  ///< the run's windows: wall time, concurrency, energy measured
};

struct SummaryOptions {
  std::size_t browser_samples = k_default_browser_samples;  ///< over all runs; 0: none
};

/// Summaries of the named runs, in the order given (all runs when `run_names` is empty).
/// Throws ConfigError naming the database for an unknown run name (with a suggestion).
std::vector<RunSummary> summarize(store::Store& store, std::span<const std::string> run_names,
                                  const SummaryOptions& options = {});

}  // namespace rb::reports
