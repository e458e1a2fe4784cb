#include "verifiers/code/tokens.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <vector>

#include "harness/util/strings.hpp"

namespace rb::verifiers::code {

namespace {

std::vector<std::string_view> tokens_of(std::string_view text)
{
  std::vector<std::string_view> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])) != 0) {
      ++i;
    }
    const std::size_t start = i;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])) == 0) {
      ++i;
    }
    if (i > start) {
      tokens.push_back(text.substr(start, i - start));
    }
  }
  return tokens;
}

/// A plain decimal number ("12", "0.5", "-1e-3"; not "inf" or hex); `fractional` when it has a
/// point or an exponent.
bool decimal(std::string_view token, double& value, bool& fractional)
{
  if (token.empty() || token.size() > 64) {
    return false;
  }
  fractional = token.find_first_of(".eE") != std::string_view::npos;
  for (const char c : token) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0 && std::string_view("+-.eE").find(c) == std::string_view::npos) {
      return false;
    }
  }
  const std::string text(token);
  char* end = nullptr;
  value = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size() && std::isfinite(value);
}

bool same_ignoring_case(std::string_view a, std::string_view b)
{
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

TokenComparison compare_tokens(std::string_view actual, std::string_view expected, bool case_insensitive)
{
  const auto a = tokens_of(actual);
  const auto e = tokens_of(expected);
  const std::size_t n = std::min(a.size(), e.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (a[i] == e[i] || (case_insensitive && same_ignoring_case(a[i], e[i]))) {
      continue;
    }
    double x = 0;
    double y = 0;
    bool fa = false;
    bool fe = false;
    if (decimal(a[i], x, fa) && decimal(e[i], y, fe) && (fa || fe) &&
        std::fabs(x - y) <= k_token_float_tol * std::max(1.0, std::fabs(y))) {
      continue;
    }
    return {false, "token " + std::to_string(i + 1) + ": expected '" + util::shorten(e[i], 60) + "', got '" +
                       util::shorten(a[i], 60) + "'"};
  }
  if (a.size() != e.size()) {
    return {false, "expected " + std::to_string(e.size()) + " tokens, got " + std::to_string(a.size())};
  }
  return {true, ""};
}

}  // namespace rb::verifiers::code
