#include "verifiers/math/lexer.hpp"

#include <algorithm>
#include <cctype>

#include "verifiers/math/lexer_tables.hpp"
#include "verifiers/math/units.hpp"

namespace rb::verifiers::math {

namespace {

constexpr std::size_t k_max_number_digits = 400;  // bounded work: no million-digit literals
constexpr long k_max_decimal_exponent = 1000;     // 1e1000 is exact; 1e100000 is refused

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80; }
bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '~'; }

class Lexer {
 public:
  Lexer(Tree& tree, std::vector<Token>& out, std::string* error) : m_tree(tree), m_out(out), m_error(error) {}

  bool run(std::string_view s, int depth)
  {
    if (depth > k_max_depth) {
      return fail("nested too deep");
    }
    std::size_t i = 0;
    while (i < s.size()) {
      if (m_out.size() > k_max_tokens) {
        return fail("too many tokens");
      }
      const char c = s[i];
      if (is_space(c) || c == '$' || c == '?' || c == '"' || c == '`' || c == '#' || c == '@') {
        m_space = true;
        ++i;
      } else if (is_digit(c) || (c == '.' && i + 1 < s.size() && is_digit(s[i + 1]))) {
        if (!number(s, i)) {
          return false;
        }
      } else if (c == '.') {
        if (s.substr(i, 3) == "...") {
          emit(Tok::ellipsis);
          i += 3;
        } else {
          m_space = true;  // a stray full stop ("5.", "-1./3")
          ++i;
        }
      } else if (is_letter(c)) {
        letters(s, i);
      } else if (c == '\\') {
        if (!macro(s, i, depth)) {
          return false;
        }
      } else if (c == '{') {
        std::string_view inner;
        if (!group(s, i, inner)) {
          return false;
        }
        if (thousands_brace(inner)) {
          m_space = true;  // a lone "{,}" outside a number
          continue;
        }
        emit(Tok::lbrace);
        ++m_formula_group;
        const bool ok = run(inner, depth + 1);
        --m_formula_group;
        if (!ok) {
          return false;
        }
        emit(Tok::rbrace);
      } else {
        if (!punctuation(s, i)) {
          return false;
        }
      }
    }
    return true;
  }

  bool failed() const { return m_failed; }

 private:
  bool fail(const char* why)
  {
    if (m_error != nullptr && !m_failed) {
      *m_error = why;
    }
    m_failed = true;
    return false;
  }

  void emit(Tok kind, std::string text = {}, std::int32_t num = -1)
  {
    m_out.push_back(Token{kind, m_space, std::move(text), num});
    m_space = false;
  }

  /// Finds the group starting at s[i] == '{'; sets `inner` and moves i past the '}'. An unclosed
  /// group runs to the end of the text.
  bool group(std::string_view s, std::size_t& i, std::string_view& inner)
  {
    int depth = 0;
    for (std::size_t j = i; j < s.size(); ++j) {
      if (s[j] == '\\' && j + 1 < s.size()) {
        ++j;  // \{ and \} do not count
        continue;
      }
      if (s[j] == '{') {
        ++depth;
      } else if (s[j] == '}') {
        --depth;
        if (depth == 0) {
          inner = s.substr(i + 1, j - i - 1);
          i = j + 1;
          return true;
        }
      }
    }
    inner = s.substr(i + 1);
    i = s.size();
    return true;
  }

  static bool thousands_brace(std::string_view inner)
  {
    std::size_t k = 0;
    while (k < inner.size() && inner[k] == ' ') {
      ++k;
    }
    if (k >= inner.size() || inner[k] != ',') {
      return false;
    }
    ++k;
    while (k < inner.size() && inner[k] == ' ') {
      ++k;
    }
    return k == inner.size();
  }

