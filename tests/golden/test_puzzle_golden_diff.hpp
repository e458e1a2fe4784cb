#pragma once
// The first line where a golden fixture and a new dump differ, for a short failure message.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace rb::test {

/// "line 42: expected '...' but got '...'", or "identical" when equal.
inline std::string first_difference(std::string_view expected, std::string_view actual)
{
  std::size_t line = 1;
  std::size_t e = 0;
  std::size_t a = 0;
  while (e < expected.size() || a < actual.size()) {
    const std::size_t e_end = std::min(expected.find('\n', e), expected.size());
    const std::size_t a_end = std::min(actual.find('\n', a), actual.size());
    const std::string_view e_line = e < expected.size() ? expected.substr(e, e_end - e) : "<end of text>";
    const std::string_view a_line = a < actual.size() ? actual.substr(a, a_end - a) : "<end of text>";
    if (e_line != a_line) {
      return "line " + std::to_string(line) + ": expected '" + std::string(e_line) + "' but got '" +
             std::string(a_line) + "'";
    }
    e = e_end + 1;
    a = a_end + 1;
    ++line;
  }
  return "identical";
}

}  // namespace rb::test
