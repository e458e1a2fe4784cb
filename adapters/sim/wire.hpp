#pragma once
// Private to adapters/sim: the OpenAI chat-completions wire format as serve-sim speaks it
// (docs/serve-sim.md): parsing a request body, building response bodies and stream events.
// Bodies are strings so that callers need no JSON header.
#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "adapters/sim/dialect.hpp"
#include "adapters/sim/generation.hpp"
#include "adapters/sim/scenario.hpp"

namespace rb::sim::detail {

inline constexpr std::string_view k_fingerprint = "serve-sim";
inline constexpr std::string_view k_owned_by = "serve-sim (SIMULATED)";
inline constexpr std::string_view k_done_event = "data: [DONE]\n\n";
inline constexpr std::string_view k_malformed_event = "data: {not json\n\n";
inline constexpr std::string_view k_malformed_message_event = "event: content_block_delta\ndata: {not json\n\n";
/// `created` of every response: a fixed time, so equal requests get byte-identical bodies.
inline constexpr std::int64_t k_created = 1735689600;  // 2025-01-01T00:00:00Z

/// A request of any API, as far as serve-sim reads it.
struct ChatRequest {
  SimApi api = SimApi::chat;
  std::string model;
  std::vector<std::pair<std::string, std::string>> messages;  ///< (role, text content)
  bool stream = false;
  bool include_usage = false;              ///< stream_options.include_usage
  std::optional<std::int64_t> max_tokens;  ///< max_completion_tokens or max_tokens (the smaller)
  std::optional<std::int64_t> seed;
  bool thinking = false;  ///< messages: thinking enabled (the reasoning is shown in thinking blocks)
};

/// An error response: HTTP status and the OpenAI error object's fields.
struct WireError {
  int status = 400;
  std::string type = "invalid_request_error";
  std::string code;
  std::string message;
};

/// Parses and checks a request body; the error names the field at fault.
std::expected<ChatRequest, WireError> parse_chat_request(std::string_view body);
/// A legacy completions body: the prompt becomes one user message (so it answers as chat would).
std::expected<ChatRequest, WireError> parse_completions_request(std::string_view body);
/// An Anthropic messages body: max_tokens required, system first, thinking checked as the API does.
std::expected<ChatRequest, WireError> parse_messages_request(std::string_view body);

/// The determinism key: a function of (scenario seed, model, canonical messages, seed param).
std::uint64_t request_key(std::uint64_t scenario_seed, const ChatRequest& request);

/// ceil(characters of all message contents / 4), characters counted as UTF-8 code points.
std::int64_t prompt_tokens(const ChatRequest& request);

/// What every body of one response shares.
struct ResponseMeta {
  std::string id;  ///< "chatcmpl-sim-<key>", "cmpl-sim-<key>", "msg_sim_<key>"
  std::string model;
  std::int64_t prompt_tokens = 0;
  const Flavor* flavor = &openai_flavor();
  double ttft_ms = 0;       ///< for llama.cpp's timings
  double tokens_per_s = 0;  ///< for llama.cpp's timings
};

/// The API's error object: OpenAI's {"error": {...}} or Anthropic's {"type": "error", ...}.
std::string error_body(const WireError& error, SimApi api = SimApi::chat);
std::string models_body(const Scenario& scenario);

// Chat Completions (chat_bodies.cpp). `model` is the rendering model: its reasoning style says
// where the reasoning goes; the flavor says the field name and what usage holds.
/// A whole chat.completion object.
std::string completion_body(const ResponseMeta& meta, const SimModel& model, const Completion& completion);
/// One "data: {chunk}\n\n" event carrying `piece`; `first` adds the role, `last` the
/// finish_reason (and, with `usage`, the usage of flavors that send it there).
std::string chunk_event(const ResponseMeta& meta, const Completion& completion, const Piece& piece,
                        bool first, bool last, bool usage = false);
/// The final "choices": [] event with the usage object (stream_options.include_usage).
std::string usage_event(const ResponseMeta& meta, const Completion& completion);

// Legacy Completions (chat_bodies.cpp): the text is the content with reasoning in <think> tags.
std::string text_completion_body(const ResponseMeta& meta, const SimModel& model, const Completion& completion);
std::string text_chunk_event(const ResponseMeta& meta, const Completion& completion, const Piece& piece,
                             bool last, bool usage);
std::string text_usage_event(const ResponseMeta& meta, const Completion& completion);

// Anthropic Messages (message_bodies.cpp).
std::string message_body(const ResponseMeta& meta, const Completion& completion, bool thinking);
/// One SSE event of a message stream and the tokens generated when it is due.
struct TimedEvent {
  std::string text;
  std::int64_t tokens_through = 0;
};
/// message_start, ping, one block per channel (thinking when enabled, then text) with their
/// deltas `chunk_tokens` tokens at a time, message_delta, message_stop. `first_delta` receives
/// the index of the first delta event.
std::vector<TimedEvent> message_events(const ResponseMeta& meta, const Completion& completion, bool thinking,
                                       int chunk_tokens, std::size_t& first_delta);

}  // namespace rb::sim::detail
