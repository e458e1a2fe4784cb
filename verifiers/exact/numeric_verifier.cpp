#include "verifiers/exact/numeric_verifier.hpp"

#include <gmpxx.h>

#include <cctype>

#include "harness/util/strings.hpp"

namespace rb::verifiers {

namespace {

constexpr std::size_t k_max_number_chars = 200;  // bounded work: no million-digit parses
constexpr std::size_t k_phrase_window = 80;      // look this far after "answer is"

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

/// The content of the last \boxed{...} or \fbox{...} whose braces balance.
std::optional<std::string> last_boxed(std::string_view text)
{
  std::optional<std::string> best;
  std::size_t best_pos = 0;
  for (const std::string_view macro : {std::string_view("\\boxed"), std::string_view("\\fbox")}) {
    for (std::size_t pos = text.find(macro); pos != std::string_view::npos; pos = text.find(macro, pos + 1)) {
      std::size_t open = pos + macro.size();
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
          if (!best || pos >= best_pos) {
            best = std::string(text.substr(open + 1, j - open - 1));
            best_pos = pos;
          }
          break;
        }
      }
    }
  }
  return best;
}

/// Scans one number token at `i` (sign, digits with thousands commas, decimals, "/ denominator");
/// returns its end, or `i` when there is none.
std::size_t scan_number(std::string_view t, std::size_t i)
{
  std::size_t j = i;
  if (j < t.size() && t[j] == '-') {
    ++j;
  }
  if (j >= t.size() || !is_digit(t[j])) {
    return i;
  }
  while (j < t.size() && (is_digit(t[j]) || (t[j] == ',' && j + 1 < t.size() && is_digit(t[j + 1])))) {
    ++j;
  }
  if (j + 1 < t.size() && t[j] == '.' && is_digit(t[j + 1])) {
    ++j;
    while (j < t.size() && is_digit(t[j])) {
      ++j;
    }
  }
  std::size_t k = j;
  while (k < t.size() && t[k] == ' ') {
    ++k;
  }
  if (k < t.size() && t[k] == '/') {
    ++k;
    while (k < t.size() && t[k] == ' ') {
      ++k;
    }
    if (k < t.size() && is_digit(t[k])) {
      while (k < t.size() && is_digit(t[k])) {
        ++k;
      }
      j = k;
    }
  }
  return j;
}

/// The first (or last) number token in `text`.
std::optional<std::string> find_number(std::string_view text, bool last)
{
  std::optional<std::string> found;
  std::size_t i = 0;
  while (i < text.size()) {
    const bool boundary = i == 0 || !is_digit(text[i - 1]);
    const std::size_t end = boundary ? scan_number(text, i) : i;
    if (end > i) {
      found = std::string(text.substr(i, end - i));
      if (!last) {
        return found;
      }
      i = end;
    } else {
      ++i;
    }
  }
  return found;
}

std::optional<mpz_class> parse_integer(std::string_view s)
{
  const std::size_t start = !s.empty() && s[0] == '-' ? 1 : 0;
  if (s.size() <= start || s.size() > k_max_number_chars) {
    return std::nullopt;
  }
  for (std::size_t i = start; i < s.size(); ++i) {
    if (!is_digit(s[i])) {
      return std::nullopt;
    }
  }
  return mpz_class(std::string(s), 10);  // base 10: GMP would read a leading 0 as octal
}

/// "-1,234.50" -> rational; thousands commas must group by three.
std::optional<mpq_class> parse_decimal(std::string s)
{
  const std::size_t dot = s.find('.');
  const std::string whole = s.substr(0, dot);
  if (whole.find(',') != std::string::npos) {
    const auto groups = util::split(whole[0] == '-' ? whole.substr(1) : whole, ',');
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (groups[g].empty() || groups[g].size() > 3 || (g > 0 && groups[g].size() != 3)) {
        return std::nullopt;
      }
    }
    s = util::replace_all(s, ",", "");
  }
  const std::size_t point = s.find('.');
  if (point == std::string::npos) {
    auto n = parse_integer(s);
    return n ? std::optional<mpq_class>(mpq_class(*n)) : std::nullopt;
  }
  const auto digits = parse_integer(s.substr(0, point) + s.substr(point + 1));
  const std::string fraction = s.substr(point + 1);
  if (!digits || fraction.empty() || fraction.find('-') != std::string::npos) {
    return std::nullopt;
  }
  mpz_class denominator;
  mpz_ui_pow_ui(denominator.get_mpz_t(), 10, fraction.size());
  return mpq_class(*digits, denominator);
}

