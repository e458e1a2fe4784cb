// Anthropic Messages bodies and stream events: thinking and text blocks, stop_reason, usage.
#include "adapters/sim/wire_json.hpp"

namespace rb::sim::detail {

namespace {

const char* stop_reason(const Completion& completion)
{
  return completion.truncated ? "max_tokens" : "end_turn";
}

Json usage_json(const ResponseMeta& meta, std::int64_t output_tokens)
{
  return Json{{"input_tokens", meta.prompt_tokens},
              {"cache_creation_input_tokens", 0},
              {"cache_read_input_tokens", 0},
              {"output_tokens", output_tokens}};
}

std::string signature(const ResponseMeta& meta)
{
  return "sim-signature-" + meta.id;  // opaque to clients, as the real one is
}

std::string event(std::string_view name, const Json& data)
{
  return "event: " + std::string(name) + "\ndata: " + dump(data) + "\n\n";
}

/// The text of one channel, joined as generated.
std::string channel_text(const Completion& completion, Channel channel)
{
  std::string text;
  for (const Token& token : completion.tokens) {
    if (token.channel == channel) {
      text += token.text;
    }
  }
  return text;
}

}  // namespace

std::string message_body(const ResponseMeta& meta, const Completion& completion, bool thinking)
{
  Json content = Json::array();
  if (thinking && completion.reasoning_tokens > 0) {
    content.push_back(Json{{"type", "thinking"},
                           {"thinking", channel_text(completion, Channel::reasoning)},
                           {"signature", signature(meta)}});
  }
  content.push_back(Json{{"type", "text"}, {"text", channel_text(completion, Channel::answer)}});
  return dump(Json{{"id", meta.id},
                   {"type", "message"},
                   {"role", "assistant"},
                   {"model", meta.model},
                   {"content", std::move(content)},
                   {"stop_reason", stop_reason(completion)},
                   {"stop_sequence", nullptr},
                   {"usage", usage_json(meta, completion.total_tokens())}});
}

std::vector<TimedEvent> message_events(const ResponseMeta& meta, const Completion& completion, bool thinking,
                                       int chunk_tokens, std::size_t& first_delta)
{
  std::vector<TimedEvent> events;
  Json start_message{{"id", meta.id},           {"type", "message"},           {"role", "assistant"},
                     {"model", meta.model},     {"content", Json::array()},    {"stop_reason", nullptr},
                     {"stop_sequence", nullptr}, {"usage", usage_json(meta, 1)}};
  events.push_back({event("message_start", Json{{"type", "message_start"}, {"message", std::move(start_message)}}), 0});
  events.push_back({event("ping", Json{{"type", "ping"}}), 0});
  first_delta = events.size() + 1;  // after the first content_block_start
  const auto per_piece = static_cast<std::size_t>(std::max(1, chunk_tokens));
  int block = 0;
  std::int64_t generated = 0;
  std::size_t i = 0;
  while (i < completion.tokens.size()) {
    const Channel channel = completion.tokens[i].channel;
    const bool shown = channel == Channel::answer || thinking;
    const char* type = channel == Channel::reasoning ? "thinking" : "text";
    const char* delta_type = channel == Channel::reasoning ? "thinking_delta" : "text_delta";
    if (shown) {
      events.push_back({event("content_block_start",
                              Json{{"type", "content_block_start"},
                                   {"index", block},
                                   {"content_block", Json{{"type", type}, {type, ""}}}}),
                        generated});
    }
    while (i < completion.tokens.size() && completion.tokens[i].channel == channel) {
      std::string text;
      for (std::size_t taken = 0; taken < per_piece && i < completion.tokens.size() &&
                                  completion.tokens[i].channel == channel;
           ++taken, ++i) {
        text += completion.tokens[i].text;
        ++generated;
      }
      if (shown) {
        events.push_back({event("content_block_delta",
                                Json{{"type", "content_block_delta"},
                                     {"index", block},
                                     {"delta", Json{{"type", delta_type}, {type, text}}}}),
                          generated});
      }
    }
    if (shown) {
      if (channel == Channel::reasoning) {
        events.push_back({event("content_block_delta",
                                Json{{"type", "content_block_delta"},
                                     {"index", block},
                                     {"delta", Json{{"type", "signature_delta"}, {"signature", signature(meta)}}}}),
                          generated});
      }
      events.push_back(
          {event("content_block_stop", Json{{"type", "content_block_stop"}, {"index", block}}), generated});
      ++block;
    }
  }
  if (block == 0) {  // nothing visible: an empty text block, as the API sends
    events.push_back({event("content_block_start", Json{{"type", "content_block_start"},
                                                        {"index", 0},
                                                        {"content_block", Json{{"type", "text"}, {"text", ""}}}}),
                      generated});
    events.push_back({event("content_block_stop", Json{{"type", "content_block_stop"}, {"index", 0}}), generated});
  }
  events.push_back({event("message_delta", Json{{"type", "message_delta"},
                                                {"delta", Json{{"stop_reason", stop_reason(completion)},
                                                               {"stop_sequence", nullptr}}},
                                                {"usage", Json{{"output_tokens", completion.total_tokens()}}}}),
                    generated});
  events.push_back({event("message_stop", Json{{"type", "message_stop"}}), generated});
  first_delta = std::min(first_delta, events.size() - 1);
  return events;
}

}  // namespace rb::sim::detail
