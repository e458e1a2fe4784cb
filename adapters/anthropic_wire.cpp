#include "adapters/anthropic_wire.hpp"

#include "adapters/anthropic_stream.hpp"
#include "adapters/openai/chat_wire.hpp"
#include "adapters/openai/json_fields.hpp"

namespace rb::adapters::anthropic {

using openai::detail::Json;
namespace detail = openai::detail;

std::string build_body(const Request& request, const WireOptions& options)
{
  Json body = Json::object();
  body["model"] = options.model;
  std::string system;
  Json messages = Json::array();
  for (const Message& message : request.messages) {
    if (message.role == "user" || message.role == "assistant") {
      messages.push_back(Json{{"role", message.role}, {"content", message.content}});
    } else {  // "system", "developer": the API takes them apart from the turns
      system += system.empty() ? message.content : "\n\n" + message.content;
    }
  }
  body["messages"] = std::move(messages);
  if (!system.empty()) {
    body["system"] = system;
  }
  body["stream"] = options.stream;
  detail::put_sampling(body, request, options, "", false);
  std::int64_t max_tokens = detail::budget(request, options).value_or(0);
  if (options.thinking_budget) {
    body["thinking"] = Json{{"budget_tokens", *options.thinking_budget}, {"type", "enabled"}};
    if (max_tokens <= *options.thinking_budget) {
      max_tokens = std::max(max_tokens, *options.thinking_budget + k_answer_room_tokens);
    }
  }
  body["max_tokens"] = max_tokens > 0 ? max_tokens : k_default_max_tokens;
  detail::merge_params(body, options.extra_params_json);
  return body.dump();
}

Usage usage_of(const Json& usage)
{
  Usage out;
  const std::int64_t cache_read = detail::int_field(usage, "cache_read_input_tokens");
  out.prompt_tokens =
      detail::int_field(usage, "input_tokens") + detail::int_field(usage, "cache_creation_input_tokens") + cache_read;
  out.cached_tokens = cache_read;
  out.completion_tokens = detail::int_field(usage, "output_tokens");
  out.reported = true;
  return out;
}

std::expected<WireResponse, std::string> parse_message(std::string_view body)
{
  const Json json = Json::parse(body, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    return std::unexpected("the response body is not a JSON object");
  }
  if (detail::text_field(json, "type") == "error") {
    return std::unexpected("error in a successful response: " +
                           openai::error_message(body, openai::k_server_message_chars));
  }
  const auto content = json.find("content");
  if (content == json.end() || !content->is_array()) {
    return std::unexpected("the response has no content array");
  }
  WireResponse out;
  out.id = detail::text_field(json, "id");
  out.model = detail::text_field(json, "model");
  for (const Json& block : *content) {
    const std::string type = detail::text_field(block, "type");
    if (type == "thinking") {
      out.reasoning += detail::text_field(block, "thinking");
      out.reasoning_field = "thinking";
    } else if (type == "text") {
      out.content += detail::text_field(block, "text");
    }
  }
  out.finish_reason = detail::normalise_finish(detail::text_field(json, "stop_reason"));
  if (const auto usage = json.find("usage"); usage != json.end() && usage->is_object()) {
    out.usage = usage_of(*usage);
  }
  return out;
}

void MessagesDialect::add_headers(http::Headers& headers, const std::string& api_key) const
{
  if (!api_key.empty()) {
    headers.emplace_back("x-api-key", api_key);
  }
  headers.emplace_back("anthropic-version", std::string(k_api_version));
}

std::unique_ptr<StreamDecoder> MessagesDialect::stream_decoder() const
{
  return std::make_unique<MessageStream>(m_options);
}

}  // namespace rb::adapters::anthropic
