#include "adapters/cmd_wire.hpp"

#include "adapters/openai/chat_sample.hpp"
#include "adapters/openai/json_fields.hpp"
#include "harness/util/strings.hpp"

namespace rb::adapters::cmd {

using openai::detail::Json;
namespace detail = openai::detail;

namespace {
constexpr std::size_t k_message_chars = 200;
}  // namespace

std::string request_json(const Request& request, const CmdOptions& options, std::optional<std::uint64_t> id)
{
  Json body = Json::object();
  if (id) {
    body["id"] = *id;
  }
  Json messages = Json::array();
  for (const Message& message : request.messages) {
    messages.push_back(Json{{"role", message.role}, {"content", message.content}});
  }
  body["messages"] = std::move(messages);
  body["sample_index"] = request.sample_index;
  WireOptions wire;
  wire.defaults = options.defaults;
  detail::put_sampling(body, request, wire, "max_tokens", true);
  if (!options.extra_params_json.empty()) {
    body["params"] = Json::parse(options.extra_params_json, nullptr, false);
  }
  return body.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Reply parse_reply(std::string_view text, bool plain_ok, const Request& request, const CmdOptions& options)
{
  Reply reply{std::nullopt, std::unexpected(Error{})};
  const Json json = Json::parse(text, nullptr, false);
  WireResponse wire;
  wire.finish_reason = "stop";
  std::string stored;
  if (json.is_discarded() || !json.is_object()) {
    if (!plain_ok) {
      reply.result = std::unexpected(Error{ErrorKind::protocol, "the program's reply is not a JSON object: " +
                                                                    util::shorten(util::trim(text), 80)});
      return reply;
    }
    wire.content = std::string(text);
    stored = Json{{"text", wire.content}}.dump(-1, ' ', false, Json::error_handler_t::replace);
  } else {
    if (const auto id = json.find("id"); id != json.end() && id->is_number_unsigned()) {
      reply.id = id->get<std::uint64_t>();
    }
    if (const auto error = json.find("error"); error != json.end() && !error->is_null()) {
      const bool retryable = json.value("retryable", false);
      const std::string said = error->is_string() ? error->get<std::string>() : error->dump();
      reply.result = std::unexpected(Error{retryable ? ErrorKind::transport : ErrorKind::rejected,
                                           "the program reported: " + util::shorten(said, k_message_chars)});
      return reply;
    }
    for (const char* key : {"text", "response", "content"}) {
      if (wire.content.empty()) {
        wire.content = detail::text_field(json, key);
      }
    }
    wire.reasoning = detail::text_field(json, "reasoning");
    wire.model = detail::text_field(json, "model");
    if (std::string reason = detail::text_field(json, "finish_reason"); !reason.empty()) {
      wire.finish_reason = detail::normalise_finish(std::move(reason));
    }
    if (const auto usage = json.find("usage"); usage != json.end() && usage->is_object()) {
      wire.usage = detail::parse_usage(*usage);
    }
    stored = json.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
  openai::SampleParts parts;
  parts.request_json = request_json(request, options, std::nullopt);
  parts.response_json = std::move(stored);
  parts.prompt_chars = openai::prompt_chars(request.messages);
  parts.prices = options.prices;
  parts.tags = options.tags.get();
  reply.result = openai::to_sample(wire, std::move(parts));
  return reply;
}

}  // namespace rb::adapters::cmd
