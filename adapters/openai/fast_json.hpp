#pragma once
// Internal to adapters/ (no JSON library): a forward-only JSON reader that builds no document,
// for the fast paths of the hot loops (streamed chunks, whole completions), and a JSON string
// writer. Readers return false on anything they do not accept; callers then fall back to
// nlohmann::json, which also reports malformed input properly.
#include <bit>
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

/// The first '"' or '\\' in [p, end), or `end`. Eight bytes at a time (SWAR: a byte equal to a
/// target XORs to zero; borrows flag only bytes above a true match), so the long answers of whole
/// bodies and the short strings of stream chunks cost about a cycle per eight bytes.
inline const char* quote_or_backslash(const char* p, const char* end)
{
  constexpr std::uint64_t k_ones = 0x0101010101010101ULL;
  constexpr std::uint64_t k_highs = 0x8080808080808080ULL;
  constexpr std::uint64_t k_quotes = k_ones * static_cast<unsigned char>('"');
  constexpr std::uint64_t k_backslashes = k_ones * static_cast<unsigned char>('\\');
  // Little-endian only: there the lowest flagged byte comes first in memory.
  while (std::endian::native == std::endian::little && end - p >= 8) {
    std::uint64_t word;
    std::memcpy(&word, p, sizeof word);
    const std::uint64_t a = word ^ k_quotes;
    const std::uint64_t b = word ^ k_backslashes;
    const std::uint64_t found = ((a - k_ones) & ~a & k_highs) | ((b - k_ones) & ~b & k_highs);
    if (found != 0) {
      return p + (std::countr_zero(found) >> 3);
    }
    p += 8;
  }
  while (p < end && *p != '"' && *p != '\\') {
    ++p;
  }
  return p;
}

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
    const char* start = m_p;
    bool escaped = false;
    for (const char* q = m_p;;) {
      q = quote_or_backslash(q, m_end);
      if (q == m_end) {
        return false;
      }
      if (*q == '"') {
        out.raw = std::string_view(start, static_cast<std::size_t>(q - start));
        out.escaped = escaped;
        out.present = true;
        m_p = q + 1;
        return true;
      }
      escaped = true;
      if (m_end - q < 2) {
        return false;
      }
      q += 2;  // the backslash and the escaped character, whatever it is
    }
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
