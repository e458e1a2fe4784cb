#include "verifiers/exact/rational_expression.hpp"

#include <gmpxx.h>

#include <cctype>

#include "harness/util/strings.hpp"

namespace rb::verifiers {

namespace {

constexpr std::size_t k_max_chars = 2000;
constexpr int k_max_depth = 200;
constexpr std::size_t k_max_literal_digits = 40;

bool is_digit(char c)
{
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

/// Recursive descent: sum := product (('+'|'-') product)*; product := unary (('*'|'/') unary)*;
/// unary := ('-'|'+') unary | primary; primary := integer | '(' sum ')'.
class Parser {
 public:
  explicit Parser(std::string_view text) : m_text(text) {}

  std::expected<ExpressionValue, std::string> run()
  {
    skip();
    if (m_pos == m_text.size()) {
      return std::unexpected("empty expression");
    }
    mpq_class value;
    if (!sum(value)) {
      return std::unexpected(m_error);
    }
    skip();
    if (m_pos != m_text.size()) {
      return std::unexpected(unexpected_here());
    }
    return ExpressionValue{value.get_str(), std::move(m_literals)};
  }

 private:
  void skip()
  {
    while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])) != 0) {
      ++m_pos;
    }
  }
  bool fail(std::string message)
  {
    if (m_error.empty()) {
      m_error = std::move(message);
    }
    return false;
  }
  std::string unexpected_here() const
  {
    if (m_pos >= m_text.size()) {
      return "the expression ends too early";
    }
    const char c = m_text[m_pos];
    if (c == '(') {
      return "unexpected '(' at character " + std::to_string(m_pos + 1) + " (write products with '*')";
    }
    if (c == ')') {
      return "unbalanced ')' at character " + std::to_string(m_pos + 1);
    }
    return "unexpected '" + std::string(1, c) + "' at character " + std::to_string(m_pos + 1);
  }

  bool sum(mpq_class& out)
  {
    if (!product(out)) {
      return false;
    }
    for (skip(); m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-'); skip()) {
      const char op = m_text[m_pos++];
      mpq_class rhs;
      if (!product(rhs)) {
        return false;
      }
      out = op == '+' ? mpq_class(out + rhs) : mpq_class(out - rhs);
    }
    return true;
  }

  bool product(mpq_class& out)
  {
    if (!unary(out)) {
      return false;
    }
    for (skip(); m_pos < m_text.size() && (m_text[m_pos] == '*' || m_text[m_pos] == '/'); skip()) {
      const char op = m_text[m_pos++];
      if (m_pos < m_text.size() && m_text[m_pos] == op) {
        return fail(op == '*' ? "'**' (power) is not allowed" : "'//' (floor division) is not allowed");
      }
      mpq_class rhs;
      if (!unary(rhs)) {
        return false;
      }
      if (op == '/' && rhs == 0) {
        return fail("division by zero");
      }
      out = op == '*' ? mpq_class(out * rhs) : mpq_class(out / rhs);
    }
    if (m_pos < m_text.size() && m_text[m_pos] == '^') {
      return fail("'^' (power) is not allowed");
    }
    return true;
  }

  bool unary(mpq_class& out)
  {
    skip();
    if (m_pos < m_text.size() && (m_text[m_pos] == '-' || m_text[m_pos] == '+')) {
      const bool negate = m_text[m_pos++] == '-';
      if (++m_depth > k_max_depth) {
        return fail("the expression nests too deeply");
      }
      const bool ok = unary(out);
      --m_depth;
      if (ok && negate) {
        out = -out;
      }
      return ok;
    }
    return primary(out);
  }

  bool primary(mpq_class& out)
  {
    skip();
    if (m_pos >= m_text.size()) {
      return fail("the expression ends too early");
    }
    if (m_text[m_pos] == '(') {
      ++m_pos;
      if (++m_depth > k_max_depth) {
        return fail("the expression nests too deeply");
      }
      if (!sum(out)) {
        return false;
      }
      --m_depth;
      skip();
      if (m_pos >= m_text.size() || m_text[m_pos] != ')') {
        return fail("missing ')'");
      }
      ++m_pos;
      return true;
    }
    if (!is_digit(m_text[m_pos])) {
      return fail(unexpected_here());
    }
    const std::size_t start = m_pos;
    while (m_pos < m_text.size() && is_digit(m_text[m_pos])) {
      ++m_pos;
    }
    if (m_pos < m_text.size() && m_text[m_pos] == '.' && m_pos + 1 < m_text.size() &&
        is_digit(m_text[m_pos + 1])) {
      std::size_t end = m_pos + 1;
      while (end < m_text.size() && is_digit(m_text[end])) {
        ++end;
      }
      return fail("'" + std::string(m_text.substr(start, end - start)) + "' is not an integer");
    }
    std::string digits(m_text.substr(start, m_pos - start));
    const std::size_t nonzero = digits.find_first_not_of('0');
    digits = nonzero == std::string::npos ? "0" : digits.substr(nonzero);
    if (digits.size() > k_max_literal_digits) {
      return fail("a number with more than 40 digits");
    }
    out = mpq_class(mpz_class(digits, 10));
    m_literals.push_back(digits);
    skip();
    if (m_pos < m_text.size() && m_text[m_pos] == '(') {
      return fail(unexpected_here());
    }
    return true;
  }

  std::string_view m_text;
  std::size_t m_pos = 0;
  int m_depth = 0;
  std::string m_error;
  std::vector<std::string> m_literals;
};

