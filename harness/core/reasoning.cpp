#include "harness/core/reasoning.hpp"

#include <array>

#include "harness/util/strings.hpp"

namespace rb {

namespace {
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> k_tags{{
    {"<think>", "</think>"},
    {"<thinking>", "</thinking>"},
    {"<reasoning>", "</reasoning>"},
    {"<|begin_of_thought|>", "<|end_of_thought|>"},
}};

void append_part(std::string& to, std::string_view part)
{
  part = util::trim(part);
  if (part.empty()) {
    return;
  }
  if (!to.empty()) {
    to += "\n";
  }
  to += part;
}
}  // namespace

std::span<const std::pair<std::string_view, std::string_view>> default_reasoning_tags()
{
  return k_tags;
}

ReasoningSplit split_reasoning(std::string_view text)
{
  return split_reasoning(text, k_tags);
}

ReasoningSplit split_reasoning(std::string_view text, std::span<const std::pair<std::string_view, std::string_view>> tags)
{
  ReasoningSplit out;
  // A closing tag before any opening tag: the template opened the block in the prompt.
  std::size_t first_open = std::string_view::npos;
  for (const auto& [open, close] : tags) {
    first_open = std::min(first_open, text.find(open));
  }
  for (const auto& [open, close] : tags) {
    const std::size_t c = text.find(close);
    if (c != std::string_view::npos && c < first_open) {
      append_part(out.reasoning, text.substr(0, c));
      text.remove_prefix(c + close.size());
      break;
    }
  }
  while (!text.empty()) {
    std::size_t best = std::string_view::npos;
    const std::pair<std::string_view, std::string_view>* pair = nullptr;
    for (const auto& candidate : tags) {
      const std::size_t pos = text.find(candidate.first);
      if (pos < best) {
        best = pos;
        pair = &candidate;
      }
    }
    if (pair == nullptr) {
      append_part(out.answer, text);
      break;
    }
    append_part(out.answer, text.substr(0, best));
    text.remove_prefix(best + pair->first.size());
    const std::size_t end = text.find(pair->second);
    if (end == std::string_view::npos) {
      append_part(out.reasoning, text);
      out.unclosed = true;
      break;
    }
    append_part(out.reasoning, text.substr(0, end));
    text.remove_prefix(end + pair->second.size());
  }
  return out;
}

}  // namespace rb
