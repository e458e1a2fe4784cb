#pragma once
// Turns a ChatResponse into a Sample: reasoning separated from the answer (reasoning field and
// <think>-style tags), usage as reported or estimated, cost at the configured prices.
#include <cstdint>
#include <string>
#include <vector>

#include "adapters/openai/chat_wire.hpp"
#include "harness/core/pricing.hpp"
#include "harness/core/sample.hpp"

namespace rb::adapters::openai {

inline constexpr double k_chars_per_token = 4.0;  ///< for estimates when the server reports no usage

/// Tokens in `chars` characters of text, rounded up (the chars/4 rule of thumb).
std::int64_t estimate_tokens(std::size_t chars);

/// Prompt characters of `messages` (contents only), for usage estimates.
std::size_t prompt_chars(const std::vector<Message>& messages);

struct SampleParts {
  std::string request_json;   ///< the body sent
  std::string response_json;  ///< the body received, or the reassembled stream
  Timings timings;
  int retries = 0;
  std::size_t prompt_chars = 0;
  Prices prices;
};

/// The Sample for `response`. Usage: the server's when reported (reasoning_tokens derived from the
/// text lengths when the server counts only totals), else estimated with reported = false.
Sample to_sample(const ChatResponse& response, SampleParts parts);

}  // namespace rb::adapters::openai
