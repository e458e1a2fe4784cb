#pragma once
// Reasoning-behaviour figures of a summary row (docs/behaviour.md, "In reports"), aggregated from
// the store's per-sample analyses (table `behaviours`): for all analysed samples and split by
// correctness (do wrong answers think longer?), plus reasoning length by problem difficulty.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "harness/store/store.hpp"

namespace rb::reports {

/// The figures of one group of analysed samples. Rates are shares of `samples`; figures of the
/// reasoning text are over the samples whose reasoning was visible (hidden reasoning has none).
struct BehaviourGroup {
  std::int64_t samples = 0;           ///< analysed samples in the group
  std::int64_t visible = 0;           ///< of which with visible reasoning
  double format_ok_rate = 0;
  double truncation_rate = 0;         ///< finish_reason length, unclosed reasoning, no answer after it
  double mixing_rate = 0;             ///< language mixing in the reasoning or the answer
  std::optional<double> consistency;  ///< mean target-language share of the reasoning (visible only)
  std::optional<double> reflections_per_1k_tokens;  ///< markers / reasoning tokens x 1000 (visible only)
  std::optional<double> repeated_ngram_ratio;       ///< mean (visible only)
  double loop_rate = 0;
  double mean_reasoning_tokens = 0;   ///< reported, else estimated; hidden reasoning included
  std::int64_t overthinking_samples = 0;  ///< with a correct intermediate answer in the reasoning
  std::optional<double> overthinking_tokens;  ///< mean tokens after it, over those samples
};

/// Mean reasoning tokens of the analysed samples whose problems name one difficulty.
struct DifficultyLength {
  std::string difficulty;
  std::int64_t samples = 0;
  double mean_reasoning_tokens = 0;
  std::optional<double> mean_reasoning_tokens_correct;
  std::optional<double> mean_reasoning_tokens_incorrect;
};

struct BehaviourSummary {
  BehaviourGroup all;
  BehaviourGroup correct;
  BehaviourGroup incorrect;  ///< graded, not correct, not an error (incorrect, no answer, truncated, timeout)
  std::vector<DifficultyLength> by_difficulty;  ///< from metadata "difficulty" (or "level"); easy first
  bool any() const { return all.samples > 0; }
};

/// The behaviour summaries of a run, keyed by (model, suite); rows without analysed samples are
/// absent. Reads the behaviours table and the difficulty of each problem analysed.
std::vector<std::pair<std::pair<std::string, std::string>, BehaviourSummary>> summarize_behaviour(
    store::Store& store, std::int64_t run_id);

}  // namespace rb::reports
