#pragma once
// UTF-8 decoding and the script of a code point, for language-consistency and word counting.
// Invalid bytes decode as U+FFFD and never stop the scan (model output is not trusted).
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace rb::verifiers::behaviour {

enum class Script { latin, han, hangul, kana, cyrillic, other_letter, digit, other };

/// Decodes `text` into code points (invalid sequences become U+FFFD).
std::vector<char32_t> decode_utf8(std::string_view text);

Script script_of(char32_t c);

/// A word of text: a run of letters of one script (Latin, Cyrillic words; Hangul eojeol), or a
/// single Han or Kana character (those languages do not separate words with spaces).
struct Word {
  Script script = Script::other;
  std::size_t begin = 0;  ///< byte offset in the text
  std::size_t end = 0;
  std::u32string text;    ///< lower-cased for Latin
};

/// The words of `text`, in order. Digits and punctuation are not words.
std::vector<Word> words_of(std::string_view text);

/// A word without its text: what language_shares needs, with no allocation per word.
struct WordSpan {
  Script script = Script::other;
  std::size_t begin = 0;    ///< byte offset in the text
  std::size_t end = 0;
  std::size_t letters = 0;  ///< code points (apostrophes included)
};

/// Calls `fn` for each word of `text`, in order, as words_of finds them.
void for_each_word(std::string_view text, const std::function<void(const WordSpan&)>& fn);

}  // namespace rb::verifiers::behaviour