  /// Length of a thousands separator at s[j] followed by exactly three digits, or 0.
  std::size_t thousands_separator(std::string_view s, std::size_t j) const
  {
    std::size_t k = j;
    std::size_t sep_end = 0;
    if (s.substr(k, 2) == ",\\" && k + 2 < s.size() && s[k + 2] == '!') {
      sep_end = k + 3;
    } else if (s.substr(k, 3) == "\\,\\" || s.substr(k, 2) == "\\," || s.substr(k, 2) == "\\ ") {
      sep_end = k + 2;  // a thin space: "10\,000"
    } else if (s[k] == ' ' && k + 1 < s.size() && s[k + 1] >= '0' && s[k + 1] <= '9') {
      sep_end = k + 1;  // "1 000": a space between groups of three (checked below)
    } else if (s[k] == ',' ) {
      if (m_bracket_depth > 0) {
        return 0;  // "(1,234)" is a pair
      }
      sep_end = k + 1;
      if (sep_end < s.size() && !is_digit(s[sep_end])) {
        return 0;  // "1, 234" is a list
      }
    } else {
      while (k < s.size() && s[k] == ' ') {
        ++k;
      }
      if (k < s.size() && s[k] == '{') {
        std::size_t close = s.find('}', k);
        if (close == std::string_view::npos || !thousands_brace(s.substr(k + 1, close - k - 1))) {
          return 0;
        }
        sep_end = close + 1;
      } else {
        return 0;
      }
    }
    while (sep_end < s.size() && (s[sep_end] == ' ' || s.substr(sep_end, 2) == "\\!")) {
      sep_end += s[sep_end] == ' ' ? 1 : 2;
    }
    if (sep_end + 3 > s.size() || !is_digit(s[sep_end]) || !is_digit(s[sep_end + 1]) || !is_digit(s[sep_end + 2])) {
      return 0;
    }
    if (sep_end + 3 < s.size() && is_digit(s[sep_end + 3])) {
      return 0;
    }
    return sep_end - j;
  }

  bool number(std::string_view s, std::size_t& i)
  {
    const std::size_t start = i;
    std::string digits;
    std::size_t group_len = 0;
    while (i < s.size() && is_digit(s[i])) {
      digits += s[i++];
      ++group_len;
    }
    // Thousands groups: the first group has 1-3 digits and no leading zero.
    if (group_len >= 1 && group_len <= 3 && !(group_len > 1 && digits[0] == '0') && !(digits == "0")) {
      while (i < s.size()) {
        const std::size_t sep = thousands_separator(s, i);
        if (sep == 0) {
          break;
        }
        i += sep;
        while (s[i] == ' ') {
          ++i;
        }
        digits.append(s.substr(i, 3));
        i += 3;
      }
    }
    const std::size_t int_digits = digits.size();
    std::string repeating;
    bool had_point = false;
    if (i < s.size() && s[i] == '.' && i + 1 < s.size() && (is_digit(s[i + 1]) || s.substr(i + 1, 9) == "\\overline")) {
      had_point = true;
      ++i;
      while (i < s.size() && is_digit(s[i])) {
        digits += s[i++];
      }
    }
    if (had_point && s.substr(i, 9) == "\\overline") {
      std::size_t j = i + 9;
      while (j < s.size() && s[j] == ' ') {
        ++j;
      }
      if (j < s.size() && s[j] == '{') {
        std::string_view inner;
        group(s, j, inner);
        for (char c : inner) {
          if (is_digit(c)) {
            repeating += c;
          } else if (c != ' ') {
            repeating.clear();
            break;
          }
        }
      } else if (j < s.size() && is_digit(s[j])) {
        repeating = std::string(1, s[j++]);
      }
      if (!repeating.empty()) {
        i = j;
      }
    }
    long exponent = 0;
    bool scientific = false;
    if (i + 1 < s.size() && (s[i] == 'e' || s[i] == 'E')) {
      std::size_t j = i + 1;
      bool negative = false;
      if (s[j] == '+' || s[j] == '-') {
        negative = s[j] == '-';
        ++j;
      }
      if (j < s.size() && is_digit(s[j])) {
        std::string exp_digits;
        while (j < s.size() && is_digit(s[j])) {
          exp_digits += s[j++];
        }
        if (exp_digits.size() > 6) {
          return fail("exponent too large");
        }
        exponent = std::stol(exp_digits) * (negative ? -1 : 1);
        if (exponent > k_max_decimal_exponent || exponent < -k_max_decimal_exponent) {
          return fail("exponent too large");
        }
        scientific = true;
        i = j;
      }
    }
    if (digits.size() + repeating.size() > k_max_number_digits) {
      return fail("number too long");
    }
    NumberInfo info;
    const std::size_t decimals = digits.size() - int_digits;
    mpz_class whole(digits.empty() ? std::string("0") : digits, 10);
    mpz_class scale;
    mpz_ui_pow_ui(scale.get_mpz_t(), 10, decimals);
    info.value = mpq_class(whole, scale);
    if (!repeating.empty()) {
      mpz_class rep(repeating, 10);
      mpz_class nines;
      mpz_ui_pow_ui(nines.get_mpz_t(), 10, repeating.size());
      nines -= 1;
      info.value += mpq_class(rep, scale * nines);
      info.repeating = true;
    }
    if (exponent != 0) {
      mpz_class p;
      mpz_ui_pow_ui(p.get_mpz_t(), 10, static_cast<unsigned long>(exponent < 0 ? -exponent : exponent));
      info.value = exponent > 0 ? mpq_class(info.value * p) : mpq_class(info.value / p);
    }
    info.value.canonicalize();
    info.decimals = static_cast<int>(decimals);
    info.scientific = scientific;
    const std::size_t first = digits.find_first_not_of('0');
    info.significant_digits = first == std::string::npos ? 1 : static_cast<int>(digits.size() - first);
    m_tree.numbers.push_back(std::move(info));
    emit(Tok::number, std::string(s.substr(start, i - start)), static_cast<std::int32_t>(m_tree.numbers.size() - 1));
    return true;
  }

