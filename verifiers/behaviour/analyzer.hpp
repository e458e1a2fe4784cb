#pragma once
// RuleBehaviourAnalyzer: the BehaviourAnalyzer of harness/core/behaviour.hpp, built from the
// checks of this folder. What a sample is checked against comes from the prompt it was asked
// (the request body stored with it), so the run loop, `grade --db` and `grade --in` agree:
// the answer form the prompt asks for and the language it is written in.
#include <string>
#include <string_view>

#include "harness/core/behaviour.hpp"
#include "verifiers/behaviour/behaviour.hpp"

namespace rb::verifiers::behaviour {

inline constexpr std::string_view k_analyzer_version = "1";

/// The prompt's text from a stored request body of any dialect: every string under a
/// "content", "text", "prompt" or "system" key, joined by newlines; "" when not JSON.
std::string prompt_text(std::string_view request_json);

/// What the prompt asks for: "boxed" (it mentions \boxed), "answer_tag" (<answer>), "code" (a
/// fenced block, or a code verifier), else "" (any non-empty answer).
std::string answer_form_for(std::string_view prompt, std::string_view verifier_name);

/// The language of the prompt: the one of "en", "zh", "ko" whose script has the most words
/// (Latin, Han, Hangul); "en" when there are none.
std::string language_of(std::string_view prompt);

/// Options for one sample: from its stored request, else from the problem text.
BehaviourOptions options_for(const Problem& problem, const Sample& sample, const Verifier* verifier);

/// The columns and JSON of a report (what the store keeps).
Behaviour to_behaviour(const BehaviourReport& report);

class RuleBehaviourAnalyzer final : public BehaviourAnalyzer {
 public:
  std::string_view version() const override { return k_analyzer_version; }
  Behaviour analyze(const Problem& problem, const Sample& sample, const Verifier* verifier) const override;
};

}  // namespace rb::verifiers::behaviour
