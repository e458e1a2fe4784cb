#include "verifiers/behaviour/reflection.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "harness/util/strings.hpp"

namespace rb::verifiers::behaviour {

namespace {

constexpr std::array<std::string_view, 14> k_english{
    "wait",          "let me check",     "let me verify", "let me double-check", "double-check",
    "alternatively", "hmm",              "hold on",       "on second thought",   "let me re-examine",
    "let me recheck", "let me reconsider", "i made a mistake", "that's not right"};
constexpr std::array<std::string_view, 10> k_cjk{
    "等等", "等一下", "让我检查", "让我验证", "再检查", "或者", "嗯", "不对",  // Chinese
    "잠깐", "다시 확인"};                                                        // Korean
constexpr std::array<std::string_view, 3> k_korean_more{"검토해", "아니면", "다시 생각"};

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

}  // namespace

ReflectionCount count_reflections(std::string_view text)
{
  ReflectionCount out;
  const std::string lower = util::to_lower(text);
  // One pass over the word starts, each checked against every marker (markers may overlap:
  // "let me double-check" counts "double-check" too).
  for (std::size_t pos = 0; pos < lower.size(); ++pos) {
    if (pos > 0 && word_char(lower[pos - 1])) {
      continue;
    }
    for (const std::string_view marker : k_english) {
      if (lower[pos] != marker.front() || lower.compare(pos, marker.size(), marker) != 0) {
        continue;
      }
      const std::size_t end = pos + marker.size();
      if (end >= lower.size() || !word_char(lower[end])) {
        ++out.by_marker[std::string(marker)];
        ++out.total;
      }
    }
  }
  if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return out;  // no Chinese or Korean marker can occur
  }
  const auto count_substrings = [&](std::string_view marker) {
    for (std::size_t pos = text.find(marker); pos != std::string_view::npos; pos = text.find(marker, pos + marker.size())) {
      ++out.by_marker[std::string(marker)];
      ++out.total;
    }
  };
  for (const std::string_view marker : k_cjk) {
    count_substrings(marker);
  }
  for (const std::string_view marker : k_korean_more) {
    count_substrings(marker);
  }
  return out;
}

}  // namespace rb::verifiers::behaviour