  void letters(std::string_view s, std::size_t& i)
  {
    const std::size_t start = i;
    while (i < s.size() && is_letter(s[i])) {
      ++i;
    }
    const std::string_view run = s.substr(start, i - start);
    // "a.m." and "p.m."
    if (run.size() == 1 && (run[0] == 'a' || run[0] == 'p' || run[0] == 'A' || run[0] == 'P') &&
        i + 1 < s.size() && s[i] == '.' && (s[i + 1] == 'm' || s[i + 1] == 'M') &&
        (i + 2 >= s.size() || !is_letter(s[i + 2]))) {
      i += s.substr(i + 2, 1) == "." ? 3 : 2;
      emit(Tok::word, run[0] == 'a' || run[0] == 'A' ? "am" : "pm");
      return;
    }
    if (run.size() == 1) {
      emit(Tok::ident, std::string(run));
      return;
    }
    std::string lower;
    for (char c : run) {
      lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    // "np.arcsin(...)", "math.sqrt(...)": a module prefix.
    if ((lower == "np" || lower == "math" || lower == "sp" || lower == "sympy" || lower == "numpy") && i + 1 < s.size() &&
        s[i] == '.' && is_letter(s[i + 1])) {
      ++i;
      return;
    }
    std::size_t next = i;
    while (next < s.size() && s[next] == ' ') {
      ++next;
    }
    const bool call = next < s.size() && s[next] == '(';
    WordKind kind = classify_word(lower);
    const bool unit_power = std::all_of(run.begin(), run.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0; }) &&
                            i < s.size() && s[i] == '^' && read_unit(lower) && !read_unit(lower)->dimension.starts_with("word:");
    if (kind == WordKind::word && run.size() <= 3 && (m_formula_group > 0 || letters_in_formula(s, start, i)) &&
        !unit_power) {
      kind = WordKind::letters;  // "aM^{1/3}", "e^{it}", "\frac{1}{2}at^2": products, not words
    }
    switch (kind) {
      case WordKind::constant_pi:
        emit(Tok::ident, "pi");
        return;
      case WordKind::list_sep:
        emit(Tok::list_sep, lower);
        return;
      case WordKind::infinity:
        emit(Tok::infinity);
        return;
      case WordKind::percent:
        emit(Tok::percent);
        return;
      case WordKind::degree:
        emit(Tok::degree);
        return;
      case WordKind::function:
        emit(Tok::func, std::string(*function_name(lower)));
        return;
      case WordKind::word:
        if (call && function_name(lower)) {
          emit(Tok::func, std::string(*function_name(lower)));
        } else {
          emit(Tok::word, lower);
        }
        return;
      case WordKind::letters:
        for (char c : run) {
          emit(Tok::ident, std::string(1, c));
        }
        return;
    }
  }

