#include "adapters/openai/chat_wire.hpp"

#include "adapters/openai/chat_stream.hpp"
#include "adapters/openai/fast_completion.hpp"
#include "adapters/openai/json_fields.hpp"
#include "harness/util/strings.hpp"

namespace rb::adapters::openai {

using detail::Json;

namespace {

WireChoice choice_of(const Json& choice, const WireOptions& options)
{
  WireChoice out;
  const auto message = choice.find("message");
  if (message != choice.end() && message->is_object()) {
    std::string field;
    out.content = detail::text_field(*message, "content");
    out.reasoning = detail::reasoning_field(*message, options.reasoning_fields, field);
  }
  out.finish_reason = detail::normalise_finish(detail::text_field(choice, "finish_reason"));
  return out;
}

}  // namespace

std::string build_body(const Request& request, const WireOptions& options)
{
  Json body = Json::object();
  body["model"] = options.model;
  Json messages = Json::array();
  for (const Message& message : request.messages) {
    messages.push_back(Json{{"role", message.role}, {"content", message.content}});
  }
  body["messages"] = std::move(messages);
  body["stream"] = options.stream;
  if (options.stream && options.stream_usage) {
    body["stream_options"] = Json{{"include_usage", true}};
  }
  detail::put_sampling(body, request, options,
                       options.token_limit_field == TokenLimitField::max_tokens ? "max_tokens"
                                                                                : "max_completion_tokens",
                       true);
  if (!options.reasoning_effort.empty()) {
    body["reasoning_effort"] = options.reasoning_effort;
  }
  if (options.n > 1) {
    body["n"] = options.n;
  }
  detail::merge_params(body, options.extra_params_json);
  return body.dump();  // nlohmann::json objects keep keys sorted
}

std::expected<WireResponse, std::string> parse_completion(std::string_view body, const WireOptions& options)
{
  if (WireResponse fast; detail::read_completion(body, options.reasoning_fields, fast) == detail::FastRead::ok) {
    return fast;
  }
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
  WireResponse out;
  out.id = detail::text_field(json, "id");
  out.model = detail::text_field(json, "model");
  out.created = detail::int_field(json, "created");
  out.system_fingerprint = detail::text_field(json, "system_fingerprint");
  out.content = detail::text_field(*message, "content");
  out.reasoning = detail::reasoning_field(*message, options.reasoning_fields, out.reasoning_field);
  out.finish_reason = detail::normalise_finish(detail::text_field(choice, "finish_reason"));
  for (std::size_t i = 1; i < choices->size(); ++i) {
    if ((*choices)[i].is_object()) {
      out.more_choices.push_back(choice_of((*choices)[i], options));
    }
  }
  const auto usage = json.find("usage");
  if (usage != json.end() && usage->is_object()) {
    out.usage = detail::parse_usage(*usage);
  }
  if (const auto timings = json.find("timings"); timings != json.end() && timings->is_object()) {
    out.timings_json = timings->dump();
    detail::apply_timings(*timings, out.usage);
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

void ChatDialect::add_headers(http::Headers& headers, const std::string& api_key) const
{
  if (!api_key.empty()) {
    headers.emplace_back("Authorization", "Bearer " + api_key);
  }
}

std::unique_ptr<StreamDecoder> ChatDialect::stream_decoder() const
{
  return std::make_unique<StreamAccumulator>(m_options);
}

}  // namespace rb::adapters::openai
