#include "adapters/sim/sim_text.hpp"

#include <array>
#include <cctype>

#include "harness/util/strings.hpp"

namespace rb::sim::detail {

namespace {

constexpr std::array<std::string_view, 36> k_vocabulary = {
    "the",   "we",       "so",   "then",  "consider", "term",     "value",      "sum",        "each",
    "case",  "check",    "this", "that",  "gives",    "equation", "side",       "both",       "factor",
    "step",  "simplify", "note", "since", "which",    "means",    "result",     "expression", "compute",
    "solve", "for",      "and",  "of",    "is",       "into",     "substitute", "first",      "condition",
};

constexpr std::array<std::string_view, 3> k_reflections = {"Wait, let me check.", "Hmm,", "Alternatively,"};
constexpr std::string_view k_closing = "So the final answer is";
constexpr std::string_view k_no_answer = "I am not able to determine the final answer with confidence.";
constexpr std::array<std::string_view, 8> k_text_alternatives = {"A", "B",    "C",   "D",
                                                                 "E", "none", "yes", "no"};
constexpr std::size_t k_max_exact_digits = 18;

/// Splits at whitespace; each word after the first keeps the whitespace before it.
std::vector<std::string> split_keeping_space(std::string_view text)
{
  const auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t start = i;
    while (i < text.size() && is_space(text[i])) {
      ++i;
    }
    if (i == text.size()) {
      break;
    }
    if (words.empty()) {
      start = i;
    }
    while (i < text.size() && !is_space(text[i])) {
      ++i;
    }
    words.emplace_back(text.substr(start, i - start));
  }
  return words;
}

void append_filler(std::vector<std::string>& words, std::int64_t count, util::SplitMix64& rng)
{
  for (std::int64_t i = 0; i < count; ++i) {
    words.emplace_back(k_vocabulary[rng.below(k_vocabulary.size())]);
  }
}

}  // namespace

std::vector<std::string> reasoning_words(std::int64_t count, util::SplitMix64& rng, int reflection_one_in)
{
  std::vector<std::string> words;
  words.reserve(static_cast<std::size_t>(count));
  while (static_cast<std::int64_t>(words.size()) < count) {
    if (reflection_one_in > 0 && !words.empty() && rng.below(static_cast<std::uint64_t>(reflection_one_in)) == 0) {
      const auto phrase = util::split(k_reflections[rng.below(k_reflections.size())], ' ');
      if (static_cast<std::int64_t>(words.size() + phrase.size()) <= count) {
        words.insert(words.end(), phrase.begin(), phrase.end());
        continue;
      }
    }
    append_filler(words, 1, rng);
  }
  return words;
}

std::vector<std::string> answer_words(std::string_view reference, std::int64_t count, util::SplitMix64& rng)
{
  const auto closing = split_keeping_space(k_closing);
  auto answer = split_keeping_space(util::trim(reference));
  if (answer.empty()) {
    answer.emplace_back(k_no_oracle_answer);
  }
  const std::int64_t fixed = static_cast<std::int64_t>(closing.size() + answer.size());
  std::vector<std::string> words;
  append_filler(words, std::max<std::int64_t>(0, count - fixed), rng);
  if (!words.empty()) {
    words.front()[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(words.front()[0])));
    words.back() += ".";
  }
  words.insert(words.end(), closing.begin(), closing.end());
  words.insert(words.end(), answer.begin(), answer.end());
  return words;
}

std::vector<std::string> no_answer_words(std::int64_t count, util::SplitMix64& rng)
{
  auto words = split_keeping_space(k_no_answer);
  if (static_cast<std::int64_t>(words.size()) > count) {
    words.resize(static_cast<std::size_t>(count));
    return words;
  }
  append_filler(words, count - static_cast<std::int64_t>(words.size()), rng);
  return words;
}

std::string wrong_answer(std::string_view reference, util::SplitMix64& rng)
{
  std::string text(reference);
  const std::size_t last_digit = text.find_last_of("0123456789");
  if (last_digit != std::string::npos) {
    const std::size_t end = last_digit + 1;
    std::size_t begin = last_digit;
    while (begin > 0 && std::isdigit(static_cast<unsigned char>(text[begin - 1])) != 0) {
      --begin;
    }
    const auto delta = static_cast<long long>(rng.range(1, 9));
    if (end - begin > k_max_exact_digits) {  // too long for an integer: change the last digit
      text[last_digit] = static_cast<char>('0' + (text[last_digit] - '0' + delta) % 10);
      return text;
    }
    long long value = *util::parse_int(text.substr(begin, end - begin));
    const bool down = (rng.next() & 1U) != 0 && value >= delta;
    value = down ? value - delta : value + delta;
    return text.replace(begin, end - begin, std::to_string(value));
  }
  // No integer: a different text answer, inside the last \boxed{...} when there is one.
  std::size_t inner_begin = 0;
  std::size_t inner_end = text.size();
  if (const std::size_t box = text.rfind("\\boxed{"); box != std::string::npos) {
    const std::size_t close = text.find('}', box);
    if (close != std::string::npos) {
      inner_begin = box + 7;
      inner_end = close;
    }
  }
  const std::string inner = text.substr(inner_begin, inner_end - inner_begin);
  std::size_t pick = rng.below(k_text_alternatives.size());
  if (util::trim(inner) == k_text_alternatives[pick]) {
    pick = (pick + 1) % k_text_alternatives.size();
  }
  return text.replace(inner_begin, inner_end - inner_begin, k_text_alternatives[pick]);
}

}  // namespace rb::sim::detail
