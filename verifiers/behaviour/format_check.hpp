#pragma once
// The format reward of the R1 report and the truncation checks: exactly one reasoning block,
// closed, before the answer; the answer in the form the suite asks for; and whether the
// response was cut (finish_reason "length", reasoning never closed, no answer after it).
#include <string>
#include <string_view>

namespace rb::verifiers::behaviour {

struct FormatCheck {
  int reasoning_blocks = 0;        ///< <think> blocks in the content (0 when the reasoning came in a field)
  bool reasoning_in_field = false; ///< the server returned the reasoning separately
  bool reasoning_closed = true;
  bool reasoning_first = true;     ///< nothing but whitespace before the reasoning block
  bool answer_present = false;     ///< non-empty text after the reasoning
  bool answer_format_ok = false;   ///< the answer has the form the suite asks for
  bool truncated_length = false;   ///< finish_reason "length"
  bool format_ok() const
  {
    return (reasoning_in_field || (reasoning_blocks == 1 && reasoning_closed && reasoning_first)) && answer_present &&
           answer_format_ok;
  }
};

/// `content`: the model's whole text output (tags included) when the reasoning was inline;
/// `reasoning_field`: the separate reasoning, if any; `answer`: the answer part; `answer_form`:
/// "boxed" (\boxed{}), "answer_tag" (<answer>...</answer>), "code" (a fenced block) or "" (any
/// non-empty answer).
FormatCheck check_format(std::string_view content, std::string_view reasoning_field, std::string_view answer,
                         std::string_view finish_reason, std::string_view answer_form);

}  // namespace rb::verifiers::behaviour
