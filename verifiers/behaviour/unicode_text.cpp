#include "verifiers/behaviour/unicode_text.hpp"

namespace rb::verifiers::behaviour {

std::vector<char32_t> decode_utf8(std::string_view text)
{
  std::vector<char32_t> out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    int extra = 0;
    char32_t c = 0;
    if (b0 < 0x80) {
      c = b0;
    } else if ((b0 & 0xE0) == 0xC0) {
      extra = 1;
      c = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
      extra = 2;
      c = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
      extra = 3;
      c = b0 & 0x07;
    } else {
      out.push_back(U'\uFFFD');
      ++i;
      continue;
    }
    bool valid = i + static_cast<std::size_t>(extra) < text.size();  // the continuation bytes exist
    for (int k = 1; valid && k <= extra; ++k) {
      const auto b = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
      if ((b & 0xC0) != 0x80) {
        valid = false;
      } else {
        c = (c << 6) | (b & 0x3F);
      }
    }
    if (!valid) {
      out.push_back(U'\uFFFD');
      ++i;
      continue;
    }
    out.push_back(c);
    i += static_cast<std::size_t>(extra) + 1;
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

std::vector<Word> words_of(std::string_view text)
{
  std::vector<Word> words;
  std::size_t i = 0;
  Word current;
  bool open = false;
  const auto close = [&] {
    if (open) {
      words.push_back(std::move(current));
      current = Word{};
      open = false;
    }
  };
  while (i < text.size()) {
    // Decode one code point at byte offset i.
    const auto b0 = static_cast<unsigned char>(text[i]);
    const std::size_t length = b0 < 0x80 ? 1 : (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : (b0 & 0xF8) == 0xF0 ? 4 : 1;
    const auto decoded = decode_utf8(text.substr(i, std::min(length, text.size() - i)));
    const char32_t c = decoded.empty() ? U'\uFFFD' : decoded.front();
    const std::size_t next = i + (decoded.size() == 1 ? std::min(length, text.size() - i) : 1);
    const Script s = script_of(c);
    if (s == Script::han || s == Script::kana) {
      close();
      words.push_back(Word{s, i, next, std::u32string(1, c)});
    } else if (s == Script::latin || s == Script::hangul || s == Script::cyrillic || s == Script::other_letter) {
      if (open && current.script != s) {
        close();
      }
      if (!open) {
        current.script = s;
        current.begin = i;
        open = true;
      }
      current.text.push_back(s == Script::latin && c >= U'A' && c <= U'Z' ? c + 32 : c);
      current.end = next;
    } else if (c == U'\'' && open && current.script == Script::latin) {
      current.text.push_back(c);  // an apostrophe inside a Latin word: "let's"
      current.end = next;
    } else {
      close();  // digits, spaces, punctuation end a word
    }
    i = next;
  }
  close();
  return words;
}

}  // namespace rb::verifiers::behaviour
