#include "adapters/openai/chat_sample.hpp"

#include <cmath>

#include "harness/core/reasoning.hpp"
#include "harness/util/strings.hpp"

namespace rb::adapters::openai {

std::int64_t estimate_tokens(std::size_t chars)
{
  return static_cast<std::int64_t>(std::ceil(static_cast<double>(chars) / k_chars_per_token));
}

std::size_t prompt_chars(const std::vector<Message>& messages)
{
  std::size_t n = 0;
  for (const Message& message : messages) {
    n += message.content.size();
  }
  return n;
}

Sample to_sample(const ChatResponse& response, SampleParts parts)
{
  Sample sample;
  const ReasoningSplit split = split_reasoning(response.content);
  sample.text = split.answer;
  sample.reasoning = std::string(util::trim(response.reasoning));
  if (!split.reasoning.empty()) {
    sample.reasoning += sample.reasoning.empty() ? split.reasoning : "\n" + split.reasoning;
  }
  sample.reasoning_unclosed = split.unclosed;
  sample.finish_reason = response.finish_reason;
  sample.model_reported = response.model;

  const std::size_t reasoning_chars = sample.reasoning.size();
  const std::size_t answer_chars = sample.text.size();
  if (response.usage) {
    sample.usage = *response.usage;
    if (sample.usage.reasoning_tokens == 0 && reasoning_chars > 0 && sample.usage.completion_tokens > 0) {
      // Visible reasoning, but the server counts only totals (vLLM, llama.cpp): split by length.
      const double share =
          static_cast<double>(reasoning_chars) / static_cast<double>(reasoning_chars + answer_chars);
      sample.usage.reasoning_tokens = static_cast<std::int64_t>(
          std::llround(share * static_cast<double>(sample.usage.completion_tokens)));
    }
  } else {
    sample.usage.prompt_tokens = estimate_tokens(parts.prompt_chars);
    sample.usage.reasoning_tokens = estimate_tokens(reasoning_chars);
    sample.usage.completion_tokens = sample.usage.reasoning_tokens + estimate_tokens(answer_chars);
    sample.usage.reported = false;
  }
  sample.timings = parts.timings;
  sample.request_json = std::move(parts.request_json);
  sample.response_json = std::move(parts.response_json);
  sample.retries = parts.retries;
  sample.cost_usd = cost_usd(sample.usage, parts.prices);
  return sample;
}

}  // namespace rb::adapters::openai
