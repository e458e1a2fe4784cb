#include "adapters/openai/fast_json.hpp"

namespace rb::adapters::openai::detail {

namespace {

void put_utf8(std::uint32_t code, std::string& out)
{
  if (code < 0x80) {
    out.push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code >> 6)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

bool hex4(std::string_view raw, std::size_t at, std::uint32_t& code)
{
  if (at + 4 > raw.size()) {
    return false;
  }
  code = 0;
  for (std::size_t i = at; i < at + 4; ++i) {
    const char h = raw[i];
    code <<= 4;
    if (h >= '0' && h <= '9') {
      code |= static_cast<std::uint32_t>(h - '0');
    } else if (h >= 'a' && h <= 'f') {
      code |= static_cast<std::uint32_t>(h - 'a' + 10);
    } else if (h >= 'A' && h <= 'F') {
      code |= static_cast<std::uint32_t>(h - 'A' + 10);
    } else {
      return false;
    }
  }
  return true;
}

/// The length of the valid UTF-8 sequence starting at `p` (at most `left` bytes), or 0.
std::size_t utf8_length(const unsigned char* p, std::size_t left)
{
  const unsigned char c = p[0];
  std::size_t n = 0;
  std::uint32_t min = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (left < n) {
    return 0;
  }
  std::uint32_t code = c & (0xFF >> (n + 1));
  for (std::size_t i = 1; i < n; ++i) {
    if ((p[i] & 0xC0) != 0x80) {
      return 0;
    }
    code = (code << 6) | (p[i] & 0x3F);
  }
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
    return 0;
  }
  return n;
}

}  // namespace

bool append_unescaped(std::string_view raw, std::string& out)
{
  std::size_t i = 0;
  while (i < raw.size()) {
    const std::size_t slash = raw.find('\\', i);
    if (slash == std::string_view::npos) {
      out.append(raw.substr(i));
      return true;
    }
    out.append(raw.substr(i, slash - i));
    if (slash + 1 >= raw.size()) {
      return false;
    }
    const char e = raw[slash + 1];
    i = slash + 2;
    switch (e) {
      case '"':
      case '\\':
      case '/':
        out.push_back(e);
        break;
      case 'b':
        out.push_back('\b');
        break;
      case 'f':
        out.push_back('\f');
        break;
      case 'n':
        out.push_back('\n');
        break;
      case 'r':
        out.push_back('\r');
        break;
      case 't':
        out.push_back('\t');
        break;
      case 'u': {
        std::uint32_t code = 0;
        if (!hex4(raw, i, code)) {
          return false;
        }
        i += 4;
        if (code >= 0xD800 && code <= 0xDBFF) {  // a surrogate pair
          std::uint32_t low = 0;
          if (i + 6 <= raw.size() && raw[i] == '\\' && raw[i + 1] == 'u' && hex4(raw, i + 2, low) &&
              low >= 0xDC00 && low <= 0xDFFF) {
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            i += 6;
          } else {
            code = 0xFFFD;
          }
        } else if (code >= 0xDC00 && code <= 0xDFFF) {
          code = 0xFFFD;
        }
        put_utf8(code, out);
        break;
      }
      default:
        return false;
    }
  }
  return true;
}

bool RawString::append_to(std::string& out) const
{
  if (!escaped) {
    out.append(raw);
    return true;
  }
  const std::size_t old_size = out.size();
  if (!append_unescaped(raw, out)) {
    out.resize(old_size);
    return false;
  }
  return true;
}

std::string RawString::str() const
{
  std::string out;
  append_to(out);
  return out;
}

void append_json_string(std::string& out, std::string_view text)
{
  static constexpr char k_hex[] = "0123456789abcdef";
  out.reserve(out.size() + text.size() + 2);
  out.push_back('"');
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = p + text.size();
  const auto* run = p;  // bytes copied as they are, in one append
  const auto flush = [&](const unsigned char* upto) {
    out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(upto - run));
  };
  while (p < end) {
    const unsigned char c = *p;
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      ++p;
      continue;
    }
    if (c >= 0x80) {
      const std::size_t n = utf8_length(p, static_cast<std::size_t>(end - p));
      if (n > 0) {
        p += n;
        continue;
      }
      flush(p);
      out += "\xef\xbf\xbd";  // U+FFFD for a byte that is not UTF-8
      run = ++p;
      continue;
    }
    flush(p);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += "\\u00";
        out.push_back(k_hex[c >> 4]);
        out.push_back(k_hex[c & 0xF]);
    }
    run = ++p;
  }
  flush(p);
  out.push_back('"');
}

}  // namespace rb::adapters::openai::detail
