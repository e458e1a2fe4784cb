#include "verifiers/puzzles/answer_extract.hpp"

#include <vector>

#include "harness/util/strings.hpp"

namespace rb::verifiers {

namespace {

constexpr std::size_t k_max_answer_chars = 20'000;  // bounded work on runaway answers

/// Trims whitespace, code fences, a leading colon, and markdown bold around the answer
/// ("**(B)**."); a "**" inside stays, since it may be a power the verifier must see.
std::string clean(std::string_view text)
{
  std::string out = util::replace_all(std::string(text), "```", "");
  std::string_view trimmed = util::trim(out);
  while (trimmed.starts_with("**")) {
    trimmed = util::trim(trimmed.substr(2));
  }
  if (const std::size_t bold = trimmed.rfind("**");
      bold != std::string_view::npos && bold > 0 &&
      trimmed.find_first_not_of(".:;!) ", bold + 2) == std::string_view::npos) {
    out = std::string(trimmed.substr(0, bold)) + std::string(trimmed.substr(bold + 2));
  } else {
    out = std::string(trimmed);
  }
  std::string_view view = util::trim(out);
  while (!view.empty() && (view.front() == ':' || view.front() == '`')) {
    view.remove_prefix(1);
    view = util::trim(view);
  }
  while (!view.empty() && view.back() == '`') {
    view.remove_suffix(1);
    view = util::trim(view);
  }
  return std::string(view.substr(0, k_max_answer_chars));
}

std::optional<std::string> last_answer_tag(std::string_view text, const std::string& lower)
{
  std::size_t end = lower.size();
  while (true) {
    const std::size_t open = lower.rfind("<answer>", end);
    if (open == std::string::npos) {
      return std::nullopt;
    }
    const std::size_t start = open + 8;
    const std::size_t close = lower.find("</answer>", start);
    const std::string body =
        clean(text.substr(start, close == std::string::npos ? std::string::npos : close - start));
    if (!body.empty()) {
      return body;
    }
    if (open == 0) {
      return std::nullopt;
    }
    end = open - 1;
  }
}

std::optional<std::string> last_boxed(std::string_view text)
{
  for (std::size_t pos = text.rfind("\\boxed"); pos != std::string_view::npos;
       pos = pos == 0 ? std::string_view::npos : text.rfind("\\boxed", pos - 1)) {
    std::size_t open = pos + 6;
    while (open < text.size() && text[open] == ' ') {
      ++open;
    }
    if (open >= text.size() || text[open] != '{') {
      continue;
    }
    int depth = 0;
    for (std::size_t j = open; j < text.size(); ++j) {
      depth += text[j] == '{' ? 1 : (text[j] == '}' ? -1 : 0);
      if (depth == 0) {
        return clean(text.substr(open + 1, j - open - 1));
      }
    }
  }
  return std::nullopt;
}

std::optional<std::string> after_phrase(std::string_view text, const std::string& lower, AnswerShape shape)
{
  std::size_t best = std::string::npos;
  std::size_t best_len = 0;
  for (const std::string_view phrase : {"answer:", "answer is", "answer would be", "answer will be"}) {
    const std::size_t pos = lower.rfind(phrase);
    if (pos != std::string::npos && (best == std::string::npos || pos > best)) {
      best = pos;
      best_len = phrase.size();
    }
  }
  if (best == std::string::npos) {
    return std::nullopt;
  }
  std::string_view rest = text.substr(best + best_len);
  if (shape == AnswerShape::block) {
    return clean(rest);
  }
  // The rest of the line; when it is empty ("Answer:\n(1+2)*3"), the next non-empty line.
  std::size_t start = 0;
  while (start < rest.size()) {
    const std::size_t end = rest.find('\n', start);
    std::string line =
        clean(rest.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (!line.empty()) {
      return line;
    }
    if (end == std::string_view::npos) {
      break;
    }
    start = end + 1;
  }
  return std::nullopt;
}

std::optional<std::string> fallback(std::string_view text, AnswerShape shape)
{
  std::vector<std::string> lines;
  for (const auto& line : util::split(text, '\n')) {
    lines.push_back(std::string(util::trim(line)));
  }
  while (!lines.empty() && lines.back().empty()) {
    lines.pop_back();
  }
  if (lines.empty()) {
    return std::nullopt;
  }
  if (shape == AnswerShape::line) {
    return clean(lines.back());
  }
  std::size_t first = lines.size();
  while (first > 0 && !lines[first - 1].empty()) {
    --first;
  }
  std::string block;
  for (std::size_t i = first; i < lines.size(); ++i) {
    block += (block.empty() ? "" : "\n") + lines[i];
  }
  return clean(block);
}

}  // namespace

std::optional<AnswerSpan> extract_answer(std::string_view text, AnswerShape shape)
{
  const std::string lower = util::to_lower(text);
  if (auto tag = last_answer_tag(text, lower)) {
    return AnswerSpan{*tag, "answer tag"};
  }
  if (auto boxed = last_boxed(text); boxed && !boxed->empty()) {
    return AnswerSpan{*boxed, "boxed"};
  }
  if (auto phrase = after_phrase(text, lower, shape); phrase && !phrase->empty()) {
    return AnswerSpan{*phrase, "answer phrase"};
  }
  if (auto last = fallback(text, shape); last && !last->empty()) {
    return AnswerSpan{*last,
                      shape == AnswerShape::line ? "last line (fallback)" : "last paragraph (fallback)"};
  }
  return std::nullopt;
}

bool is_fallback(const AnswerSpan& span)
{
  return span.rule.ends_with("(fallback)");
}

}  // namespace rb::verifiers
