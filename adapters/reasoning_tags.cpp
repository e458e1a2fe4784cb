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

ReasoningTags::ReasoningTags() : ReasoningTags(std::vector<TagPair>{}) {}

ReasoningTags::ReasoningTags(std::vector<TagPair> pairs) : m_pairs(pairs.empty() ? defaults() : std::move(pairs))
{
  for (const auto& [open, close] : m_pairs) {
    m_longest = std::max({m_longest, open.size(), close.size()});
  }
}

ReasoningSplit ReasoningTags::split(std::string_view text) const
{
  ReasoningSplit out;
  std::size_t first_open = std::string_view::npos;
  for (const auto& [open, close] : m_pairs) {
    first_open = std::min(first_open, text.find(open));
  }
  for (const auto& [open, close] : m_pairs) {
    const std::size_t c = text.find(close);
    if (c != std::string_view::npos && c < first_open) {
      append_part(out.reasoning, text.substr(0, c));
      text.remove_prefix(c + close.size());
      break;
    }
  }
  while (!text.empty()) {
    std::size_t best = std::string_view::npos;
    const TagPair* pair = nullptr;
    for (const auto& tags : m_pairs) {
      const std::size_t pos = text.find(tags.first);
      if (pos < best) {
        best = pos;
        pair = &tags;
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
