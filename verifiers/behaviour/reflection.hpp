#pragma once
// Self-reflection and self-verification markers ("wait", "let me check", "alternatively",
// "hmm" and their Chinese and Korean equivalents): the "aha moment" of R1-Zero, counted per
// 1,000 tokens so long and short reasoning compare.
#include <cstddef>
#include <map>
#include <string>
#include <string_view>

namespace rb::verifiers::behaviour {

struct ReflectionCount {
  std::size_t total = 0;
  std::map<std::string, std::size_t> by_marker;  ///< the markers that occurred
};

/// Counts markers in `text`. English markers match case-insensitively at word boundaries
/// ("Wait," counts, "awaiting" does not); Chinese and Korean markers match as substrings.
ReflectionCount count_reflections(std::string_view text);

}  // namespace rb::verifiers::behaviour
