#include "verifiers/behaviour/reflection.hpp"

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
  for (const std::string_view marker : k_english) {
    for (std::size_t pos = lower.find(marker); pos != std::string::npos; pos = lower.find(marker, pos + 1)) {
      const bool start_ok = pos == 0 || !word_char(lower[pos - 1]);
      const std::size_t end = pos + marker.size();
      const bool end_ok = end >= lower.size() || !word_char(lower[end]);
      if (start_ok && end_ok) {
        ++out.by_marker[std::string(marker)];
        ++out.total;
      }
    }
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
