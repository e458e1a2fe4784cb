#pragma once
// Turns a WireResponse into a Sample: reasoning separated from the answer (reasoning field or
// thinking blocks, and the model's reasoning tags), usage as reported or estimated, cost at the
// configured prices. Shared by every dialect.
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
  const ReasoningTags* tags = nullptr;  ///< nullptr: the default pairs
};

/// The Sample for `response`. Usage: the server's when reported (reasoning_tokens derived from the
/// text lengths when the server counts only totals), else estimated with reported = false.
Sample to_sample(const WireResponse& response, SampleParts parts);

/// The Sample for one more choice of a response asked with n > 1: the same request, response
/// and timings; usage split evenly between the choices when reported for all of them.
Sample to_sample(const WireChoice& choice, const WireResponse& response, SampleParts parts);

}  // namespace rb::adapters::openai
