#pragma once
// Reasoning-behaviour analytics of one sample (issue 10): format, truncation, language
// consistency, reflection markers, degenerate repetition and overthinking, computed from the
// stored sample alone and kept as JSON next to its verdict, so reports can compare models and
// RL trainers can use the same checks as rewards (rewards.hpp).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "harness/core/sample.hpp"
#include "harness/core/verifier.hpp"
#include "verifiers/behaviour/format_check.hpp"
#include "verifiers/behaviour/language.hpp"
#include "verifiers/behaviour/overthinking.hpp"
#include "verifiers/behaviour/reflection.hpp"
#include "verifiers/behaviour/repetition.hpp"

namespace rb::verifiers::behaviour {

struct BehaviourOptions {
  std::string target_language = "en";  ///< "en", "zh" or "ko"
  std::string answer_form = "boxed";   ///< see check_format
};

struct BehaviourReport {
  BehaviourOptions options;            ///< the target language and answer form used
  FormatCheck format;
  bool unclosed_reasoning = false;
  bool answer_missing = false;         ///< reasoning present but nothing after it
  bool reasoning_visible = false;      ///< some reasoning text came back (hidden reasoning: false)
  LanguageShares reasoning_language;
  LanguageShares answer_language;
  double consistency = 1.0;            ///< the R1 reward: target-language share of the reasoning
  bool mixed = false;
  ReflectionCount reflections;
  double reflections_per_1k_tokens = 0;
  Repetition repetition;
  Overthinking overthinking;
  std::int64_t reasoning_tokens = 0;   ///< as reported, else estimated (words x 1.3)
  /// Cut off: finish_reason "length", reasoning never closed, or no answer after the reasoning.
  bool truncated() const { return format.truncated_length || unclosed_reasoning || answer_missing; }
};

/// The model's whole text output with its reasoning tags, recovered from the stored response
/// (the reassembled chat.completion); the answer part when it cannot be recovered.
std::string model_content(const Sample& sample);

/// `verifier`/`problem` may be null: overthinking is then not measured.
BehaviourReport analyze(const Sample& sample, const BehaviourOptions& options, const Verifier* verifier,
                        const Problem* problem);

/// A flat JSON object of the report (documented in docs/behaviour.md).
std::string to_json(const BehaviourReport& report);

}  // namespace rb::verifiers::behaviour
