#pragma once
// Private to adapters/sim: the reasoning behaviours a simulated model shows besides its outcome
// (docs/serve-sim.md, "Behaviours"), so that reports can tell models apart by what
// verifiers/behaviour/ measures: language mixing, loops that run to the token budget, and an
// answer stated early in the reasoning (overthinking). Each is drawn per request from the
// model's rates with its own seed, so the outcome and lengths stay what they were.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/sim/scenario.hpp"
#include "harness/util/rng.hpp"

namespace rb::sim::detail {

struct BehaviourDraw {
  bool mixes_language = false;
  bool loops = false;
  bool answers_early = false;
  util::SplitMix64 rng{0};  ///< for where and what (after the three draws above)
};

/// The behaviours of request `key` (three uniform draws, always made, from their own stream).
BehaviourDraw draw_behaviours(const SimModel& model, std::uint64_t key);

/// Replaces a stretch of about 15% of `words` (at least 8) with Chinese filler.
void mix_language(std::vector<std::string>& words, util::SplitMix64& rng);

/// Replaces words between 20% and 60% of the way with "so the answer is ANSWER." (`answer`:
/// the final answer's text, \boxed{} removed). Too short a reasoning is left alone.
void state_answer_early(std::vector<std::string>& words, std::string_view answer, util::SplitMix64& rng);

/// The words up to 30-60% of `words`, then one phrase of 6 to 10 words repeated until there are
/// `total` words (cut mid-phrase): a model stuck until its budget.
std::vector<std::string> loop_until(const std::vector<std::string>& words, std::int64_t total, util::SplitMix64& rng);

/// The text of an answer without its \boxed{...} wrapper (the last one's content), trimmed.
std::string unboxed(std::string_view answer);

}  // namespace rb::sim::detail
