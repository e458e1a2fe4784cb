#include "adapters/openai/chat_stream.hpp"

#include <algorithm>

#include "adapters/openai/json_fields.hpp"
#include "harness/core/reasoning.hpp"
#include "harness/util/strings.hpp"

namespace rb::adapters::openai {

using detail::Json;

namespace {

constexpr std::size_t k_chunk_excerpt_chars = 80;

/// True when `rest` (left-trimmed, non-empty) is, or may become, an opening reasoning tag.
bool opens_reasoning(std::string_view rest)
{
  for (const auto& [open, close] : default_reasoning_tags()) {
    if (rest.starts_with(open) || open.starts_with(rest)) {
      return true;
    }
  }
  return false;
}

std::size_t longest_tag()
{
  std::size_t n = 0;
  for (const auto& [open, close] : default_reasoning_tags()) {
    n = std::max({n, open.size(), close.size()});
  }
  return n;
}

}  // namespace

std::expected<void, std::string> StreamAccumulator::feed(std::string_view data, double elapsed_ms)
{
  if (util::trim(data) == "[DONE]") {
    m_done = true;
    return {};
  }
  const Json chunk = Json::parse(data, nullptr, false);
  if (chunk.is_discarded() || !chunk.is_object()) {
    return std::unexpected("malformed stream chunk: " + util::shorten(data, k_chunk_excerpt_chars));
  }
  if (const auto error = chunk.find("error"); error != chunk.end() && !error->is_null()) {
    return std::unexpected("error in the stream: " + error_message(data, k_server_message_chars));
  }
  ++m_chunks;
  if (m_response.id.empty()) {
    m_response.id = detail::text_field(chunk, "id");
    m_response.created = detail::int_field(chunk, "created");
  }
  if (m_response.model.empty()) {
    m_response.model = detail::text_field(chunk, "model");
  }
  if (m_response.system_fingerprint.empty()) {
    m_response.system_fingerprint = detail::text_field(chunk, "system_fingerprint");
  }
  if (const auto choices = chunk.find("choices"); choices != chunk.end() && !choices->is_null()) {
    if (!choices->is_array()) {
      return std::unexpected("malformed stream chunk: 'choices' is not an array");
    }
    for (const Json& choice : *choices) {
      if (!choice.is_object() || detail::int_field(choice, "index") != 0) {
        continue;  // n > 1 is not requested; other choices are ignored
      }
      bool token = false;
      if (const auto delta = choice.find("delta"); delta != choice.end() && delta->is_object()) {
        std::string field;
        const std::string reasoning = detail::reasoning_field(*delta, field);
        if (!reasoning.empty()) {
          m_response.reasoning += reasoning;
          m_response.reasoning_field = field;
          token = true;
        }
        const std::string content = detail::text_field(*delta, "content");
        if (!content.empty()) {
          on_content(content, elapsed_ms);
          token = true;
        }
      }
      if (token && m_ttft_ms < 0) {
        m_ttft_ms = elapsed_ms;
      }
      if (std::string reason = detail::text_field(choice, "finish_reason"); !reason.empty()) {
        m_response.finish_reason = std::move(reason);
      }
    }
  }
  if (const auto usage = chunk.find("usage"); usage != chunk.end() && usage->is_object()) {
    m_response.usage = detail::parse_usage(*usage);
    m_usage_json = usage->dump();
  }
  return {};
}

void StreamAccumulator::on_content(std::string_view delta, double elapsed_ms)
{
  std::string& content = m_response.content;
  static const std::size_t k_overlap = longest_tag();
  const std::size_t old_size = content.size();
  content += delta;
  // A closing tag in the new text (or straddling the previous delta) ends the reasoning there.
  const std::size_t scan_from = old_size > k_overlap ? old_size - k_overlap : 0;
  const std::string_view window = std::string_view(content).substr(scan_from);
  for (const auto& [open, close] : default_reasoning_tags()) {
    const std::size_t pos = window.rfind(close);
    if (pos != std::string_view::npos && scan_from + pos + close.size() > m_answer_from) {
      m_answer_from = scan_from + pos + close.size();
      m_first_answer_ms = -1;  // what looked like answer was reasoning (template-opened <think>)
    }
  }
  if (m_first_answer_ms >= 0) {
    return;
  }
  const std::string_view rest = util::trim(std::string_view(content).substr(m_answer_from));
  if (!rest.empty() && !opens_reasoning(rest)) {
    m_first_answer_ms = elapsed_ms;
  }
}

std::string StreamAccumulator::reassembled_json() const
{
  Json message{{"role", "assistant"}, {"content", m_response.content}};
  if (!m_response.reasoning_field.empty()) {
    message[m_response.reasoning_field] = m_response.reasoning;
  }
  Json choice{{"index", 0}, {"message", std::move(message)}};
  choice["finish_reason"] = m_response.finish_reason.empty() ? Json(nullptr) : Json(m_response.finish_reason);
  Json out{{"id", m_response.id},
           {"object", "chat.completion"},
           {"created", m_response.created},
           {"model", m_response.model},
           {"choices", Json::array({std::move(choice)})},
           {"stream", true},
           {"chunks", m_chunks}};
  if (!m_response.system_fingerprint.empty()) {
    out["system_fingerprint"] = m_response.system_fingerprint;
  }
  if (!m_usage_json.empty()) {
    out["usage"] = Json::parse(m_usage_json);
  }
  return out.dump();
}

}  // namespace rb::adapters::openai