  /// A short letter run written inside a formula: mixed case ("aM"), or touching a power, a
  /// subscript, a brace or an operator.
  static bool letters_in_formula(std::string_view s, std::size_t start, std::size_t end)
  {
    bool inner_upper = false;  // "aM", "dM": capitals after the first letter, with lower case
    bool lower = false;
    for (std::size_t k = start; k < end; ++k) {
      inner_upper = inner_upper || (k > start && std::isupper(static_cast<unsigned char>(s[k])) != 0);
      lower = lower || std::islower(static_cast<unsigned char>(s[k])) != 0;
    }
    if (inner_upper && lower) {
      return true;
    }
    const char after = end < s.size() ? s[end] : ' ';
    const char before = start > 0 ? s[start - 1] : ' ';
    return after == '^' || after == '_' || after == '{' || before == '{' || before == '(' || before == '+' ||
           before == '-' || before == '*' || before == '/' || before == '=' || before == '^' || before == '_';
  }

  /// One macro argument: a braced group, a macro, or a single character ("\frac12").
  bool macro_argument(std::string_view s, std::size_t& i, int depth)
  {
    while (i < s.size() && s[i] == ' ') {
      ++i;
    }
    if (i >= s.size()) {
      return true;  // the parser reports the missing argument
    }
    emit(Tok::lbrace);
    if (s[i] == '{') {
      std::string_view inner;
      group(s, i, inner);
      ++m_formula_group;
      const bool ok = run(inner, depth + 1);
      --m_formula_group;
      if (!ok) {
        return false;
      }
    } else if (s[i] == '\\') {
      std::size_t j = i + 1;
      while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j])) != 0) {
        ++j;
      }
      if (j == i + 1) {
        ++j;
      }
      if (!run(s.substr(i, j - i), depth + 1)) {
        return false;
      }
      i = j;
    } else {
      if (!run(s.substr(i, 1), depth + 1)) {
        return false;
      }
      ++i;
    }
    emit(Tok::rbrace);
    return true;
  }

  /// Skips spaces and reads a braced group (used by \text, \begin...); false when none follows.
  bool braced(std::string_view s, std::size_t& i, std::string_view& inner)
  {
    std::size_t j = i;
    while (j < s.size() && s[j] == ' ') {
      ++j;
    }
    if (j >= s.size() || s[j] != '{') {
      return false;
    }
    i = j;
    return group(s, i, inner);
  }

  bool macro(std::string_view s, std::size_t& i, int depth)
  {
    std::size_t j = i + 1;
    while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j])) != 0) {
      ++j;
    }
    if (j == i + 1) {
      return escaped_char(s, i);
    }
    const std::string_view name = s.substr(i + 1, j - i - 1);
    i = j;
    if (is_ignored_macro(name)) {
      m_space = true;
      return true;
    }
    std::string_view inner;
    if (name == "frac" || name == "dfrac" || name == "tfrac" || name == "cfrac" || name == "binom" ||
        name == "dbinom" || name == "tbinom") {
      emit(name.ends_with("binom") ? Tok::binom : Tok::frac);
      return macro_argument(s, i, depth) && macro_argument(s, i, depth);
    }
    if (name == "sqrt" || name == "usqrt") {
      emit(Tok::sqrt, name == "usqrt" ? "u" : "");
      std::size_t k = i;
      while (k < s.size() && s[k] == ' ') {
        ++k;
      }
      if (k < s.size() && s[k] == '[') {
        const std::size_t close = s.find(']', k);
        if (close != std::string_view::npos) {
          emit(Tok::lbrack);
          if (!run(s.substr(k + 1, close - k - 1), depth + 1)) {
            return false;
          }
          emit(Tok::rbrack);
          i = close + 1;
        }
      }
      return name == "usqrt" ? true : macro_argument(s, i, depth);
    }
    if (is_wrapper_macro(name)) {
      if (braced(s, i, inner)) {
        m_space = true;
        const int saved = m_formula_group;
        m_formula_group = name.starts_with("text") || name == "mbox" || name == "hbox" || name == "mathrm" ? 0 : saved;
        const bool ok = run(inner, depth + 1);
        m_formula_group = saved;
        m_space = true;
        return ok;
      }
      return true;
    }
    if (name == "operatorname" || name == "mathbb") {
      if (!braced(s, i, inner)) {
        return true;
      }
      std::string text(inner);
      if (name == "mathbb") {
        if (text == "R") {
          emit(Tok::reals);
        } else {
          emit(Tok::ident, "\\mathbb{" + text + "}");
        }
        return true;
      }
      const auto f = function_name(text);
      emit(Tok::func, f ? std::string(*f) : text);
      return true;
    }
    if (name == "overline" && braced(s, i, inner) &&
        inner.find_first_of("0123456789+-") != std::string_view::npos) {
      emit(Tok::func, "conj");  // \overline{3+4i}: the complex conjugate
      emit(Tok::lbrace);
      const bool ok = run(inner, depth + 1);
      emit(Tok::rbrace);
      return ok;
    }
    if (is_accent_macro(name) || name == "overline") {
      std::string arg;
      if (braced(s, i, inner)) {
        arg = std::string(inner);
      } else if (i < s.size()) {
        arg = std::string(1, s[i++]);
      }
      emit(Tok::ident, "\\" + std::string(name) + "{" + arg + "}");
      return true;
    }
    if (name == "label" || name == "tag" || name == "color" || name == "hspace" || name == "vspace" ||
        name == "phantom" || name == "hphantom" || name == "vphantom") {
      braced(s, i, inner);
      m_space = true;
      return true;
    }
    if (name == "textcolor") {
      braced(s, i, inner);
      if (braced(s, i, inner)) {
        return run(inner, depth + 1);
      }
      return true;
    }
    if (name == "begin" || name == "end") {
      return environment(s, i, name == "begin");
    }
    if (const auto info = find_macro(name)) {
      emit(info->kind, std::string(info->text));
      return true;
    }
    emit(Tok::ident, "\\" + std::string(name));  // an unknown macro: a symbol (\odot, \hbar...)
    return true;
  }

  bool environment(std::string_view s, std::size_t& i, bool begin)
  {
    std::string_view name;
    if (!braced(s, i, name)) {
      return true;
    }
    const bool matrix = name.ends_with("matrix") || name.starts_with("array") || name == "smallmatrix";
    if (begin) {
      m_matrix.push_back(matrix);
      if (name.starts_with("array")) {
        std::string_view spec;
        braced(s, i, spec);  // the column specification {cc}
      }
      if (matrix) {
        emit(Tok::begin_matrix, std::string(name));
      } else {
        m_space = true;
      }
      return true;
    }
    if (!m_matrix.empty()) {
      m_matrix.pop_back();
    }
    if (matrix) {
      emit(Tok::end_matrix);
    } else {
      m_space = true;
    }
    return true;
  }

  bool in_matrix() const { return !m_matrix.empty() && m_matrix.back(); }

  bool escaped_char(std::string_view s, std::size_t& i)
  {
    const char c = i + 1 < s.size() ? s[i + 1] : ' ';
    i += 2;
    switch (c) {
      case '{':
        ++m_bracket_depth;
        emit(Tok::lset);
        return true;
      case '}':
        --m_bracket_depth;
        emit(Tok::rset);
        return true;
      case '%':
        emit(Tok::percent);
        return true;
      case '$':
        emit(Tok::currency, "dollar");
        return true;
      case '|':
        emit(Tok::bar);
        return true;
      case '\\':
        emit(in_matrix() ? Tok::row_sep : Tok::comma);
        return true;
      default:
        m_space = true;  // \, \; \: \! \  and other spacing
        return true;
    }
  }

  bool punctuation(std::string_view s, std::size_t& i)
  {
    const char c = s[i];
    const char next = i + 1 < s.size() ? s[i + 1] : '\0';
    ++i;
    switch (c) {
      case '+':
        emit(Tok::plus);
        return true;
      case '-':
        if (next == '>') {
          ++i;
          emit(Tok::relop, "t");
        } else {
          emit(Tok::minus);
        }
        return true;
      case '*':
        if (next == '*') {
          ++i;
          emit(Tok::caret);
        } else {
          emit(Tok::times);
        }
        return true;
      case '/':
        emit(Tok::divide);
        return true;
      case '^':
        emit(Tok::caret);
        return true;
      case '_':
        emit(Tok::underscore);
        return true;
      case '!':
        if (next == '=') {
          ++i;
          emit(Tok::relop, "n");
        } else {
          emit(Tok::bang);
        }
        return true;
      case '\'':
        emit(Tok::prime);
        return true;
      case ',':
        emit(Tok::comma);
        return true;
      case ';':
        emit(Tok::semicolon);
        return true;
      case ':':
        if (next == '=') {
          ++i;
          emit(Tok::relop, "=");
        } else {
          emit(Tok::colon);
        }
        return true;
      case '|':
        emit(Tok::bar);
        return true;
      case '(':
        ++m_bracket_depth;
        emit(Tok::lparen);
        return true;
      case ')':
        --m_bracket_depth;
        emit(Tok::rparen);
        return true;
      case '[':
        ++m_bracket_depth;
        emit(Tok::lbrack);
        return true;
      case ']':
        --m_bracket_depth;
        emit(Tok::rbrack);
        return true;
      case '}':
        return true;  // a stray closing brace
      case '%':
        emit(Tok::percent);
        return true;
      case '&':
        if (in_matrix()) {
          emit(Tok::amp);
        } else {
          m_space = true;
        }
        return true;
      case '<':
        if (next == '=') {
          ++i;
          emit(Tok::relop, "l");
        } else {
          emit(Tok::relop, "<");
        }
        return true;
      case '>':
        if (next == '=') {
          ++i;
          emit(Tok::relop, "g");
        } else {
          emit(Tok::relop, ">");
        }
        return true;
      case '=':
        while (i < s.size() && s[i] == '=') {
          ++i;
        }
        emit(Tok::relop, "=");
        return true;
      default:
        m_space = true;
        return true;
    }
  }

  Tree& m_tree;
  std::vector<Token>& m_out;
  std::string* m_error;
  bool m_space = false;
  bool m_failed = false;
  int m_bracket_depth = 0;
  int m_formula_group = 0;  ///< inside braces of a formula (not \text{}): short runs are letters
  std::vector<bool> m_matrix;
};

}  // namespace

