#pragma once
// Dialect: one wire format spoken over HTTP. HttpAdapter (http_adapter.hpp) owns attempts,
// retries, rate limits and secrets; a Dialect only builds request bodies and reads responses,
// whole or streamed. Implementations: openai::ChatDialect (Chat Completions, and every server
// that speaks it), openai::CompletionsDialect (legacy Completions: raw prompts for base models),
// anthropic::MessagesDialect (Anthropic Messages). No JSON types here: they stay in the .cpp files.
#include <cstdint>
#include <expected>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/http/http_types.hpp"
#include "adapters/reasoning_tags.hpp"
#include "harness/core/sample.hpp"

namespace rb::adapters {

enum class Api { chat, completions, messages };

/// "chat", "completions", "messages".
std::string_view to_string(Api api);
std::optional<Api> parse_api(std::string_view name);

/// Which body key carries the output budget: "max_tokens" (most servers) or
/// "max_completion_tokens" (OpenAI's o-series require it; the OpenAI API accepts it for all).
enum class TokenLimitField { max_tokens, max_completion_tokens };

/// The reasoning fields most OpenAI-compatible servers use, in the order they are tried.
inline const std::vector<std::string>& default_reasoning_fields()
{
  static const std::vector<std::string> fields = {"reasoning_content", "reasoning"};
  return fields;
}

/// What shapes a request body and how a response is read.
struct WireOptions {
  Api api = Api::chat;
  std::string model;
  bool stream = true;
  bool stream_usage = true;  ///< chat and completions streams: ask for usage (stream_options)
  SamplingParams defaults;   ///< used where the Request leaves a parameter unset
  TokenLimitField token_limit_field = TokenLimitField::max_tokens;
  std::string reasoning_effort;                 ///< chat: "reasoning_effort"; "" not sent
  std::optional<std::int64_t> thinking_budget;  ///< messages: thinking.budget_tokens
  std::string extra_params_json;  ///< a JSON object merged into the body; keys already set win
  int n = 1;                      ///< chat and completions: choices per request (n > 1 sent)
  std::vector<std::string> reasoning_fields = default_reasoning_fields();
  std::shared_ptr<const ReasoningTags> tags = std::make_shared<ReasoningTags>();
};

/// One further choice of a response asked with n > 1.
struct WireChoice {
  std::string content;
  std::string reasoning;
  std::string finish_reason;
};

/// One assistant turn as the server sent it, streamed or not, in any dialect.
struct WireResponse {
  std::string id;
  std::string model;  ///< as the server reported it
  std::int64_t created = 0;
  std::string system_fingerprint;
  std::string content;          ///< the answer text (reasoning tags may still be in it)
  std::string reasoning;        ///< from a reasoning field or thinking blocks
  std::string reasoning_field;  ///< which field name the server used; "" when none
  std::string finish_reason;    ///< normalised: "stop", "length", or as the server said
  std::optional<Usage> usage;   ///< when the server reported usage (reported = true)
  std::string timings_json;     ///< llama.cpp's `timings` object as sent; "" when absent
  std::vector<WireChoice> more_choices;  ///< choices 1.. when n > 1
};

/// Accumulates one streamed response from its SSE events, timing tokens as they arrive.
class StreamDecoder {
 public:
  virtual ~StreamDecoder() = default;
  /// One event: its `event:` name (often empty) and data, `elapsed_ms` after the attempt started.
  /// Error: a one-line reason (malformed chunk, an error object sent mid-stream).
  virtual std::expected<void, std::string> feed(std::string_view event, std::string_view data,
                                                double elapsed_ms) = 0;
  /// True once the stream ended properly (finish reason, [DONE], message_stop).
  virtual bool complete() const = 0;
  virtual std::int64_t chunks() const = 0;
  virtual double ttft_ms() const = 0;          ///< first token of any kind; -1: none yet
  virtual double first_answer_ms() const = 0;  ///< first answer token; -1: none yet
  virtual const WireResponse& response() const = 0;
  /// The stream as one whole-response object of the dialect, with "stream": true and "chunks".
  virtual std::string reassembled_json() const = 0;
};

class Dialect {
 public:
  virtual ~Dialect() = default;
  /// Appended to the base URL: "/chat/completions", "/completions", "/messages".
  virtual std::string_view path() const = 0;
  /// The request body: deterministic (keys sorted), no secrets.
  virtual std::string body(const Request& request) const = 0;
  /// Authentication and version headers for `api_key` (nothing when it is empty).
  virtual void add_headers(http::Headers& headers, const std::string& api_key) const = 0;
  virtual std::unique_ptr<StreamDecoder> stream_decoder() const = 0;
  /// A whole (non-streamed) response body. Error: a one-line reason (no body excerpt).
  virtual std::expected<WireResponse, std::string> parse(std::string_view body) const = 0;
};

/// The dialect for `options.api`.
std::unique_ptr<Dialect> make_dialect(WireOptions options);

}  // namespace rb::adapters
