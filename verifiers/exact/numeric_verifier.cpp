#include "verifiers/exact/numeric_verifier.hpp"

#include <gmpxx.h>

#include <cctype>

#include "harness/util/strings.hpp"

namespace rb::verifiers {

namespace {

constexpr std::size_t k_max_number_chars = 200;  // bounded work: no million-digit parses
constexpr long k_max_exponent = 400;             // 1e400 is exact; 1e1000000 is refused
constexpr std::size_t k_phrase_window = 80;      // look this far after "answer is"

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

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

/// Scans one number token at `i`: "-", digits with thousands commas, ".5" decimals, an
/// exponent ("3.0e2"), and "/ denominator". Returns its end, or `i` when there is none.
std::size_t scan_number(std::string_view t, std::size_t i)
{
  std::size_t j = i;
  if (j < t.size() && t[j] == '-') {
    ++j;
  }
  const bool leading_dot = j + 1 < t.size() && t[j] == '.' && is_digit(t[j + 1]);
  if (j >= t.size() || (!is_digit(t[j]) && !leading_dot)) {
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
  if (j + 1 < t.size() && (t[j] == 'e' || t[j] == 'E')) {
    std::size_t k = j + 1;
    if (k < t.size() && (t[k] == '-' || t[k] == '+')) {
      ++k;
    }
    if (k < t.size() && is_digit(t[k])) {
      while (k < t.size() && is_digit(t[k])) {
        ++k;
      }
      j = k;
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

/// A number standing alone, not a piece of a larger expression: not inside a word or a LaTeX
/// argument ("x2", "\frac{3}{4}", "2^{10}", "a_1"), not a power's base ("2^10"), not "5cm".
/// (Known grader mistake: taking the numerator of \frac{3}{4}, or the exponent of 2^{10}.)
bool standalone(std::string_view t, std::size_t start, std::size_t end)
{
  if (start > 0) {
    const char before = t[start - 1];
    if (is_digit(before) || is_alpha(before) || before == '.' || before == '_' || before == '^' ||
        before == '{' || before == '\\') {
      return false;
    }
  }
  if (end < t.size()) {
    const char after = t[end];
    if (is_alpha(after) || after == '^' || after == '_' || after == '{' || (after == '.' && end + 1 < t.size() && is_digit(t[end + 1]))) {
      return false;
    }
  }
  return true;
}

/// The first (or last) standalone number in `text`.
std::optional<std::string> find_number(std::string_view text, bool last)
{
  std::optional<std::string> found;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t end = scan_number(text, i);
    if (end == i) {
      ++i;
      continue;
    }
    if (standalone(text, i, end)) {
      found = std::string(text.substr(i, end - i));
      if (!last) {
        return found;
      }
    }
    i = end;
  }
  return found;
}

/// The rest of the line after an answer phrase, without math delimiters and emphasis.
std::string phrase_tail(std::string_view text)
{
  std::string tail(text.substr(0, std::min(text.find('\n'), k_phrase_window)));
  for (const std::string_view junk : {"\\(", "\\)", "\\[", "\\]", "$", "**", "*"}) {
    tail = util::replace_all(tail, junk, "");
  }
  std::string_view view = util::trim(tail);
  while (!view.empty() && (view.front() == ':' || view.front() == ' ')) {
    view.remove_prefix(1);
  }
  while (!view.empty() && (view.back() == '.' || view.back() == ' ')) {
    view.remove_suffix(1);
  }
  return std::string(view);
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

/// "-1,234.50", ".5", "3.0e2" -> rational; thousands commas must group by three.
std::optional<mpq_class> parse_decimal(std::string s)
{
  long exponent = 0;
  if (const std::size_t e = s.find_first_of("eE"); e != std::string::npos) {
    const auto value = util::parse_int(s.substr(e + 1)[0] == '+' ? s.substr(e + 2) : s.substr(e + 1));
    if (!value || *value > k_max_exponent || *value < -k_max_exponent) {
      return std::nullopt;
    }
    exponent = static_cast<long>(*value);
    s.resize(e);
  }
  const bool negative = !s.empty() && s[0] == '-';
  std::string body = negative ? s.substr(1) : s;
  const std::size_t dot = body.find('.');
  const std::string whole = body.substr(0, dot);
  if (whole.find(',') != std::string::npos) {
    const auto groups = util::split(whole, ',');
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (groups[g].empty() || groups[g].size() > 3 || (g > 0 && groups[g].size() != 3)) {
        return std::nullopt;
      }
    }
    body = util::replace_all(body, ",", "");
  }
  const std::size_t point = body.find('.');
  std::string digits = body;
  std::size_t decimals = 0;
  if (point != std::string::npos) {
    decimals = body.size() - point - 1;
    digits = body.substr(0, point) + body.substr(point + 1);
    if (decimals == 0 || (point == 0 && digits.empty())) {
      return std::nullopt;
    }
  }
  const auto n = parse_integer(digits);
  if (!n) {
    return std::nullopt;
  }
  mpz_class scale;
  mpz_ui_pow_ui(scale.get_mpz_t(), 10, static_cast<unsigned long>(std::labs(exponent - static_cast<long>(decimals))));
  mpq_class value = exponent - static_cast<long>(decimals) >= 0 ? mpq_class(*n * scale) : mpq_class(*n, scale);
  value.canonicalize();
  return negative ? mpq_class(-value) : value;
}

/// "\frac{a}{b}", "\frac12", "\frac{a}b".
std::optional<std::string> frac_to_ratio(std::string_view s)
{
  if (!s.starts_with("\\frac")) {
    return std::nullopt;
  }
  s.remove_prefix(5);
  std::string parts[2];
  for (auto& part : parts) {
    if (s.empty()) {
      return std::nullopt;
    }
    if (s.front() == '{') {
      const std::size_t close = s.find('}');
      if (close == std::string_view::npos) {
        return std::nullopt;
      }
      part = std::string(s.substr(1, close - 1));
      s.remove_prefix(close + 1);
    } else {
      part = std::string(1, s.front());
      s.remove_prefix(1);
    }
  }
  if (!s.empty()) {
    return std::nullopt;
  }
  return parts[0] + "/" + parts[1];
}

std::optional<mpq_class> parse_rational(std::string s)
{
  bool negative = false;
  if (s.starts_with("-\\frac")) {
    negative = true;
    s.erase(0, 1);
  }
  if (auto ratio = frac_to_ratio(s)) {
    s = *ratio;
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
    value.canonicalize();
  } else {
    const auto d = parse_decimal(s);
    if (!d) {
      return std::nullopt;
    }
    value = *d;
  }
  return negative ? mpq_class(-value) : value;
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
    const std::string_view after = text.substr(pos + phrase.size());
    // The whole rest of the line when it is one number ("\(\frac{3}{4}\)"), else the first
    // standalone number: "the answer is 12 (not 13)".
    if (std::string tail = phrase_tail(after); canonical_number(tail)) {
      return Extraction{tail, "answer phrase"};
    }
    if (auto number = find_number(after.substr(0, k_phrase_window), false)) {
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
  if (!s.empty() && s.front() == '+') {
    s.erase(0, 1);
  }
  if (s.size() > 1 && s.back() == '.' && is_digit(s[s.size() - 2])) {
    s.pop_back();  // "12." at the end of a sentence
  }
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
  const bool equal = *value == *gold;
  Verdict verdict{equal ? VerdictKind::correct : VerdictKind::incorrect, extraction->answer,
                  extraction->rule + ": " + *value + (equal ? " = gold " : " != gold ") + *gold};
  verdict.vote = *value;  // the canonical rational: 0.5, 1/2 and \frac{1}{2} vote together
  return verdict;
}

}  // namespace rb::verifiers
