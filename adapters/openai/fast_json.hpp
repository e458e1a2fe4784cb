#pragma once
// Internal to adapters/ (no JSON library): a forward-only JSON reader that builds no document,
// for the fast paths of the hot loops (streamed chunks, whole completions), and a JSON string
// writer. Readers return false on anything they do not accept; callers then fall back to
// nlohmann::json, which also reports malformed input properly.
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace rb::adapters::openai::detail {

inline constexpr int k_max_fast_depth = 64;  ///< deeper documents go to the general parser

/// A JSON string as it appears in the text (between the quotes), unescaped on demand.
struct RawString {
  std::string_view raw;
  bool escaped = false;  ///< contains backslash escapes
  bool present = false;  ///< the key was there with a string value
  /// Appends the unescaped string to `out`; false (and `out` unchanged) on a bad escape.
  bool append_to(std::string& out) const;
  std::string str() const;
};

/// Appends JSON string contents `raw` (between the quotes) to `out`, unescaped. False on a bad
/// escape. Lone surrogates become U+FFFD.
bool append_unescaped(std::string_view raw, std::string& out);

/// Appends `text` to `out` as a quoted JSON string: '"', '\\' and control characters escaped,
/// invalid UTF-8 replaced by U+FFFD (so the result always parses).
void append_json_string(std::string& out, std::string_view text);

/// A forward-only reader over JSON text. Every method skips leading whitespace and returns false
/// on anything it does not accept, leaving the caller to fall back.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : m_p(text.data()), m_end(text.data() + text.size()) {}

  void ws()
  {
    while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t')) {
      ++m_p;
    }
  }
  bool eat(char c)
  {
    ws();
    if (m_p < m_end && *m_p == c) {
      ++m_p;
      return true;
    }
    return false;
  }
  bool peek(char c)
  {
    ws();
    return m_p < m_end && *m_p == c;
  }
  bool at_end()
  {
    ws();
    return m_p == m_end;
  }

  bool string(RawString& out)
  {
    if (!eat('"')) {
      return false;
    }
    // One pass over the bytes: the strings of a chunk are short, so a loop beats two memchr calls.
    const char* start = m_p;
    bool escaped = false;
    for (const char* q = m_p; q < m_end; ++q) {
      if (*q == '"') {
        out.raw = std::string_view(start, static_cast<std::size_t>(q - start));
        out.escaped = escaped;
        out.present = true;
        m_p = q + 1;
        return true;
      }
      if (*q == '\\') {
        escaped = true;
        ++q;  // the escaped character, whatever it is
      }
    }
    return false;
  }

  bool literal(std::string_view word)
  {
    ws();
    if (static_cast<std::size_t>(m_end - m_p) < word.size() || std::string_view(m_p, word.size()) != word) {
      return false;
    }
    m_p += word.size();
    return true;
  }

  /// A string or null (`out` left absent for null).
  bool string_or_null(RawString& out) { return peek('n') ? literal("null") : string(out); }

  bool number(std::int64_t* integer)
  {
    ws();
    const char* start = m_p;
    if (m_p < m_end && *m_p == '-') {
      ++m_p;
    }
    const char* digits = m_p;
    while (m_p < m_end && ((*m_p >= '0' && *m_p <= '9') || *m_p == '.' || *m_p == 'e' || *m_p == 'E' ||
                           *m_p == '+' || *m_p == '-')) {
      ++m_p;
    }
    if (m_p == digits) {
      return false;
    }
    if (integer != nullptr) {
      std::from_chars(start, m_p, *integer);
    }
    return true;
  }

  bool skip_value(int depth)
  {
    if (depth > k_max_fast_depth) {
      return false;
    }
    ws();
    if (m_p >= m_end) {
      return false;
    }
    switch (*m_p) {
      case '"': {
        RawString ignored;
        return string(ignored);
      }
      case '{':
        return object([&](const RawString&) { return skip_value(depth + 1); });
      case '[':
        return array([&] { return skip_value(depth + 1); });
      case 't':
        return literal("true");
      case 'f':
        return literal("false");
      case 'n':
        return literal("null");
      default:
        return number(nullptr);
    }
  }

  /// `{` key `:` value (read by on_key) `,` ... `}`.
  template <class OnKey>
  bool object(OnKey&& on_key)
  {
    if (!eat('{')) {
      return false;
    }
    if (eat('}')) {
      return true;
    }
    do {
      RawString key;
      if (!string(key) || !eat(':') || !on_key(key)) {
        return false;
      }
    } while (eat(','));
    return eat('}');
  }

  template <class OnElement>
  bool array(OnElement&& on_element)
  {
    if (!eat('[')) {
      return false;
    }
    if (eat(']')) {
      return true;
    }
    do {
      if (!on_element()) {
        return false;
      }
    } while (eat(','));
    return eat(']');
  }

 private:
  const char* m_p;
  const char* m_end;
};

}  // namespace rb::adapters::openai::detail