std::optional<std::vector<Token>> lex(std::string_view input, Tree& tree, std::string* error)
{
  if (input.size() > k_max_answer_chars) {
    if (error != nullptr) {
      *error = "answer longer than " + std::to_string(k_max_answer_chars) + " characters";
    }
    return std::nullopt;
  }
  const std::string text = replace_unicode(input);
  std::vector<Token> tokens;
  Lexer lexer(tree, tokens, error);
  if (!lexer.run(text, 0)) {
    return std::nullopt;
  }
  return tokens;
}

std::string token_text(const std::vector<Token>& tokens, std::size_t begin, std::size_t end)
{
  std::string out;
  for (std::size_t i = begin; i < end && i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    std::string piece;
    switch (t.kind) {
      case Tok::word:
      case Tok::ident:
      case Tok::number:
      case Tok::list_sep:
      case Tok::func:
        piece = t.text;
        break;
      default:
        break;
    }
    if (piece.empty()) {
      continue;
    }
    for (auto& c : piece) {
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    const bool glue = !out.empty() && !t.space_before && t.kind == Tok::ident && tokens[i - 1].kind == Tok::ident;
    if (!out.empty() && !glue) {
      out += ' ';
    }
    out += piece;
  }
  return out;
}

}  // namespace rb::verifiers::math
