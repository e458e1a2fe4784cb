#include "verifiers/math/extract_scan.hpp"

#include <cctype>
#include <string>

namespace rb::verifiers::math {

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }
bool letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

}  // namespace

std::size_t find_ci(std::string_view text, std::string_view needle, std::size_t from)
{
  if (needle.empty() || text.size() < needle.size()) {
    return std::string_view::npos;
  }
  const char first = needle[0];
  const char first_upper = static_cast<char>(std::toupper(static_cast<unsigned char>(first)));
  for (std::size_t i = from; i + needle.size() <= text.size(); ++i) {
    if (text[i] != first && text[i] != first_upper) {
      continue;
    }
    std::size_t k = 1;
    while (k < needle.size() && lower(text[i + k]) == needle[k]) {
      ++k;
    }
    if (k == needle.size()) {
      return i;
    }
  }
  return std::string_view::npos;
}

std::size_t matching_brace(std::string_view text, std::size_t open)
{
  int depth = 0;
  for (std::size_t j = open; j < text.size(); ++j) {
    const char c = text[j];
    if (c == '\\' && j + 1 < text.size()) {
      ++j;
      continue;
    }
    if (c == '{') {
      ++depth;
    } else if (c == '}' && --depth == 0) {
      return j + 1;
    }
  }
  return std::string_view::npos;
}

std::vector<Span> math_spans(std::string_view text)
{
  std::vector<Span> spans;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\\' && i + 1 < text.size() && (text[i + 1] == '(' || text[i + 1] == '[')) {
      const std::string_view close = text[i + 1] == '(' ? "\\)" : "\\]";
      const std::size_t end = text.find(close, i + 2);
      if (end == std::string_view::npos) {
        break;
      }
      spans.push_back(Span{i, end + 2, text.substr(i + 2, end - i - 2)});
      i = end + 2;
      continue;
    }
    if (c == '\\') {
      i += 2;  // "\$" and other escapes
      continue;
    }
    if (c == '$') {
      const bool display = i + 1 < text.size() && text[i + 1] == '$';
      const std::size_t open = i + (display ? 2 : 1);
      std::size_t j = open;
      while (j < text.size()) {
        if (text[j] == '\\') {
          j += 2;
          continue;
        }
        if (text[j] == '$') {
          break;
        }
        ++j;
      }
      if (j >= text.size()) {
        break;
      }
      const std::size_t close_len = display && j + 1 < text.size() && text[j + 1] == '$' ? 2 : 1;
      spans.push_back(Span{i, j + close_len, text.substr(open, j - open)});
      i = j + close_len;
      continue;
    }
    ++i;
  }
  return spans;
}

std::vector<Span> standalone_numbers(std::string_view t)
{
  std::vector<Span> out;
  std::size_t i = 0;
  while (i < t.size()) {
    const bool starts = digit(t[i]) || (t[i] == '.' && i + 1 < t.size() && digit(t[i + 1]));
    if (!starts) {
      ++i;
      continue;
    }
    std::size_t begin = i;
    if (begin > 0 && t[begin - 1] == '-' && (begin < 2 || !std::isalnum(static_cast<unsigned char>(t[begin - 2])))) {
      --begin;
    }
    std::size_t j = i;
    while (j < t.size() && (digit(t[j]) || (t[j] == ',' && j + 3 < t.size() && digit(t[j + 1]) && digit(t[j + 2]) &&
                                             digit(t[j + 3]) && (j + 4 >= t.size() || !digit(t[j + 4]))))) {
      j += t[j] == ',' ? 4 : 1;
    }
    if (j + 1 < t.size() && t[j] == '.' && digit(t[j + 1])) {
      ++j;
      while (j < t.size() && digit(t[j])) {
        ++j;
      }
    }
    if (j + 1 < t.size() && (t[j] == 'e' || t[j] == 'E') &&
        (digit(t[j + 1]) || ((t[j + 1] == '-' || t[j + 1] == '+') && j + 2 < t.size() && digit(t[j + 2])))) {
      j += 2;
      while (j < t.size() && digit(t[j])) {
        ++j;
      }
    }
    if (j + 1 < t.size() && t[j] == '/' && digit(t[j + 1])) {
      ++j;
      while (j < t.size() && digit(t[j])) {
        ++j;
      }
    }
    if (j < t.size() && t[j] == '%') {
      ++j;
    }
    const char before = i > 0 ? t[i - 1] : ' ';
    const char after = j < t.size() ? t[j] : ' ';
    const bool inside_word = letter(before) || before == '_' || before == '^' || before == '{' || before == '\\' ||
                             before == '.' || digit(before);
    const bool power_base = after == '^' || after == '_';
    if (!inside_word && !power_base) {
      out.push_back(Span{begin, j, t.substr(begin, j - begin)});
    }
    i = j > i ? j : i + 1;
  }
  return out;
}

std::size_t sentence_end(std::string_view text, std::size_t from, std::size_t max_chars)
{
  const std::size_t limit = std::min(text.size(), from + max_chars);
  bool content = false;
  bool in_math = false;
  for (std::size_t i = from; i < limit; ++i) {
    const char c = text[i];
    if (c == '\\' && i + 1 < limit) {
      if (text[i + 1] == '(' || text[i + 1] == '[') {
        in_math = true;
      } else if (text[i + 1] == ')' || text[i + 1] == ']') {
        in_math = false;
      }
      ++i;
      content = true;
      continue;
    }
    if (c == '$') {
      in_math = !in_math;
      content = true;
      continue;
    }
    if (c == '\n') {
      if (content && !in_math) {
        return i;
      }
      continue;
    }
    if (in_math) {
      continue;
    }
    if ((c == '.' || c == '!' || c == '?') && (i + 1 >= text.size() || text[i + 1] == ' ' || text[i + 1] == '\n')) {
      if (content && !(c == '.' && i > from && digit(text[i - 1]) && i + 1 < text.size() && digit(text[i + 1]))) {
        return i;
      }
    }
    if (c != ' ' && c != ':' && c != '*') {
      content = true;
    }
  }
  return limit;
}

bool negated_before(std::string_view text, std::size_t pos)
{
  std::size_t start = pos > 12 ? pos - 12 : 0;
  std::string before;
  for (std::size_t i = start; i < pos; ++i) {
    before += lower(text[i]);
  }
  while (!before.empty() && (before.back() == ' ' || before.back() == '$' || before.back() == '(')) {
    before.pop_back();
  }
  return before.ends_with("not") || before.ends_with("n't") || before.ends_with("\\neq") ||
         before.ends_with("\\ne") || before.ends_with("never") || before.ends_with("instead of") ||
         before.ends_with("rather than");
}

}  // namespace rb::verifiers::math
