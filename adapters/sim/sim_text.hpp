#pragma once
// Private to adapters/sim: the words serve-sim writes. Reasoning filler from a small vocabulary
// with occasional reflection phrases, answer sentences, and wrong variants of a reference answer.
// Words never contain digits, so the only numbers in a response come from the answer.
#include <string>
#include <string_view>
#include <vector>

#include "harness/util/rng.hpp"

namespace rb::sim::detail {

/// The reference answer when no oracle was sent.
inline constexpr std::string_view k_no_oracle_answer = "\\boxed{0}";

/// Exactly `count` filler tokens (words or punctuation-attached words) for the reasoning, with a
/// reflection phrase ("Wait, let me check.", "Hmm,", "Alternatively,") starting at about one
/// word in `reflection_one_in` (0: none).
std::vector<std::string> reasoning_words(std::int64_t count, util::SplitMix64& rng, int reflection_one_in = 40);

/// A closing sentence of about `count` words ending with "So the final answer is" and `reference`
/// split at whitespace (the whitespace kept with the following word, so joining restores it).
/// It has at least as many words as the closing phrase and the reference need.
std::vector<std::string> answer_words(std::string_view reference, std::int64_t count, util::SplitMix64& rng);

/// Exactly `count` words saying no answer was reached: no digits and no \boxed.
std::vector<std::string> no_answer_words(std::int64_t count, util::SplitMix64& rng);

/// `reference` with its last integer changed by a nonzero delta; without digits, a different text
/// answer (inside the last \boxed{} when there is one). Never equal to `reference`.
std::string wrong_answer(std::string_view reference, util::SplitMix64& rng);

}  // namespace rb::sim::detail
