#pragma once
// The OpenAI Chat Completions wire format (https://platform.openai.com/docs/api-reference/chat),
// spoken by OpenAI, DeepSeek, vLLM, SGLang, llama.cpp, Ollama, TGI and serve-sim: the request
// body, a non-streamed response, an error body, and the Dialect that ties them together.
#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

#include "adapters/wire.hpp"

namespace rb::adapters::openai {

inline constexpr std::size_t k_server_message_chars = 200;  ///< a server's error message, shortened

using adapters::TokenLimitField;
using BodyOptions = WireOptions;
using ChatResponse = WireResponse;

/// The request body: {"max_tokens" (or "max_completion_tokens"), "messages", "model", "n",
/// "reasoning_effort", "seed", "stream", "stream_options", "temperature", "top_p"} plus the
/// extra parameters; unset optionals omitted, keys sorted: deterministic.
std::string build_body(const Request& request, const WireOptions& options);

/// Parses a non-streamed chat.completion body. Error: a one-line reason (no body excerpt).
std::expected<WireResponse, std::string> parse_completion(std::string_view body,
                                                          const WireOptions& options = {});

/// The server's own message from an error body ({"error": {"message": ...}}, {"error": "..."},
/// {"message": ...}, {"detail": ...}), else the body's first line; shortened to `max_chars`.
std::string error_message(std::string_view body, std::size_t max_chars);

class ChatDialect : public Dialect {
 public:
  explicit ChatDialect(WireOptions options) : m_options(std::move(options)) {}
  std::string_view path() const override { return "/chat/completions"; }
  std::string body(const Request& request) const override { return build_body(request, m_options); }
  void add_headers(http::Headers& headers, const std::string& api_key) const override;
  std::unique_ptr<StreamDecoder> stream_decoder() const override;
  std::expected<WireResponse, std::string> parse(std::string_view body) const override
  {
    return parse_completion(body, m_options);
  }

 private:
  WireOptions m_options;
};

}  // namespace rb::adapters::openai
