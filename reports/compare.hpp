#pragma once
// Comparing two runs for a regression gate (`reasonbench compare`, docs/ci-gate.md): per suite,
// on the problems both runs answered, the difference in accuracy with a paired interval, a
// paired test (McNemar's exact test for one sample per problem, else the paired problem-level
// bootstrap), the problems that flipped each way, and whether the suite regressed.
#include <cstdint>
#include <string>
#include <vector>

#include "harness/stats/mcnemar.hpp"
#include "harness/stats/paired.hpp"
#include "harness/store/store.hpp"

namespace rb::reports {

inline constexpr double k_default_max_drop = 0.0;  ///< any significant drop fails the gate
inline constexpr double k_default_alpha = 0.05;
inline constexpr std::size_t k_flips_listed = 50;  ///< per direction and suite in the Markdown

struct CompareOptions {
  double max_drop = k_default_max_drop;  ///< a fraction: 0.02 = 2 accuracy points
  double alpha = k_default_alpha;
  int resamples = stats::k_paired_resamples;
};

/// A problem whose majority of samples went from correct to not (or back).
struct FlippedProblem {
  std::string problem_id;
  double base = 0;       ///< share of correct samples in the base run
  double candidate = 0;  ///< in the candidate run
};

struct SuiteComparison {
  std::string suite;
  std::string base_model;
  std::string candidate_model;
  bool simulated = false;
  std::int64_t shared = 0;           ///< problems both runs answered (same content)
  std::int64_t base_only = 0;        ///< answered by the base run only
  std::int64_t candidate_only = 0;   ///< answered by the candidate run only
  std::int64_t content_changed = 0;  ///< same id, different content: not compared
  std::int64_t candidate_cached = 0; ///< candidate samples of shared problems served from the response cache
  double base_accuracy = 0;          ///< avg@n over the shared problems
  double candidate_accuracy = 0;
  bool single_sample = false;          ///< one graded sample per problem in both runs
  stats::McNemarResult mcnemar;        ///< set when single_sample
  stats::PairedEstimate paired;        ///< difference (candidate - base) with its interval
  double p_value = 1;                  ///< of the test used (McNemar when single_sample)
  std::vector<FlippedProblem> worse;   ///< base >= 1/2 correct, candidate < 1/2
  std::vector<FlippedProblem> better;  ///< base < 1/2, candidate >= 1/2
  bool regression = false;             ///< drop > max_drop and p < alpha
};

struct Comparison {
  std::string base_run;
  std::string candidate_run;
  CompareOptions options;
  std::vector<SuiteComparison> suites;  ///< suites both runs answered, in the base run's order
  std::vector<std::string> unmatched;   ///< "suite 'x' (model m) only in the base run" and the like
  bool regression() const;
};

/// Compares `candidate` with `base`. Throws ConfigError (exit 2) for an unknown run name, for
/// runs that hold several models with none in common, and for runs that share no problems; each
/// message is one line naming the runs.
Comparison compare_runs(store::Store& store, const std::string& base, const std::string& candidate,
                        const CompareOptions& options);

/// The Markdown block for a CI log or a pull-request comment.
std::string compare_markdown(const Comparison& comparison);

}  // namespace rb::reports
