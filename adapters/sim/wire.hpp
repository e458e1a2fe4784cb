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

#include "adapters/sim/generation.hpp"
#include "adapters/sim/scenario.hpp"

namespace rb::sim::detail {

inline constexpr std::string_view k_fingerprint = "serve-sim";
inline constexpr std::string_view k_owned_by = "serve-sim (SIMULATED)";
inline constexpr std::string_view k_done_event = "data: [DONE]\n\n";
inline constexpr std::string_view k_malformed_event = "data: {not json\n\n";
/// `created` of every response: a fixed time, so equal requests get byte-identical bodies.
inline constexpr std::int64_t k_created = 1735689600;  // 2025-01-01T00:00:00Z

struct ChatRequest {
  std::string model;
  std::vector<std::pair<std::string, std::string>> messages;  ///< (role, text content)
  bool stream = false;
  bool include_usage = false;              ///< stream_options.include_usage
  std::optional<std::int64_t> max_tokens;  ///< max_completion_tokens or max_tokens (the smaller)
  std::optional<std::int64_t> seed;
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

/// The determinism key: a function of (scenario seed, model, canonical messages, seed param).
std::uint64_t request_key(std::uint64_t scenario_seed, const ChatRequest& request);

/// ceil(characters of all message contents / 4), characters counted as UTF-8 code points.
std::int64_t prompt_tokens(const ChatRequest& request);

/// What every body of one response shares.
struct ResponseMeta {
  std::string id;  ///< "chatcmpl-sim-<key in hex>"
  std::string model;
  std::int64_t prompt_tokens = 0;
};

std::string error_body(const WireError& error);
std::string models_body(const Scenario& scenario);
/// A whole chat.completion object.
std::string completion_body(const ResponseMeta& meta, const SimModel& model, const Completion& completion);
/// One "data: {chunk}\n\n" event carrying `piece`; `first` adds the role, `last` the finish_reason.
std::string chunk_event(const ResponseMeta& meta, const Completion& completion, const Piece& piece,
                        bool first, bool last);
/// The final "choices": [] event with the usage object (stream_options.include_usage).
std::string usage_event(const ResponseMeta& meta, const Completion& completion);

}  // namespace rb::sim::detail
