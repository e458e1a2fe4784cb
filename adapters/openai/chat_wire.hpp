#pragma once
// The OpenAI Chat Completions wire format (https://platform.openai.com/docs/api-reference/chat):
// the request body, a non-streamed response and an error body. JSON stays in the .cpp files.
#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include "harness/core/sample.hpp"

namespace rb::adapters::openai {

inline constexpr std::size_t k_server_message_chars = 200;  ///< a server's error message, shortened

/// Which body key carries the output budget: "max_tokens" (most servers) or
/// "max_completion_tokens" (OpenAI's o-series require it; the OpenAI API accepts it for all).
enum class TokenLimitField { max_tokens, max_completion_tokens };

struct BodyOptions {
  std::string model;
  bool stream = true;
  SamplingParams defaults;  ///< used where the Request leaves a parameter unset
  TokenLimitField token_limit_field = TokenLimitField::max_tokens;
};

/// The request body: {"max_tokens", "messages", "model", "seed", "stream", "stream_options",
/// "temperature", "top_p"}, unset optionals omitted, keys sorted: deterministic.
std::string build_body(const Request& request, const BodyOptions& options);

/// One assistant turn as the server sent it, streamed or not.
struct ChatResponse {
  std::string id;
  std::string model;  ///< as the server reported it
  std::int64_t created = 0;
  std::string system_fingerprint;
  std::string content;
  std::string reasoning;        ///< from reasoning_content or reasoning
  std::string reasoning_field;  ///< which of the two names the server used; "" when none
  std::string finish_reason;
  std::optional<Usage> usage;  ///< when the server reported usage (reported = true)
};

/// Parses a non-streamed chat.completion body. Error: a one-line reason (no body excerpt).
std::expected<ChatResponse, std::string> parse_completion(std::string_view body);

/// The server's own message from an error body ({"error": {"message": ...}}, {"error": "..."},
/// {"message": ...}, {"detail": ...}), else the body's first line; shortened to `max_chars`.
std::string error_message(std::string_view body, std::size_t max_chars);

}  // namespace rb::adapters::openai