/// "\frac{a}{b}" -> "((a)/(b))", repeatedly (innermost braces balanced).
std::string expand_fracs(std::string s)
{
  for (int guard = 0; guard < 50; ++guard) {
    const std::size_t pos = s.find("\\frac");
    if (pos == std::string::npos) {
      break;
    }
    std::size_t i = pos + 5;
    std::string parts[2];
    bool ok = true;
    for (auto& part : parts) {
      while (i < s.size() && s[i] == ' ') {
        ++i;
      }
      if (i >= s.size() || s[i] != '{') {
        ok = false;
        break;
      }
      int depth = 0;
      const std::size_t open = i;
      for (; i < s.size(); ++i) {
        depth += s[i] == '{' ? 1 : (s[i] == '}' ? -1 : 0);
        if (depth == 0) {
          break;
        }
      }
      if (i >= s.size()) {
        ok = false;
        break;
      }
      part = s.substr(open + 1, i - open - 1);
      ++i;
    }
    if (!ok) {
      break;  // left for the parser to reject
    }
    s = s.substr(0, pos) + "((" + parts[0] + ")/(" + parts[1] + "))" + s.substr(i);
  }
  return s;
}

}  // namespace

std::string normalize_expression(std::string_view text)
{
  std::string s(text.substr(0, k_max_chars));
  for (const auto& [from, to] :
       std::initializer_list<std::pair<std::string_view, std::string_view>>{{"\\dfrac", "\\frac"},
                                                                            {"\\tfrac", "\\frac"},
                                                                            {"\\left", ""},
                                                                            {"\\right", ""},
                                                                            {"\\times", "*"},
                                                                            {"\\cdot", "*"},
                                                                            {"\\div", "/"},
                                                                            {"\\(", ""},
                                                                            {"\\)", ""},
                                                                            {"\\[", ""},
                                                                            {"\\]", ""},
                                                                            {"$", ""},
                                                                            {"\xc3\x97", "*"},
                                                                            {"\xc3\xb7", "/"},
                                                                            {"\xe2\x88\x92", "-"},
                                                                            {"\xe2\x80\x93", "-"},
                                                                            {"\xe2\x8b\x85", "*"}}) {
    s = util::replace_all(s, from, to);
  }
  s = expand_fracs(s);
  for (char& c : s) {
    if (c == '[' || c == '{') {
      c = '(';
    } else if (c == ']' || c == '}') {
      c = ')';
    }
  }
  return s;
}

std::expected<ExpressionValue, std::string> evaluate_expression(std::string_view text)
{
  if (text.size() > k_max_chars) {
    return std::unexpected("longer than 2000 characters");
  }
  return Parser(text).run();
}

}  // namespace rb::verifiers
