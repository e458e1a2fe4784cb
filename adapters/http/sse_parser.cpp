#include "adapters/http/sse_parser.hpp"

#include <cstring>

#include "harness/util/strings.hpp"

namespace rb::adapters::http {

namespace {
constexpr std::string_view k_bom = "\xEF\xBB\xBF";

const char* find_byte(const char* p, std::size_t n, char c)
{
  return static_cast<const char*>(std::memchr(p, c, n));
}
}  // namespace

SseParser::SseParser(SseHandler handler, std::size_t max_event_bytes)
    : m_handler(std::move(handler)), m_max_bytes(max_event_bytes)
{
}

void SseParser::reset()
{
  m_partial.clear();
  m_data.clear();
  m_event.clear();
  m_id.clear();
  m_error.clear();
  m_has_data = false;
  m_skip_lf = false;
  m_at_start = true;
  m_retry_ms = -1;
}

std::expected<void, std::string> SseParser::fail(std::string message)
{
  m_error = std::move(message);
  return std::unexpected(m_error);
}

std::expected<void, std::string> SseParser::feed(std::string_view bytes)
{
  if (!m_error.empty()) {
    return std::unexpected(m_error);
  }
  const char* p = bytes.data();
  const char* const end = p + bytes.size();
  if (m_skip_lf && p < end) {
    if (*p == '\n') {
      ++p;
    }
    m_skip_lf = false;
  }
  while (p < end) {
    const auto left = static_cast<std::size_t>(end - p);
    const char* lf = find_byte(p, left, '\n');
    const char* cr = find_byte(p, lf != nullptr ? static_cast<std::size_t>(lf - p) : left, '\r');
    const char* eol = cr != nullptr ? cr : lf;
    if (eol == nullptr) {  // an incomplete line: keep it for the next chunk
      if (m_partial.size() + left > m_max_bytes) {
        return fail("an SSE line exceeds " + std::to_string(m_max_bytes) + " bytes");
      }
      m_partial.append(p, left);
      return {};
    }
    const auto length = static_cast<std::size_t>(eol - p);
    std::string_view text(p, length);
    if (!m_partial.empty()) {
      if (m_partial.size() + length > m_max_bytes) {
        return fail("an SSE line exceeds " + std::to_string(m_max_bytes) + " bytes");
      }
      m_partial.append(p, length);
      text = m_partial;
    }
    p = eol + 1;
    if (*eol == '\r') {  // CRLF, or a lone CR ending the line
      if (p < end) {
        if (*p == '\n') {
          ++p;
        }
      } else {
        m_skip_lf = true;
      }
    }
    const bool go_on = line(text);
    m_partial.clear();
    if (!m_error.empty()) {
      return std::unexpected(m_error);
    }
    if (!go_on) {
      return {};
    }
  }
  return {};
}

bool SseParser::line(std::string_view text)
{
  if (m_at_start) {
    m_at_start = false;
    if (text.starts_with(k_bom)) {
      text.remove_prefix(k_bom.size());
    }
  }
  if (text.empty()) {
    return dispatch();
  }
  if (text.front() == ':') {
    ++m_comments;
    return true;
  }
  const std::size_t colon = text.find(':');
  const std::string_view field = text.substr(0, colon);
  std::string_view value = colon == std::string_view::npos ? std::string_view() : text.substr(colon + 1);
  if (value.starts_with(' ')) {
    value.remove_prefix(1);
  }
  if (field == "data") {
    if (m_data.size() + value.size() + 1 > m_max_bytes) {
      m_error = "an SSE event exceeds " + std::to_string(m_max_bytes) + " bytes";
      return false;
    }
    if (m_has_data) {
      m_data.push_back('\n');
    }
    m_data.append(value);
    m_has_data = true;
  } else if (field == "event") {
    m_event.assign(value);
  } else if (field == "id") {
    if (value.find('\0') == std::string_view::npos) {
      m_id.assign(value);
    }
  } else if (field == "retry") {
    if (const auto ms = util::parse_int(value); ms && *ms >= 0) {
      m_retry_ms = *ms;
    }
  }
  return true;  // unknown fields are ignored, as the standard says
}

bool SseParser::dispatch()
{
  if (!m_has_data) {
    m_event.clear();
    return true;
  }
  ++m_events;
  const bool go_on = m_handler(SseEvent{m_event, m_data, m_id});
  m_data.clear();
  m_event.clear();
  m_has_data = false;
  return go_on;
}

}  // namespace rb::adapters::http
