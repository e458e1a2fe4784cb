#include "adapters/reasoning_tags.hpp"

#include <algorithm>

#include "harness/util/strings.hpp"

namespace rb::adapters {

namespace {

std::vector<TagPair> defaults()
{
  std::vector<TagPair> pairs;
  for (const auto& [open, close] : default_reasoning_tags()) {
    pairs.emplace_back(open, close);
  }
  return pairs;
}

}  // namespace

ReasoningTags::ReasoningTags() : ReasoningTags(std::vector<TagPair>{}) {}

ReasoningTags::ReasoningTags(std::vector<TagPair> pairs) : m_pairs(pairs.empty() ? defaults() : std::move(pairs))
{
  for (const auto& [open, close] : m_pairs) {
    m_longest = std::max({m_longest, open.size(), close.size()});
  }
}

ReasoningSplit ReasoningTags::split(std::string_view text) const
{
  std::vector<std::pair<std::string_view, std::string_view>> views;
  views.reserve(m_pairs.size());
  for (const auto& [open, close] : m_pairs) {
    views.emplace_back(open, close);
  }
  return split_reasoning(text, views);
}

bool ReasoningTags::may_open(std::string_view rest) const
{
  for (const auto& [open, close] : m_pairs) {
    if (rest.starts_with(open) || std::string_view(open).starts_with(rest)) {
      return true;
    }
  }
  return false;
}

std::size_t ReasoningTags::end_of_last_close(std::string_view text, std::size_t from) const
{
  // Forward find (memchr for the first byte, then one compare) beats rfind, which compares at
  // every position: this runs on every streamed chunk.
  std::size_t best = std::string_view::npos;
  const std::string_view window = text.substr(std::min(from, text.size()));
  for (const auto& [open, close] : m_pairs) {
    for (std::size_t pos = window.find(close); pos != std::string_view::npos; pos = window.find(close, pos + 1)) {
      const std::size_t end = from + pos + close.size();
      best = best == std::string_view::npos ? end : std::max(best, end);
    }
  }
  return best;
}

void AnswerTimer::on_text(std::string_view text, std::size_t old_size, double elapsed_ms)
{
  const std::size_t overlap = m_tags->longest();
  const std::size_t scan_from = old_size > overlap ? old_size - overlap : 0;
  const std::size_t end = m_tags->end_of_last_close(text, scan_from);
  if (end != std::string_view::npos && end > m_answer_from) {
    m_answer_from = end;
    m_first_answer_ms = -1;  // what looked like answer was reasoning
  }
  if (m_first_answer_ms >= 0) {
    return;
  }
  const std::string_view rest = util::trim(text.substr(std::min(m_answer_from, text.size())));
  if (!rest.empty() && !m_tags->may_open(rest)) {
    m_first_answer_ms = elapsed_ms;
  }
}

}  // namespace rb::adapters
