#include "verifiers/behaviour/repetition.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>


namespace rb::verifiers::behaviour {

namespace {

/// Whitespace-separated words as hashes (equal words, equal hashes), numbers included, so
/// "1 2 1 2 ..." loops too.
std::vector<std::size_t> word_ids(std::string_view text)
{
  std::vector<std::size_t> ids;
  std::size_t start = std::string_view::npos;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const bool space = i == text.size() || std::isspace(static_cast<unsigned char>(text[i])) != 0;
    if (space && start != std::string_view::npos) {
      ids.push_back(std::hash<std::string_view>{}(text.substr(start, i - start)));
      start = std::string_view::npos;
    } else if (!space && start == std::string_view::npos) {
      start = i;
    }
  }
  return ids;
}

}  // namespace

Repetition measure_repetition(std::string_view text)
{
  Repetition out;
  const std::vector<std::size_t> ids = word_ids(text);
  if (ids.size() >= k_repetition_ngram) {
    out.ngrams = ids.size() - k_repetition_ngram + 1;
    std::vector<std::size_t> grams(out.ngrams);  // sorted, not a hash set: no allocation per n-gram
    for (std::size_t i = 0; i < out.ngrams; ++i) {
      std::size_t h = 1469598103934665603ULL;
      for (std::size_t k = 0; k < k_repetition_ngram; ++k) {
        h = (h ^ ids[i + k]) * 1099511628211ULL;
      }
      grams[i] = h;
    }
    std::sort(grams.begin(), grams.end());
    const auto distinct = static_cast<std::size_t>(std::unique(grams.begin(), grams.end()) - grams.begin());
    out.repeated_ngram_ratio = 1.0 - static_cast<double>(distinct) / static_cast<double>(out.ngrams);
  }
  // Loop: the last `repeats * period` words have period `period`.
  const std::size_t n = ids.size();
  for (std::size_t period = 1; period <= k_loop_max_period && period * k_loop_min_repeats <= n; ++period) {
    std::size_t run = period;  // words at the end that follow the period
    while (run < n && ids[n - 1 - run] == ids[n - 1 - run + period]) {
      ++run;
    }
    const std::size_t repeats = run / period;
    if (repeats >= k_loop_min_repeats && run >= k_loop_min_words) {
      out.loop = true;
      out.loop_period = period;
      out.loop_repeats = repeats;
      break;
    }
  }
  return out;
}

}  // namespace rb::verifiers::behaviour
