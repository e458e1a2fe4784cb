// Request parsing for the legacy Completions and Anthropic Messages APIs.
#include "adapters/sim/wire_json.hpp"

namespace rb::sim::detail {

namespace {

/// Minimum thinking budget the Messages API accepts.
constexpr std::int64_t k_min_thinking_budget = 1024;

std::expected<Json, WireError> parse_object(std::string_view body)
{
  Json json;
  try {
    json = Json::parse(body);
  } catch (const Json::parse_error& error) {
    return std::unexpected(bad_request(fmt::format("request body is not valid JSON (byte {})", error.byte)));
  }
  if (!json.is_object()) {
    return std::unexpected(bad_request("request body must be a JSON object"));
  }
  if (!json.contains("model") || !json["model"].is_string()) {
    return std::unexpected(bad_request("field 'model' missing or not a string"));
  }
  return json;
}

}  // namespace

std::expected<ChatRequest, WireError> parse_completions_request(std::string_view body)
{
  auto json = parse_object(body);
  if (!json) {
    return std::unexpected(json.error());
  }
  ChatRequest request;
  request.api = SimApi::completions;
  request.model = (*json)["model"].get<std::string>();
  const Json& prompt = json->contains("prompt") ? (*json)["prompt"] : Json();
  std::string text;
  if (prompt.is_string()) {
    text = prompt.get<std::string>();
  } else if (prompt.is_array() && prompt.size() == 1 && prompt[0].is_string()) {
    text = prompt[0].get<std::string>();
  } else {
    return std::unexpected(bad_request("field 'prompt' must be a string (or an array of one string)"));
  }
  request.messages.emplace_back("user", std::move(text));
  if (auto problem = read_common(*json, request)) {
    return std::unexpected(*problem);
  }
  return request;
}

std::expected<ChatRequest, WireError> parse_messages_request(std::string_view body)
{
  auto parsed = parse_object(body);
  if (!parsed) {
    return std::unexpected(parsed.error());
  }
  const Json& json = *parsed;
  ChatRequest request;
  request.api = SimApi::messages;
  request.model = json["model"].get<std::string>();
  if (json.contains("system")) {
    auto system = content_text(json["system"], "system");
    if (!system) {
      return std::unexpected(system.error());
    }
    request.messages.emplace_back("system", std::move(*system));
  }
  const Json& messages = json.contains("messages") ? json["messages"] : Json();
  if (!messages.is_array() || messages.empty()) {
    return std::unexpected(bad_request("messages: field required (a non-empty array)"));
  }
  for (std::size_t i = 0; i < messages.size(); ++i) {
    const Json& message = messages[i];
    const std::string role = message.is_object() && message.contains("role") && message["role"].is_string()
                                 ? message["role"].get<std::string>()
                                 : "";
    if (role != "user" && role != "assistant") {
      return std::unexpected(bad_request(fmt::format("messages.{}.role: must be 'user' or 'assistant'", i)));
    }
    auto text = content_text(message.contains("content") ? message["content"] : Json(), fmt::format("messages.{}", i));
    if (!text) {
      return std::unexpected(text.error());
    }
    request.messages.emplace_back(role, std::move(*text));
  }
  auto max_tokens = optional_integer(json, "max_tokens", 1);
  if (!max_tokens) {
    return std::unexpected(max_tokens.error());
  }
  if (!*max_tokens) {
    return std::unexpected(bad_request("max_tokens: field required"));
  }
  request.max_tokens = *max_tokens;
  for (const char* field : {"temperature", "top_p", "top_k"}) {
    if (json.contains(field) && !json[field].is_null() && !json[field].is_number()) {
      return std::unexpected(bad_request(fmt::format("{}: must be a number", field)));
    }
  }
  if (json.contains("stream") && !json["stream"].is_null()) {
    if (!json["stream"].is_boolean()) {
      return std::unexpected(bad_request("stream: must be a boolean"));
    }
    request.stream = json["stream"].get<bool>();
  }
  if (json.contains("thinking") && !json["thinking"].is_null()) {
    const Json& thinking = json["thinking"];
    const std::string type = thinking.is_object() && thinking.contains("type") && thinking["type"].is_string()
                                 ? thinking["type"].get<std::string>()
                                 : "";
    if (type == "enabled") {
      auto budget = optional_integer(thinking, "budget_tokens", k_min_thinking_budget);
      if (!budget || !*budget) {
        return std::unexpected(bad_request(fmt::format(
            "thinking.budget_tokens: required, at least {}, with thinking enabled", k_min_thinking_budget)));
      }
      if (**budget >= *request.max_tokens) {
        return std::unexpected(bad_request("`max_tokens` must be greater than `thinking.budget_tokens`"));
      }
      request.thinking = true;
    } else if (type != "disabled") {
      return std::unexpected(bad_request("thinking.type: must be 'enabled' or 'disabled'"));
    }
  }
  return request;
}

}  // namespace rb::sim::detail
