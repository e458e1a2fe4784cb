#pragma once
// Language consistency (the R1 report's reward against language mixing): the share of the
// target language's words in a text, at script level (Latin for English, Han for Chinese,
// Hangul for Korean) and word level (each Han character counts as a word, Latin and Hangul
// words are space-delimited runs). Numbers, LaTeX commands and symbols are not words.
#include <string>
#include <string_view>

namespace rb::verifiers::behaviour {

struct LanguageShares {
  std::size_t words = 0;
  std::size_t target_words = 0;
  std::size_t latin = 0;
  std::size_t han = 0;
  std::size_t hangul = 0;
  std::size_t other = 0;   ///< kana, cyrillic, other scripts
  double target_share() const { return words == 0 ? 1.0 : static_cast<double>(target_words) / static_cast<double>(words); }
};

inline constexpr double k_mixing_threshold = 0.95;  ///< below this target share a text is "mixed"
inline constexpr std::size_t k_min_foreign_words = 3;  ///< fewer foreign words never flag mixing

/// `target`: "en", "zh" or "ko". LaTeX command names (\frac, \sqrt...) are skipped, so math in
/// an English or Chinese text does not count as English words.
LanguageShares language_shares(std::string_view text, std::string_view target);

/// True when `target` is a language these checks know.
bool known_language(std::string_view target);

/// Mixed: the target share is below k_mixing_threshold and at least k_min_foreign_words words
/// are in another script.
bool is_mixed(const LanguageShares& shares);

}  // namespace rb::verifiers::behaviour
