#pragma once
// The Anthropic Messages wire format (POST /v1/messages, https://docs.anthropic.com/en/api/messages):
// system prompt apart from the messages, max_tokens always sent, extended thinking with
// thinking.budget_tokens, content blocks (thinking, redacted_thinking, text) in the answer, and
// named SSE events (message_start, content_block_delta with thinking_delta / text_delta,
// message_delta, message_stop, ping, error) in a stream. Authentication: x-api-key.
#include <cstdint>
#include <expected>
#include <memory>
#include <string>
#include <string_view>

#include "adapters/wire.hpp"

namespace rb::adapters::anthropic {

inline constexpr std::string_view k_api_version = "2023-06-01";  ///< anthropic-version header
/// max_tokens when neither the request nor the model sets a budget (the API requires one).
inline constexpr std::int64_t k_default_max_tokens = 8192;
/// Room for the answer on top of the thinking budget when no max_tokens is set.
inline constexpr std::int64_t k_answer_room_tokens = 4096;

/// {"max_tokens", "messages", "model", "stream", "system", "temperature", "thinking", "top_p"}
/// plus the extra parameters; keys sorted. System messages go to "system"; no seed (the API has none).
std::string build_body(const Request& request, const WireOptions& options);

/// A whole message body: thinking blocks are reasoning, text blocks the answer; stop_reason
/// normalised (end_turn -> stop, max_tokens -> length); usage with cache reads as cached tokens.
std::expected<WireResponse, std::string> parse_message(std::string_view body);

class MessagesDialect : public Dialect {
 public:
  explicit MessagesDialect(WireOptions options) : m_options(std::move(options)) {}
  std::string_view path() const override { return "/messages"; }
  std::string body(const Request& request) const override { return build_body(request, m_options); }
  void add_headers(http::Headers& headers, const std::string& api_key) const override;
  std::unique_ptr<StreamDecoder> stream_decoder() const override;
  std::expected<WireResponse, std::string> parse(std::string_view body) const override
  {
    return parse_message(body);
  }

 private:
  WireOptions m_options;
};

}  // namespace rb::adapters::anthropic
