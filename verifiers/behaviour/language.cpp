#include "verifiers/behaviour/language.hpp"

#include "verifiers/behaviour/unicode_text.hpp"

namespace rb::verifiers::behaviour {

namespace {
Script script_for(std::string_view target)
{
  if (target == "zh") {
    return Script::han;
  }
  if (target == "ko") {
    return Script::hangul;
  }
  return Script::latin;
}
}  // namespace

bool known_language(std::string_view target)
{
  return target == "en" || target == "zh" || target == "ko";
}

LanguageShares language_shares(std::string_view text, std::string_view target)
{
  const Script wanted = script_for(target);
  LanguageShares shares;
  for_each_word(text, [&](const WordSpan& word) {
    if (word.script == Script::latin && word.begin > 0 && text[word.begin - 1] == '\\') {
      return;  // a LaTeX command, not an English word
    }
    if (word.script == Script::latin && word.letters == 1) {
      return;  // single letters are variables (x, n), not words
    }
    ++shares.words;
    shares.target_words += word.script == wanted ? 1 : 0;
    switch (word.script) {
      case Script::latin: ++shares.latin; break;
      case Script::han: ++shares.han; break;
      case Script::hangul: ++shares.hangul; break;
      default: ++shares.other; break;
    }
  });
  return shares;
}

bool is_mixed(const LanguageShares& shares)
{
  return shares.target_share() < k_mixing_threshold && shares.words - shares.target_words >= k_min_foreign_words;
}

}  // namespace rb::verifiers::behaviour
