#include "adapters/anthropic_stream.hpp"

#include "adapters/openai/chat_wire.hpp"
#include "harness/util/strings.hpp"

namespace rb::adapters::anthropic {

using openai::detail::Json;
namespace detail = openai::detail;

namespace {
constexpr std::size_t k_chunk_excerpt_chars = 80;
}  // namespace

MessageStream::MessageStream(WireOptions options) : m_options(std::move(options)), m_timer(m_options.tags.get()) {}

std::expected<void, std::string> MessageStream::feed(std::string_view event, std::string_view data,
                                                     double elapsed_ms)
{
  const Json json = Json::parse(data, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    return std::unexpected("malformed stream event: " + util::shorten(data, k_chunk_excerpt_chars));
  }
  std::string type = detail::text_field(json, "type");
  if (type.empty()) {
    type = std::string(event);
  }
  if (type == "error") {
    return std::unexpected("error in the stream: " + openai::error_message(data, openai::k_server_message_chars));
  }
  if (type == "ping") {
    return {};
  }
  ++m_chunks;
  if (type == "message_start") {
    const auto message = json.find("message");
    if (message != json.end() && message->is_object()) {
      m_response.id = detail::text_field(*message, "id");
      m_response.model = detail::text_field(*message, "model");
      if (const auto usage = message->find("usage"); usage != message->end() && usage->is_object()) {
        m_usage.update(*usage);
      }
    }
  } else if (type == "content_block_start") {
    const auto block = json.find("content_block");
    if (block != json.end() && block->is_object()) {
      on_delta(*block, elapsed_ms);  // a block may start with text already in it
    }
  } else if (type == "content_block_delta") {
    const auto delta = json.find("delta");
    if (delta != json.end() && delta->is_object()) {
      on_delta(*delta, elapsed_ms);
    }
  } else if (type == "message_delta") {
    if (const auto delta = json.find("delta"); delta != json.end() && delta->is_object()) {
      if (std::string reason = detail::text_field(*delta, "stop_reason"); !reason.empty()) {
        m_stop_reason = reason;
        m_response.finish_reason = detail::normalise_finish(std::move(reason));
      }
    }
    if (const auto usage = json.find("usage"); usage != json.end() && usage->is_object()) {
      m_usage.update(*usage);  // output_tokens is cumulative
    }
  } else if (type == "message_stop") {
    m_stopped = true;
  }
  if (!m_usage.empty()) {
    m_response.usage = usage_of(m_usage);
  }
  return {};
}

void MessageStream::on_delta(const Json& delta, double elapsed_ms)
{
  const std::string type = detail::text_field(delta, "type");
  if (type == "thinking_delta" || type == "thinking") {
    const std::string text = detail::text_field(delta, "thinking");
    if (!text.empty()) {
      m_response.reasoning += text;
      m_response.reasoning_field = "thinking";
      m_ttft_ms = m_ttft_ms < 0 ? elapsed_ms : m_ttft_ms;
    }
  } else if (type == "text_delta" || type == "text") {
    const std::string text = detail::text_field(delta, "text");
    if (!text.empty()) {
      const std::size_t old_size = m_response.content.size();
      m_response.content += text;
      m_timer.on_text(m_response.content, old_size, elapsed_ms);
      m_ttft_ms = m_ttft_ms < 0 ? elapsed_ms : m_ttft_ms;
    }
  }
}

std::string MessageStream::reassembled_json() const
{
  Json content = Json::array();
  if (!m_response.reasoning.empty()) {
    content.push_back(Json{{"type", "thinking"}, {"thinking", m_response.reasoning}});
  }
  content.push_back(Json{{"type", "text"}, {"text", m_response.content}});
  Json out{{"id", m_response.id},
           {"type", "message"},
           {"role", "assistant"},
           {"model", m_response.model},
           {"content", std::move(content)},
           {"stop_reason", m_stop_reason.empty() ? Json(nullptr) : Json(m_stop_reason)},
           {"stream", true},
           {"chunks", m_chunks}};
  if (!m_usage.empty()) {
    out["usage"] = m_usage;
  }
  return out.dump();
}

}  // namespace rb::adapters::anthropic
