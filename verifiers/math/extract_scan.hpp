#pragma once
// Character-level scanning shared by the extraction rules: case-insensitive search, math spans,
// standalone numbers, sentence ends. Linear time, no allocation beyond the results. Internal.
#include <cstddef>
#include <string_view>
#include <vector>

namespace rb::verifiers::math {

/// Position of `needle` (lower-case ASCII) in `text` at or after `from`, ignoring case; npos if none.
std::size_t find_ci(std::string_view text, std::string_view needle, std::size_t from = 0);

/// The index just past the brace matching the '{' at `open` (escaped \{ \} ignored), or npos.
std::size_t matching_brace(std::string_view text, std::size_t open);

struct Span {
  std::size_t begin = 0;  ///< of the opening delimiter
  std::size_t end = 0;    ///< past the closing delimiter
  std::string_view content;
};

/// $...$, $$...$$, \(...\) and \[...\] spans, in order; "\$" is not a delimiter.
std::vector<Span> math_spans(std::string_view text);

/// Numbers standing alone in prose ("12", "-3.5", "1,000", "2/3", "50%", "1.6e-19"): not inside
/// a word ("x2", "a_1") and not a power's base or exponent. Ranges [begin, end).
std::vector<Span> standalone_numbers(std::string_view text);

/// Where the sentence that starts at `from` ends: a full stop, "!" or "?" followed by a space
/// or the end (not inside math, not a decimal point), or a line break after some content.
std::size_t sentence_end(std::string_view text, std::size_t from, std::size_t max_chars);

/// True when the words just before `pos` negate what follows ("not 5", "isn't 5", "\neq 5").
bool negated_before(std::string_view text, std::size_t pos);

}  // namespace rb::verifiers::math
