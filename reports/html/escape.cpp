#include "reports/html/escape.hpp"

#include <fmt/format.h>

namespace rb::reports::html {

namespace {

/// Moves `at` back to the start of the UTF-8 character it points into.
std::size_t char_boundary(std::string_view text, std::size_t at)
{
  while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) {
    --at;
  }
  return at;
}

}  // namespace

std::string escape_html(std::string_view text)
{
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\0':
        out += "\xEF\xBF\xBD";
        break;
      default:
        out += c;
        break;
    }
  }
  return out;
}

std::string clip_text(std::string_view text, std::size_t max_bytes)
{
  if (text.size() <= max_bytes) {
    return std::string(text);
  }
  const std::size_t head = char_boundary(text, max_bytes / 2);
  const std::size_t tail = char_boundary(text, text.size() - max_bytes / 2);
  return std::string(text.substr(0, head)) +
         fmt::format("\n[… {} bytes omitted: the whole text is in the database …]\n", tail - head) +
         std::string(text.substr(tail));
}

std::string escape_clipped(std::string_view text, std::size_t max_bytes)
{
  std::size_t budget = max_bytes;
  for (;;) {
    std::string escaped = escape_html(clip_text(text, budget));
    if (escaped.size() <= max_bytes + 100 || budget <= 16) {
      return escaped;
    }
    budget = budget * max_bytes / escaped.size();  // each pass shrinks by the escaping ratio
  }
}

}  // namespace rb::reports::html
