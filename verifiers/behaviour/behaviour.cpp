#include "verifiers/behaviour/behaviour.hpp"

#include <nlohmann/json.hpp>

namespace rb::verifiers::behaviour {

namespace {
constexpr double k_tokens_per_word = 1.3;  // estimate when the server reported no reasoning tokens

std::int64_t estimate_tokens(std::string_view text)
{
  std::int64_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
    words += !space && !in_word ? 1 : 0;
    in_word = !space;
  }
  return static_cast<std::int64_t>(static_cast<double>(words) * k_tokens_per_word);
}
}  // namespace

std::string model_content(const Sample& sample)
{
  try {
    const auto json = nlohmann::json::parse(sample.response_json);
    const auto& message = json.at("choices").at(0).at("message");
    if (message.contains("content") && message["content"].is_string()) {
      return message["content"].get<std::string>();
    }
  } catch (const std::exception&) {
    // not a chat.completion: fall through
  }
  return sample.text;
}

BehaviourReport analyze(const Sample& sample, const BehaviourOptions& options, const Verifier* verifier,
                        const Problem* problem)
{
  BehaviourReport r;
  r.options = options;
  const std::string content = model_content(sample);
  const bool inline_reasoning = content.find("</think>") != std::string::npos || content.find("<think>") != std::string::npos;
  r.format = check_format(content, inline_reasoning ? std::string_view() : std::string_view(sample.reasoning),
                          sample.text, sample.finish_reason, options.answer_form);
  r.unclosed_reasoning = sample.reasoning_unclosed;
  r.answer_missing = !sample.reasoning.empty() && sample.text.find_first_not_of(" \t\r\n") == std::string::npos;
  r.reasoning_visible = sample.reasoning.find_first_not_of(" \t\r\n") != std::string::npos;
  r.reasoning_language = language_shares(sample.reasoning, options.target_language);
  r.answer_language = language_shares(sample.text, options.target_language);
  r.consistency = r.reasoning_language.target_share();
  r.mixed = is_mixed(r.reasoning_language) || is_mixed(r.answer_language);
  r.reflections = count_reflections(sample.reasoning);
  r.reasoning_tokens = sample.usage.reasoning_tokens > 0 ? sample.usage.reasoning_tokens : estimate_tokens(sample.reasoning);
  r.reflections_per_1k_tokens =
      r.reasoning_tokens > 0 ? 1000.0 * static_cast<double>(r.reflections.total) / static_cast<double>(r.reasoning_tokens) : 0.0;
  r.repetition = measure_repetition(sample.reasoning.empty() ? sample.text : sample.reasoning);
  if (verifier != nullptr && problem != nullptr) {
    try {
      r.overthinking = measure_overthinking(sample.reasoning, r.reasoning_tokens, *verifier, *problem);
    } catch (const std::exception&) {
      r.overthinking = {};  // a verifier that throws breaks its contract: no overthinking figure
    }
  }
  return r;
}

std::string to_json(const BehaviourReport& r)
{
  nlohmann::json j{
      {"target_language", r.options.target_language},
      {"answer_form", r.options.answer_form},
      {"format_ok", r.format.format_ok()},
      {"reasoning_blocks", r.format.reasoning_blocks},
      {"reasoning_in_field", r.format.reasoning_in_field},
      {"reasoning_closed", r.format.reasoning_closed},
      {"answer_format_ok", r.format.answer_format_ok},
      {"truncated_length", r.format.truncated_length},
      {"unclosed_reasoning", r.unclosed_reasoning},
      {"answer_missing", r.answer_missing},
      {"truncated", r.truncated()},
      {"reasoning_visible", r.reasoning_visible},
      {"consistency", r.consistency},
      {"answer_target_share", r.answer_language.target_share()},
      {"mixed", r.mixed},
      {"reasoning_words", r.reasoning_language.words},
      {"reflections", r.reflections.total},
      {"reflections_per_1k_tokens", r.reflections_per_1k_tokens},
      {"repeated_ngram_ratio", r.repetition.repeated_ngram_ratio},
      {"loop", r.repetition.loop},
      {"reasoning_tokens", r.reasoning_tokens},
      {"intermediate_answers", r.overthinking.intermediate_answers},
  };
  j["tokens_after_first_correct"] = r.overthinking.tokens_after_first_correct
                                        ? nlohmann::json(*r.overthinking.tokens_after_first_correct)
                                        : nlohmann::json(nullptr);
  return j.dump();
}

}  // namespace rb::verifiers::behaviour
