#include "adapters/openai/chat_wire.hpp"

#include "adapters/openai/json_fields.hpp"
#include "harness/util/strings.hpp"

namespace rb::adapters::openai {

using detail::Json;

std::string build_body(const Request& request, const BodyOptions& options)
{
  Json body = Json::object();
  body["model"] = options.model;
  Json messages = Json::array();
  for (const Message& message : request.messages) {
    messages.push_back(Json{{"role", message.role}, {"content", message.content}});
  }
  body["messages"] = std::move(messages);
  body["stream"] = options.stream;
  if (options.stream) {
    body["stream_options"] = Json{{"include_usage", true}};
  }
  const SamplingParams& p = request.params;
  const SamplingParams& d = options.defaults;
  if (const auto v = p.temperature ? p.temperature : d.temperature) {
    body["temperature"] = *v;
  }
  if (const auto v = p.top_p ? p.top_p : d.top_p) {
    body["top_p"] = *v;
  }
  if (const auto v = p.max_tokens ? p.max_tokens : d.max_tokens) {
    body[options.token_limit_field == TokenLimitField::max_tokens ? "max_tokens" : "max_completion_tokens"] =
        *v;
  }
  if (const auto v = p.seed ? p.seed : d.seed) {
    body["seed"] = *v;
  }
  return body.dump();  // nlohmann::json objects keep keys sorted
}

std::expected<ChatResponse, std::string> parse_completion(std::string_view body)
{
  Json json = Json::parse(body, nullptr, false);
  if (json.is_discarded()) {
    return std::unexpected("the response body is not valid JSON");
  }
  if (!json.is_object()) {
    return std::unexpected("the response body is not a JSON object");
  }
  const auto choices = json.find("choices");
  if (choices == json.end() || !choices->is_array() || choices->empty()) {
    if (json.contains("error")) {
      return std::unexpected("error in a successful response: " +
                             error_message(body, k_server_message_chars));
    }
    return std::unexpected("the response has no choices");
  }
  const Json& choice = choices->front();
  const auto message = choice.find("message");
  if (!choice.is_object() || message == choice.end() || !message->is_object()) {
    return std::unexpected("choices[0] has no message object");
  }
  ChatResponse out;
  out.id = detail::text_field(json, "id");
  out.model = detail::text_field(json, "model");
  out.created = detail::int_field(json, "created");
  out.system_fingerprint = detail::text_field(json, "system_fingerprint");
  out.content = detail::text_field(*message, "content");
  out.reasoning = detail::reasoning_field(*message, out.reasoning_field);
  out.finish_reason = detail::text_field(choice, "finish_reason");
  const auto usage = json.find("usage");
  if (usage != json.end() && usage->is_object()) {
    out.usage = detail::parse_usage(*usage);
  }
  return out;
}

std::string error_message(std::string_view body, std::size_t max_chars)
{
  std::string text;
  const Json json = Json::parse(body, nullptr, false);
  if (!json.is_discarded() && json.is_object()) {
    const auto error = json.find("error");
    if (error != json.end() && error->is_object()) {
      text = detail::text_field(*error, "message");
    } else if (error != json.end() && error->is_string()) {
      text = error->get<std::string>();
    }
    for (const char* key : {"message", "detail"}) {
      if (text.empty()) {
        text = detail::text_field(json, key);
      }
    }
  }
  if (text.empty()) {
    text = std::string(body.substr(0, body.find('\n')));
  }
  text = util::replace_all(util::replace_all(std::move(text), "\r", " "), "\n", " ");
  return util::shorten(util::trim(text), max_chars);
}

}  // namespace rb::adapters::openai
