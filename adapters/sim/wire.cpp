#include "adapters/sim/wire.hpp"

#include <fmt/format.h>

#include "adapters/sim/wire_json.hpp"
#include "harness/util/rng.hpp"

namespace rb::sim::detail {

namespace {

constexpr std::uint64_t k_no_seed = 0x6e6f736565640004ULL;  // "noseed"
constexpr std::int64_t k_chars_per_token = 4;

}  // namespace


std::expected<std::string, WireError> content_text(const Json& content, std::string_view where)
{
  if (content.is_null()) {
    return std::string();
  }
  if (content.is_string()) {
    return content.get<std::string>();
  }
  if (content.is_array()) {
    std::string text;
    for (const Json& part : content) {
      if (part.is_object() && part.contains("text") && part["text"].is_string()) {
        text += part["text"].get<std::string>();
      }
    }
    return text;
  }
  return std::unexpected(bad_request(fmt::format("{}.content must be a string or an array of parts", where)));
}

std::expected<std::optional<std::int64_t>, WireError> optional_integer(const Json& body, const char* field,
                                                                       std::int64_t min)
{
  if (!body.contains(field) || body[field].is_null()) {
    return std::optional<std::int64_t>();
  }
  const Json& value = body[field];
  if (!value.is_number_integer()) {
    return std::unexpected(bad_request(fmt::format("field '{}' must be an integer", field)));
  }
  const std::int64_t number = value.is_number_unsigned()
                                  ? static_cast<std::int64_t>(value.get<std::uint64_t>())
                                  : value.get<std::int64_t>();
  if (number < min) {
    return std::unexpected(
        bad_request(fmt::format("field '{}' must be at least {}, got {}", field, min, number)));
  }
  return std::optional<std::int64_t>(number);
}

std::optional<WireError> read_common(const Json& json, ChatRequest& request)
{
  if (json.contains("stream") && !json["stream"].is_null()) {
    if (!json["stream"].is_boolean()) {
      return bad_request("field 'stream' must be a boolean");
    }
    request.stream = json["stream"].get<bool>();
  }
  if (json.contains("stream_options") && json["stream_options"].is_object()) {
    const Json& options = json["stream_options"];
    request.include_usage = options.contains("include_usage") && options["include_usage"].is_boolean() &&
                            options["include_usage"].get<bool>();
  }
  for (const char* field : {"temperature", "top_p"}) {
    if (json.contains(field) && !json[field].is_null() && !json[field].is_number()) {
      return bad_request(fmt::format("field '{}' must be a number", field));
    }
  }
  for (const char* field : {"max_tokens", "max_completion_tokens"}) {
    auto budget = optional_integer(json, field, 1);
    if (!budget) {
      return budget.error();
    }
    if (*budget && (!request.max_tokens || **budget < *request.max_tokens)) {
      request.max_tokens = **budget;
    }
  }
  auto seed = optional_integer(json, "seed", INT64_MIN);
  if (!seed) {
    return seed.error();
  }
  request.seed = *seed;
  return std::nullopt;
}

std::expected<ChatRequest, WireError> parse_chat_request(std::string_view body)
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
  ChatRequest request;
  if (!json.contains("model") || !json["model"].is_string()) {
    return std::unexpected(bad_request("field 'model' missing or not a string"));
  }
  request.model = json["model"].get<std::string>();
  if (!json.contains("messages")) {
    return std::unexpected(bad_request("field 'messages' missing"));
  }
  const Json& messages = json["messages"];
  if (!messages.is_array() || messages.empty()) {
    return std::unexpected(bad_request("field 'messages' must be a non-empty array"));
  }
  for (std::size_t i = 0; i < messages.size(); ++i) {
    const Json& message = messages[i];
    if (!message.is_object() || !message.contains("role") || !message["role"].is_string()) {
      return std::unexpected(
          bad_request(fmt::format("messages[{}] must be an object with a string 'role'", i)));
    }
    auto text = content_text(message.contains("content") ? message["content"] : Json(), fmt::format("messages[{}]", i));
    if (!text) {
      return std::unexpected(text.error());
    }
    request.messages.emplace_back(message["role"].get<std::string>(), std::move(*text));
  }
  if (auto problem = read_common(json, request)) {
    return std::unexpected(*problem);
  }
  return request;
}

std::uint64_t request_key(std::uint64_t scenario_seed, const ChatRequest& request)
{
  std::uint64_t messages_hash = util::fnv1a64("");
  for (const auto& [role, content] : request.messages) {
    messages_hash = util::fnv1a64(role, messages_hash);
    messages_hash = util::fnv1a64("\x1f", messages_hash);
    messages_hash = util::fnv1a64(content, messages_hash);
    messages_hash = util::fnv1a64("\x1e", messages_hash);
  }
  std::uint64_t key = util::mix_seed(scenario_seed, util::fnv1a64(request.model));
  key = util::mix_seed(key, messages_hash);
  return util::mix_seed(key, request.seed ? static_cast<std::uint64_t>(*request.seed) : k_no_seed);
}

std::int64_t prompt_tokens(const ChatRequest& request)
{
  std::int64_t chars = 0;
  for (const auto& message : request.messages) {
    for (const char c : message.second) {
      chars += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;  // skip UTF-8 continuation bytes
    }
  }
  return (chars + k_chars_per_token - 1) / k_chars_per_token;
}

std::string error_body(const WireError& error, SimApi api)
{
  if (api == SimApi::messages) {
    return dump(Json{{"type", "error"}, {"error", {{"type", error.type}, {"message", error.message}}}});
  }
  return dump(Json{{"error", {{"message", error.message}, {"type", error.type}, {"code", error.code}}}});
}

std::string models_body(const Scenario& scenario)
{
  Json data = Json::array();
  for (const SimModel& model : scenario.models) {
    data.push_back(Json{{"id", model.name},
                        {"object", "model"},
                        {"created", k_created},
                        {"owned_by", k_owned_by},
                        {"description", model.description}});
  }
  return dump(Json{{"object", "list"}, {"data", std::move(data)}});
}

}  // namespace rb::sim::detail
