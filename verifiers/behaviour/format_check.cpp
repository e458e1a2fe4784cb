#include "verifiers/behaviour/format_check.hpp"

#include "harness/util/strings.hpp"

namespace rb::verifiers::behaviour {

namespace {
int count(std::string_view text, std::string_view needle)
{
  int n = 0;
  for (std::size_t pos = text.find(needle); pos != std::string_view::npos; pos = text.find(needle, pos + needle.size())) {
    ++n;
  }
  return n;
}
}  // namespace

FormatCheck check_format(std::string_view content, std::string_view reasoning_field, std::string_view answer,
                         std::string_view finish_reason, std::string_view answer_form)
{
  FormatCheck out;
  out.truncated_length = finish_reason == "length";
  out.reasoning_in_field = !util::trim(reasoning_field).empty() && content.find("<think>") == std::string_view::npos;
  const int opens = count(content, "<think>");
  const int closes = count(content, "</think>");
  // A lone "</think>" is a block the chat template opened in the prompt (R1-distill templates).
  out.reasoning_blocks = std::max(opens, closes);
  out.reasoning_closed = opens == 0 ? true : closes == opens;
  out.reasoning_first = opens == 0 || util::trim(content.substr(0, content.find("<think>"))).empty();
  const std::string_view trimmed = util::trim(answer);
  out.answer_present = !trimmed.empty();
  if (answer_form == "boxed") {
    out.answer_format_ok = trimmed.find("\\boxed{") != std::string_view::npos;
  } else if (answer_form == "answer_tag") {
    out.answer_format_ok = trimmed.find("<answer>") != std::string_view::npos &&
                           trimmed.find("</answer>") != std::string_view::npos;
  } else if (answer_form == "code") {
    out.answer_format_ok = trimmed.find("```") != std::string_view::npos;
  } else {
    out.answer_format_ok = out.answer_present;
  }
  return out;
}

}  // namespace rb::verifiers::behaviour
