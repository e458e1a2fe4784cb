#include "adapters/openai/chat_sample.hpp"

#include <cmath>

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

namespace {

/// Fills text, reasoning and usage of `sample` from one choice's texts.
void fill(Sample& sample, const std::string& content, const std::string& reasoning_field_text,
          const std::optional<Usage>& usage, const SampleParts& parts)
{
  static const ReasoningTags k_default_tags;
  const ReasoningTags& tags = parts.tags != nullptr ? *parts.tags : k_default_tags;
  const ReasoningSplit split = tags.split(content);
  sample.text = split.answer;
  sample.reasoning = std::string(util::trim(reasoning_field_text));
  if (!split.reasoning.empty()) {
    sample.reasoning += sample.reasoning.empty() ? split.reasoning : "\n" + split.reasoning;
  }
  sample.reasoning_unclosed = split.unclosed;

  const std::size_t reasoning_chars = sample.reasoning.size();
  const std::size_t answer_chars = sample.text.size();
  if (usage) {
    sample.usage = *usage;
    if (sample.usage.reasoning_tokens == 0 && reasoning_chars > 0 && sample.usage.completion_tokens > 0) {
      // Visible reasoning, but the server counts only totals (vLLM, llama.cpp, Anthropic): split by length.
      const double share =
          static_cast<double>(reasoning_chars) / static_cast<double>(reasoning_chars + answer_chars);
      sample.usage.reasoning_tokens = static_cast<std::int64_t>(
          std::llround(share * static_cast<double>(sample.usage.completion_tokens)));
      sample.usage.method = "server; reasoning split by characters";
    }
  } else {
    sample.usage.prompt_tokens = estimate_tokens(parts.prompt_chars);
    sample.usage.reasoning_tokens = estimate_tokens(reasoning_chars);
    sample.usage.completion_tokens = sample.usage.reasoning_tokens + estimate_tokens(answer_chars);
    sample.usage.reported = false;
    sample.usage.method = "estimated: ceil(characters / 4)";
  }
}

/// One choice's share of a usage reported for all `n` choices together (the prompt is paid once).
std::optional<Usage> share(std::optional<Usage> usage, std::size_t n)
{
  if (usage && n > 1) {
    const auto d = static_cast<std::int64_t>(n);
    usage->prompt_tokens /= d;
    usage->cached_tokens /= d;
    usage->completion_tokens /= d;
    usage->reasoning_tokens /= d;
  }
  return usage;
}

void finish(Sample& sample, SampleParts& parts)
{
  sample.timings = parts.timings;
  sample.request_json = std::move(parts.request_json);
  sample.response_json = std::move(parts.response_json);
  sample.retries = parts.retries;
  sample.cost_usd = cost_usd(sample.usage, parts.prices);
}

}  // namespace

Sample to_sample(const WireResponse& response, SampleParts parts)
{
  Sample sample;
  fill(sample, response.content, response.reasoning, share(response.usage, 1 + response.more_choices.size()),
       parts);
  sample.finish_reason = response.finish_reason;
  sample.model_reported = response.model;
  finish(sample, parts);
  return sample;
}

Sample to_sample(const WireChoice& choice, const WireResponse& response, SampleParts parts)
{
  Sample sample;
  fill(sample, choice.content, choice.reasoning, share(response.usage, 1 + response.more_choices.size()), parts);
  sample.finish_reason = choice.finish_reason;
  sample.model_reported = response.model;
  finish(sample, parts);
  return sample;
}

}  // namespace rb::adapters::openai
