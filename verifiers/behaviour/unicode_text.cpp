#include "verifiers/behaviour/unicode_text.hpp"

namespace rb::verifiers::behaviour {

namespace {

struct Decoded {
  char32_t c = U'\uFFFD';
  std::size_t length = 1;  ///< bytes taken: 1 for an invalid byte
};

/// The code point starting at byte `i` of `text` (i < size); an invalid or cut sequence is
/// U+FFFD taking one byte. No allocation: words_of calls it once per character.
Decoded decode_at(std::string_view text, std::size_t i)
{
  const auto b0 = static_cast<unsigned char>(text[i]);
  std::size_t extra = 0;
  char32_t c = 0;
  if (b0 < 0x80) {
    return {b0, 1};
  }
  if ((b0 & 0xE0) == 0xC0) {
    extra = 1;
    c = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    extra = 2;
    c = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    extra = 3;
    c = b0 & 0x07;
  } else {
    return {};
  }
  if (i + extra >= text.size()) {
    return {};  // the continuation bytes are missing
  }
  for (std::size_t k = 1; k <= extra; ++k) {
    const auto b = static_cast<unsigned char>(text[i + k]);
    if ((b & 0xC0) != 0x80) {
      return {};
    }
    c = (c << 6) | (b & 0x3F);
  }
  return {c, extra + 1};
}

}  // namespace

std::vector<char32_t> decode_utf8(std::string_view text)
{
  std::vector<char32_t> out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const Decoded d = decode_at(text, i);
    out.push_back(d.c);
    i += d.length;
  }
  return out;
}

Script script_of(char32_t c)
{
  if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7)) {
    return Script::latin;
  }
  if (c >= U'0' && c <= U'9') {
    return Script::digit;
  }
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
      (c >= 0x20000 && c <= 0x2FA1F)) {
    return Script::han;
  }
  if ((c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F)) {
    return Script::hangul;
  }
  if (c >= 0x3040 && c <= 0x30FF) {
    return Script::kana;
  }
  if (c >= 0x0400 && c <= 0x04FF) {
    return Script::cyrillic;
  }
  if ((c >= 0x0370 && c <= 0x03FF) || (c >= 0x0590 && c <= 0x06FF) || (c >= 0x0900 && c <= 0x0DFF) ||
      (c >= 0x0E00 && c <= 0x0E7F)) {
    return Script::other_letter;  // Greek (also math symbols), Hebrew, Arabic, Indic, Thai
  }
  return Script::other;
}

void for_each_word(std::string_view text, const std::function<void(const WordSpan&)>& fn)
{
  WordSpan current;
  bool open = false;
  const auto close = [&] {
    if (open) {
      fn(current);
      open = false;
    }
  };
  for (std::size_t i = 0; i < text.size();) {
    const Decoded decoded = decode_at(text, i);
    const char32_t c = decoded.c;
    const std::size_t next = i + decoded.length;
    const Script s = script_of(c);
    if (s == Script::han || s == Script::kana) {
      close();
      fn(WordSpan{s, i, next, 1});
    } else if (s == Script::latin || s == Script::hangul || s == Script::cyrillic || s == Script::other_letter) {
      if (open && current.script != s) {
        close();
      }
      if (!open) {
        current = WordSpan{s, i, i, 0};
        open = true;
      }
      ++current.letters;
      current.end = next;
    } else if (c == U'\'' && open && current.script == Script::latin) {
      ++current.letters;  // an apostrophe inside a Latin word: "let's"
      current.end = next;
    } else {
      close();  // digits, spaces, punctuation end a word
    }
    i = next;
  }
  close();
}

std::vector<Word> words_of(std::string_view text)
{
  std::vector<Word> words;
  for_each_word(text, [&](const WordSpan& span) {
    Word word{span.script, span.begin, span.end, {}};
    for (std::size_t i = span.begin; i < span.end;) {
      const Decoded d = decode_at(text, i);
      word.text.push_back(span.script == Script::latin && d.c >= U'A' && d.c <= U'Z' ? d.c + 32 : d.c);
      i += d.length;
    }
    words.push_back(std::move(word));
  });
  return words;
}

}  // namespace rb::verifiers::behaviour
