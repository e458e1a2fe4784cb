#pragma once
// Reasoning tag pairs (<think>...</think>, <|begin_of_thought|>...<|end_of_thought|>, ...) with
// which models mark reasoning inside their text, configurable per model (`reasoning_tags`).
// Splits a text into reasoning and answer with the same rules as rb::split_reasoning (which
// knows only the default pairs), and tells streams where the answer starts.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "harness/core/reasoning.hpp"

namespace rb::adapters {

using TagPair = std::pair<std::string, std::string>;  ///< (open, close)

class ReasoningTags {
 public:
  /// The default pairs (rb::default_reasoning_tags()).
  ReasoningTags();
  /// `pairs`, or the defaults when empty.
  explicit ReasoningTags(std::vector<TagPair> pairs);

  /// Text before the first opening tag and after the last closing tag is answer; a closing tag
  /// with no opening tag before it (a template that opened the block in the prompt) makes
  /// everything before it reasoning; an opening tag never closed sets `unclosed`.
  ReasoningSplit split(std::string_view text) const;

  /// True when `rest` starts with an opening tag or is the beginning of one (more may come).
  bool may_open(std::string_view rest) const;

  /// The offset just past the last closing tag that ends inside `text[from..]`, or npos.
  std::size_t end_of_last_close(std::string_view text, std::size_t from) const;

  std::size_t longest() const { return m_longest; }
  const std::vector<TagPair>& pairs() const { return m_pairs; }

 private:
  std::vector<TagPair> m_pairs;
  std::size_t m_longest = 0;
};

/// Times the first answer token of a streamed text whose reasoning may sit in tags: the first
/// non-blank text after the last closing tag that is not the start of an opening tag. A closing
/// tag arriving later (the template opened the block in the prompt) restarts the clock.
class AnswerTimer {
 public:
  explicit AnswerTimer(const ReasoningTags* tags) : m_tags(tags) {}

  /// `text` is the whole text so far; the newest delta starts at `old_size`.
  void on_text(std::string_view text, std::size_t old_size, double elapsed_ms);
  double first_answer_ms() const { return m_first_answer_ms; }  ///< -1: no answer yet

 private:
  const ReasoningTags* m_tags;   ///< outlives the timer
  std::size_t m_answer_from = 0;  ///< offset after the last closing tag
  double m_first_answer_ms = -1;
};

}  // namespace rb::adapters
