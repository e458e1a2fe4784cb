#pragma once
// Finding the final answer in a model's text, in the formats models use, in this order:
// the last non-empty <answer>...</answer> (TinyZero / Logic-RL; an unclosed last tag runs to the
// end), the last \boxed{...}, the text after the last "answer:" / "answer is", and as a fallback
// the last line (one-line answers) or the last paragraph (grids and lists).
#include <optional>
#include <string>
#include <string_view>

namespace rb::verifiers {

enum class AnswerShape {
  line,   ///< an expression, a word, a path: the phrase rule takes the rest of its line
  block,  ///< a grid or a list over several lines: the phrase rule takes the rest of the text
};

struct AnswerSpan {
  std::string text;  ///< trimmed, markdown emphasis and code fences removed
  std::string
      rule;  ///< "answer tag", "boxed", "answer phrase", "last line (fallback)", "last paragraph (fallback)"
};

/// Nothing when `text` has no non-blank content.
std::optional<AnswerSpan> extract_answer(std::string_view text, AnswerShape shape);

/// True for the fallback rules (the model did not mark its answer).
bool is_fallback(const AnswerSpan& span);

}  // namespace rb::verifiers
