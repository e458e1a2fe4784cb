#include "verifiers/code/cpp_split.hpp"

#include <cctype>
#include <cstdlib>

#include "harness/util/strings.hpp"

namespace rb::verifiers::code {

namespace {

bool identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

/// Index just past the string or character literal starting at `i` (which holds the quote).
std::size_t skip_literal(std::string_view s, std::size_t i)
{
  const char quote = s[i++];
  while (i < s.size() && s[i] != quote) {
    i += s[i] == '\\' ? 2 : 1;
  }
  return i + 1;
}

/// Positions of `op` in `s` outside brackets, literals and comments.
std::vector<std::size_t> top_level(std::string_view s, std::string_view op)
{
  std::vector<std::size_t> found;
  int depth = 0;
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c == '"' || c == '\'') {
      i = skip_literal(s, i);
      continue;
    }
    if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if (c == ')' || c == ']' || c == '}') {
      --depth;
    } else if (depth == 0 && s.substr(i, op.size()) == op) {
      found.push_back(i);
      i += op.size();
      continue;
    }
    ++i;
  }
  return found;
}

/// The index of the bracket closing the one at `open`, or npos.
std::size_t matching(std::string_view s, std::size_t open)
{
  int depth = 0;
  for (std::size_t i = open; i < s.size();) {
    const char c = s[i];
    if (c == '"' || c == '\'') {
      i = skip_literal(s, i);
      continue;
    }
    depth += (c == '(' || c == '[' || c == '{') ? 1 : ((c == ')' || c == ']' || c == '}') ? -1 : 0);
    if (depth == 0) {
      return i;
    }
    ++i;
  }
  return std::string_view::npos;
}

std::string_view strip(std::string_view s)
{
  s = util::trim(s);
  while (s.size() >= 2 && s.front() == '(' && matching(s, 0) == s.size() - 1) {
    s = util::trim(s.substr(1, s.size() - 2));
  }
  return s;
}

bool calls(std::string_view s, std::string_view name)
{
  for (std::size_t at = s.find(name); at != std::string_view::npos; at = s.find(name, at + 1)) {
    if ((at > 0 && identifier_char(s[at - 1])) || (at + name.size() < s.size() && identifier_char(s[at + name.size()]))) {
      continue;
    }
    std::size_t i = at + name.size();
    while (i < s.size() && s[i] == ' ') {
      ++i;
    }
    if (i < s.size() && s[i] == '(') {
      return true;
    }
  }
  return false;
}

/// `name(a, b)` as its two arguments, when `s` is exactly that.
bool two_argument_call(std::string_view s, std::string_view& name, std::string_view& a, std::string_view& b)
{
  std::size_t i = 0;
  while (i < s.size() && (identifier_char(s[i]) || s[i] == ':')) {
    ++i;
  }
  if (i == 0 || i >= s.size() || s[i] != '(' || matching(s, i) != s.size() - 1) {
    return false;
  }
  name = s.substr(0, i);
  const std::string_view inner = s.substr(i + 1, s.size() - i - 2);
  const auto commas = top_level(inner, ",");
  if (commas.size() != 1) {
    return false;
  }
  a = strip(inner.substr(0, commas[0]));
  b = strip(inner.substr(commas[0] + 1));
  return true;
}

/// The tolerance of an issame() helper that compares floats ("abs(a[i]-b[i])>1e-4"), else 0.
double issame_tolerance(std::string_view prelude)
{
  const std::size_t at = prelude.find("issame");
  if (at == std::string_view::npos) {
    return 0;
  }
  const std::string_view body = prelude.substr(at);
  const std::size_t abs_at = body.find("abs(");
  const std::size_t gt = abs_at == std::string_view::npos ? abs_at : body.find('>', abs_at);
  if (gt == std::string_view::npos) {
    return 0;
  }
  return std::strtod(std::string(body.substr(gt + 1, 20)).c_str(), nullptr);
}

