#pragma once
// Overthinking ("Do NOT think that much for 2+3=?", Chen et al. 2024): how much reasoning comes
// after the first correct intermediate answer. Intermediate answers are the explicit ones in
// the reasoning — each \boxed{...} and each "answer is ..." phrase — checked one by one with the
// suite's own verifier; the words after the first correct one, scaled to tokens, are the
// overthinking tokens.
#include <cstdint>
#include <optional>
#include <string_view>

#include "harness/core/verifier.hpp"

namespace rb::verifiers::behaviour {

inline constexpr int k_max_intermediate_answers = 64;  ///< bounded work per sample

struct Overthinking {
  int intermediate_answers = 0;                 ///< explicit answers found in the reasoning
  std::optional<int> first_correct;             ///< 1-based index of the first correct one
  std::optional<double> tokens_after_first_correct;
};

/// `reasoning_tokens`: the sample's reasoning token count (reported or estimated), used to scale
/// the share of words after the first correct answer into tokens.
Overthinking measure_overthinking(std::string_view reasoning, std::int64_t reasoning_tokens,
                                  const Verifier& verifier, const Problem& problem);

}  // namespace rb::verifiers::behaviour
