#include "harness/cli/grade_rewards.hpp"

#include "verifiers/behaviour/analyzer.hpp"
#include "verifiers/behaviour/rewards.hpp"

namespace rb::cli {

namespace vb = verifiers::behaviour;

RewardLine::RewardLine(std::string_view list) : m_names(vb::parse_rewards(list)) {}

void RewardLine::add(nlohmann::json& line, const PromptTemplate& prompt, const Problem& problem,
                     const GradedText& text, const Verifier& verifier, const Verdict& verdict) const
{
  // The stored-sample form the analysis reads: the whole output as a chat message, the prompt
  // as the request that asked it.
  Sample sample;
  sample.text = text.answer;
  sample.reasoning = text.reasoning;
  sample.reasoning_unclosed = text.unclosed;
  sample.finish_reason = text.finish_reason;
  sample.response_json = nlohmann::json{{"choices", {{{"message", {{"content", text.response}}}}}}}.dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
  nlohmann::json messages = nlohmann::json::array();
  for (const Message& m : prompt.render(problem)) {
    messages.push_back({{"role", m.role}, {"content", m.content}});
  }
  sample.request_json =
      nlohmann::json{{"messages", messages}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  add(line, problem, sample, verifier, verdict);
}

void RewardLine::add(nlohmann::json& line, const Problem& problem, const Sample& sample, const Verifier& verifier,
                     const Verdict& verdict) const
{
  // No verifier for the analysis: rewards need no overthinking figure (it would re-run the verifier).
  const vb::BehaviourReport report = vb::analyze(sample, vb::options_for(problem, sample, &verifier), nullptr, nullptr);
  const auto values = vb::compute_rewards(m_names, verdict, report);
  nlohmann::json rewards = nlohmann::json::object();
  double sum = 0;
  for (const auto& name : m_names) {
    rewards[name] = values.at(name);
    sum += values.at(name);
  }
  line["rewards"] = std::move(rewards);
  line["reward"] = sum;
}

}  // namespace rb::cli