std::string analyse(std::string_view expr, std::string_view entry, double issame_tol, CppTest& test)
{
  expr = strip(expr);
  std::string_view name;
  std::string_view a;
  std::string_view b;
  auto sides = [&](std::string_view x, std::string_view y) {
    if (calls(x, entry) && !calls(y, entry)) {
      test.call = std::string(x);
      test.expected_expr = std::string(y);
      return true;
    }
    if (calls(y, entry) && !calls(x, entry)) {
      test.call = std::string(y);
      test.expected_expr = std::string(x);
      return true;
    }
    if (calls(x, entry) && calls(y, entry)) {
      // HumanEval-X compares the function with itself (CPP/33): the expected side is then
      // evaluated by the trusted program with the reference (no reference: it does not link).
      test.call = std::string(x);
      test.expected_expr = std::string(y);
      return true;
    }
    return false;
  };
  if (two_argument_call(expr, name, a, b) && name == "issame" && sides(a, b)) {
    if (issame_tol > 0) {
      test.cmp = "close";
      test.abs_tol = issame_tol;
      test.strict = false;
    }
    return "";
  }
  if (const auto eq = top_level(expr, "=="); eq.size() == 1 && top_level(expr, "&&").empty() &&
                                            top_level(expr, "||").empty()) {
    return sides(strip(expr.substr(0, eq[0])), strip(expr.substr(eq[0] + 2))) ? "" : "no side calls " + std::string(entry);
  }
  if (const auto lt = top_level(expr, "<"); lt.size() == 1) {
    const std::string_view left = strip(expr.substr(0, lt[0]));
    std::string_view tol = expr.substr(lt[0] + 1);
    test.strict = !tol.starts_with("=");
    tol = strip(test.strict ? tol : tol.substr(1));
    for (const std::string_view fn : {std::string_view("abs("), std::string_view("fabs("), std::string_view("std::abs("),
                                      std::string_view("std::fabs(")}) {
      if (left.starts_with(fn) && matching(left, fn.size() - 1) == left.size() - 1) {
        const std::string_view inner = left.substr(fn.size(), left.size() - fn.size() - 1);
        // abs(f(x) - y) and abs(f(x) + y): the expected value is y, or -(y).
        for (const std::string_view op : {std::string_view("-"), std::string_view("+")}) {
        for (const std::size_t minus : top_level(inner, op)) {
          const std::string_view rhs = strip(inner.substr(minus + 1));
          const std::string negated = "-(" + std::string(rhs) + ")";
          if (minus > 0 && sides(strip(inner.substr(0, minus)), op == "-" ? rhs : std::string_view(negated)) &&
              (op == "-" || test.call == strip(inner.substr(0, minus)))) {
            char* end = nullptr;
            const std::string tol_text(tol);
            test.abs_tol = std::strtod(tol_text.c_str(), &end);
            if (end == tol_text.c_str() || test.abs_tol <= 0) {
              return "tolerance is not a number";
            }
            test.cmp = "close";
            return "";
          }
        }
        }
      }
    }
    return "unsupported comparison";
  }
  bool negated = false;
  if (expr.starts_with("!") || (expr.starts_with("not") && expr.size() > 3 && !identifier_char(expr[3]))) {
    negated = true;
    expr = strip(expr.substr(expr[0] == '!' ? 1 : 3));
  }
  const std::size_t paren = expr.find('(');
  if (expr.starts_with(entry) && paren != std::string_view::npos && util::trim(expr.substr(entry.size(), paren - entry.size())).empty() &&
      matching(expr, paren) == expr.size() - 1) {
    test.call = "static_cast<bool>(" + std::string(expr) + ")";
    test.expected_expr = negated ? "false" : "true";
    return "";
  }
  return "unsupported assertion";
}

}  // namespace

CppSplit split_cpp_test(std::string_view test, std::string_view entry)
{
  CppSplit out;
  const std::size_t main_at = test.find("int main");
  const std::size_t open = main_at == std::string_view::npos ? main_at : test.find('{', main_at);
  const std::size_t close = open == std::string_view::npos ? open : matching(test, open);
  if (close == std::string_view::npos) {
    out.error = "no main() in the test";
    return out;
  }
  out.prelude = std::string(test.substr(0, main_at));
  const double issame_tol = issame_tolerance(out.prelude);
  const std::string_view body = test.substr(open + 1, close - open - 1);
  std::size_t start = 0;
  for (const std::size_t semi : top_level(body, ";")) {
    std::string_view statement = util::trim(body.substr(start, semi - start));
    start = semi + 1;
    // Line comments before a statement belong to nobody.
    while (statement.starts_with("//")) {
      const std::size_t nl = statement.find('\n');
      statement = nl == std::string_view::npos ? std::string_view() : util::trim(statement.substr(nl + 1));
    }
    if (statement.empty()) {
      continue;
    }
    for (const std::string_view keyword : {"for", "while", "if", "do", "{", "return", "switch"}) {
      if (statement.starts_with(keyword) && (keyword == "{" || !identifier_char(statement[keyword.size()]))) {
        out.error = "statement not supported: " + util::shorten(statement, 80);
        return out;
      }
    }
    if (statement.starts_with("assert") && !identifier_char(statement[6])) {
      const std::string_view rest = util::trim(statement.substr(6));
      if (rest.empty() || rest[0] != '(' || matching(rest, 0) != rest.size() - 1) {
        out.error = "malformed assert: " + util::shorten(statement, 80);
        return out;
      }
      CppTest t;
      const std::string why = analyse(rest.substr(1, rest.size() - 2), entry, issame_tol, t);
      if (!why.empty()) {
        out.error = why + ": " + util::shorten(statement, 120);
        return out;
      }
      out.statements.push_back({"", static_cast<int>(out.tests.size())});
      out.tests.push_back(std::move(t));
    } else {
      out.statements.push_back({std::string(statement) + ";", -1});
    }
  }
  if (!util::trim(body.substr(start)).empty()) {
    out.error = "trailing text in main";
  }
  return out;
}

}  // namespace rb::verifiers::code