std::optional<mpq_class> parse_rational(std::string s)
{
  bool negative = false;
  if (s.starts_with("-\\frac")) {
    negative = true;
    s.erase(0, 1);
  }
  if (s.starts_with("\\frac{") && s.back() == '}') {
    const std::size_t mid = s.find("}{");
    if (mid == std::string::npos) {
      return std::nullopt;
    }
    s = s.substr(6, mid - 6) + "/" + s.substr(mid + 2, s.size() - mid - 3);
  }
  mpq_class value;
  const std::size_t slash = s.find('/');
  if (slash != std::string::npos) {
    const auto p = parse_integer(s.substr(0, slash));
    const auto q = parse_integer(s.substr(slash + 1));
    if (!p || !q || *q == 0) {
      return std::nullopt;
    }
    value = mpq_class(*p, *q);
  } else {
    const auto d = parse_decimal(s);
    if (!d) {
      return std::nullopt;
    }
    value = *d;
  }
  value.canonicalize();
  return negative ? std::optional<mpq_class>(-value) : std::optional<mpq_class>(value);
}

}  // namespace

std::optional<Extraction> extract_final_answer(std::string_view text)
{
  if (auto boxed = last_boxed(text)) {
    return Extraction{std::string(util::trim(*boxed)), "boxed"};
  }
  const std::string lower = util::to_lower(text);
  for (const std::string_view phrase : {"final answer is", "answer is", "answer:"}) {
    const std::size_t pos = lower.rfind(phrase);
    if (pos == std::string::npos) {
      continue;
    }
    // Only the first number after the phrase counts: "the answer is 12 (not 13)".
    if (auto number = find_number(text.substr(pos + phrase.size(), k_phrase_window), false)) {
      return Extraction{*number, "answer phrase"};
    }
  }
  if (auto number = find_number(text, true)) {
    return Extraction{*number, "last number (fallback)"};
  }
  return std::nullopt;
}

std::optional<std::string> canonical_number(std::string_view text)
{
  std::string s(util::trim(text));
  if (s.size() > k_max_number_chars) {
    return std::nullopt;
  }
  for (const std::string_view junk : {"$", "\\!", "\\,", "\\ ", " ", "\\left", "\\right"}) {
    s = util::replace_all(s, junk, "");
  }
  s = util::replace_all(util::replace_all(s, "\\dfrac", "\\frac"), "\\tfrac", "\\frac");
  if (s.empty()) {
    return std::nullopt;
  }
  const auto value = parse_rational(s);
  return value ? std::optional<std::string>(value->get_str()) : std::nullopt;
}

Verdict NumericVerifier::verify(const Problem& problem, const Response& response) const
{
  const auto gold = canonical_number(problem.answer);
  if (!gold) {
    return {VerdictKind::error, std::nullopt, "gold answer '" + problem.answer + "' is not a number"};
  }
  const auto extraction = extract_final_answer(response.text);
  if (!extraction) {
    return {VerdictKind::no_answer, std::nullopt, "no number in the answer part"};
  }
  const auto value = canonical_number(extraction->answer);
  if (!value) {
    return {VerdictKind::incorrect, extraction->answer,
            extraction->rule + ": '" + util::shorten(extraction->answer, 60) + "' is not a single number"};
  }
  if (*value == *gold) {
    return {VerdictKind::correct, extraction->answer, extraction->rule + ": " + *value + " = gold " + *gold};
  }
  return {VerdictKind::incorrect, extraction->answer, extraction->rule + ": " + *value + " != gold " + *gold};
}

}  // namespace rb::verifiers
