#include "verifiers/behaviour/analyzer.hpp"

#include <nlohmann/json.hpp>

namespace rb::verifiers::behaviour {

namespace {

constexpr std::size_t k_max_prompt_bytes = 1 << 20;  // bounded work on a huge stored request

void collect_strings(const nlohmann::json& node, bool wanted, std::string& out)
{
  if (out.size() >= k_max_prompt_bytes) {
    return;
  }
  if (node.is_string()) {
    if (wanted) {
      out += node.get_ref<const std::string&>();
      out += '\n';
    }
  } else if (node.is_array()) {
    for (const auto& element : node) {
      collect_strings(element, wanted, out);
    }
  } else if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      // Only strings under these keys: {"type": "text", "text": ...} parts give their text alone.
      const bool text_key = key == "content" || key == "text" || key == "prompt" || key == "system";
      collect_strings(value, text_key, out);
    }
  }
}

}  // namespace

std::string prompt_text(std::string_view request_json)
{
  std::string out;
  const auto json = nlohmann::json::parse(request_json, nullptr, false);
  if (!json.is_discarded()) {
    collect_strings(json, false, out);
  }
  return out;
}

std::string answer_form_for(std::string_view prompt, std::string_view verifier_name)
{
  if (prompt.find("\\boxed") != std::string_view::npos) {
    return "boxed";
  }
  if (prompt.find("<answer>") != std::string_view::npos) {
    return "answer_tag";
  }
  if (prompt.find("```") != std::string_view::npos || verifier_name.starts_with("code")) {
    return "code";
  }
  return "";
}

std::string language_of(std::string_view prompt)
{
  const LanguageShares shares = language_shares(prompt, "en");
  if (shares.han > shares.latin && shares.han >= shares.hangul) {
    return "zh";
  }
  if (shares.hangul > shares.latin) {
    return "ko";
  }
  return "en";
}

BehaviourOptions options_for(const Problem& problem, const Sample& sample, const Verifier* verifier)
{
  std::string prompt = prompt_text(sample.request_json);
  if (prompt.empty()) {
    prompt = problem.text;
  }
  BehaviourOptions options;
  options.target_language = language_of(prompt);
  options.answer_form = answer_form_for(prompt, verifier != nullptr ? verifier->name() : std::string_view());
  return options;
}

Behaviour to_behaviour(const BehaviourReport& r)
{
  Behaviour b;
  b.format_ok = r.format.format_ok();
  b.truncated = r.truncated();
  b.mixed = r.mixed;
  b.consistency = r.consistency;
  b.reasoning_visible = r.reasoning_visible;
  b.reflections = static_cast<std::int64_t>(r.reflections.total);
  b.reasoning_tokens = r.reasoning_tokens;
  b.repeated_ngram_ratio = r.repetition.repeated_ngram_ratio;
  b.loop = r.repetition.loop;
  b.tokens_after_first_correct = r.overthinking.tokens_after_first_correct;
  b.json = to_json(r);
  return b;
}

Behaviour RuleBehaviourAnalyzer::analyze(const Problem& problem, const Sample& sample, const Verifier* verifier) const
{
  try {
    return to_behaviour(behaviour::analyze(sample, options_for(problem, sample, verifier), verifier, &problem));
  } catch (const std::exception& e) {
    // Out of memory on a pathological text, say: the sample keeps its verdict, the analysis says why.
    Behaviour failed;
    failed.json = nlohmann::json{{"error", e.what()}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return failed;
  }
}

}  // namespace rb::verifiers::behaviour
