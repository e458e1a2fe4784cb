#pragma once
// Private to adapters/sim (includes nlohmann/json): JSON helpers the wire files share.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <expected>
#include <optional>
#include <string>

#include "adapters/sim/wire.hpp"

namespace rb::sim::detail {

using Json = nlohmann::ordered_json;

/// Serialises `json`; invalid UTF-8 (from a client's text) is replaced, never thrown.
inline std::string dump(const Json& json)
{
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

inline WireError bad_request(std::string message)
{
  return WireError{400, "invalid_request_error", "invalid_request", std::move(message)};
}

/// A message's content: a string, null, or an array of {"type": "text", "text": ...} parts.
std::expected<std::string, WireError> content_text(const Json& content, std::string_view where);

/// body[field] as an integer >= min, if present and not null.
std::expected<std::optional<std::int64_t>, WireError> optional_integer(const Json& body, const char* field,
                                                                       std::int64_t min);

/// Checks temperature and top_p are numbers and reads stream, stream_options.include_usage,
/// max_tokens / max_completion_tokens (the smaller) and seed into `request`.
std::optional<WireError> read_common(const Json& body, ChatRequest& request);

/// "length" when the budget cut the completion, else "stop".
inline const char* finish_reason(const Completion& completion)
{
  return completion.truncated ? "length" : "stop";
}

}  // namespace rb::sim::detail
