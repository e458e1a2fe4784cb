#pragma once
// Degenerate repetition: the share of repeated word n-grams in a text, and loop detection (the
// text ends in the same run of words repeated several times: the model got stuck).
#include <cstddef>
#include <string_view>

namespace rb::verifiers::behaviour {

inline constexpr std::size_t k_repetition_ngram = 4;
inline constexpr std::size_t k_loop_min_repeats = 3;   ///< a tail must repeat at least this often
inline constexpr std::size_t k_loop_max_period = 200;  ///< longest repeated run considered, in words
inline constexpr std::size_t k_loop_min_words = 12;    ///< shortest looping tail, in words

struct Repetition {
  std::size_t ngrams = 0;
  double repeated_ngram_ratio = 0;  ///< 1 - distinct/total word 4-grams; 0 for short texts
  bool loop = false;                ///< the text ends in a repeated run of words
  std::size_t loop_period = 0;      ///< words in the repeated run
  std::size_t loop_repeats = 0;
};

Repetition measure_repetition(std::string_view text);

}  // namespace rb::verifiers::behaviour
