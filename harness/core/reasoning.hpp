#pragma once
// Separates reasoning from the answer in a model's text: the part inside a reasoning tag pair
// (<think>...</think> by default) is reasoning, the rest is the answer. Shared by adapters (which
// store both) and by `reasonbench grade` (whose input may still contain the tags).
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rb {

struct ReasoningSplit {
  std::string reasoning;
  std::string answer;
  bool unclosed = false;  ///< an opening tag without its closing tag: the answer never came
};

/// Tag pairs recognised by default: <think>, <thinking>, <reasoning>, <|begin_of_thought|>.
std::span<const std::pair<std::string_view, std::string_view>> default_reasoning_tags();

/// Splits `text`. Text before the first opening tag and after the last closing tag is answer.
/// A closing tag with no opening tag (templates that put <think> in the prompt) makes everything
/// before it reasoning.
ReasoningSplit split_reasoning(std::string_view text);

/// The same rules over the given tag pairs (a model's configured `reasoning_tags`).
ReasoningSplit split_reasoning(std::string_view text, std::span<const std::pair<std::string_view, std::string_view>> tags);

}  // namespace rb
