#pragma once
// Tokens of an answer written in LaTeX or plain text. The lexer does the normalisation that is
// easiest on characters: Unicode math symbols, spacing macros, \left/\right, thousands
// separators ("1,000", "10,\!080", "14{,}916"), decimals with repeating parts
// ("33.\overline{3}"), scientific notation, unbraced macro arguments ("\frac12", "\sqrt3"),
// \text{} content and words. Internal to verifiers/math.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "verifiers/math/expr.hpp"

namespace rb::verifiers::math {

enum class Tok : std::uint8_t {
  end,
  number,     ///< num: index into Tree::numbers; text: the literal
  ident,      ///< one letter, a Greek letter or another macro name used as a symbol
  func,       ///< text: canonical function name (sin, log, gcd, sqrt...)
  word,       ///< a word of text (lower case)
  list_sep,   ///< "and", "or", \text{ and }
  plus,
  minus,
  pm,
  mp,
  times,
  divide,
  caret,
  underscore,
  bang,
  prime,
  comma,
  semicolon,
  colon,
  bar,
  lparen,
  rparen,
  lbrack,
  rbrack,
  lbrace,
  rbrace,
  lset,
  rset,
  lfloor,
  rfloor,
  lceil,
  rceil,
  relop,      ///< text: one rel:: char
  cup,
  cap,
  setminus,
  infinity,
  ellipsis,
  reals,
  empty_set,
  percent,
  degree,
  currency,   ///< text: the unit ("dollar", "euro", "pound sterling")
  frac,
  sqrt,
  binom,
  big_op,     ///< \sum, \prod, \int, \lim: text: the name (kept for structural comparison only)
  begin_matrix,
  end_matrix,
  amp,
  row_sep,
};

struct Token {
  Tok kind = Tok::end;
  bool space_before = false;
  std::string text;
  std::int32_t num = -1;
};

inline constexpr std::size_t k_max_answer_chars = 4000;  ///< longer answers are compared as text
inline constexpr std::size_t k_max_tokens = 2000;
inline constexpr int k_max_depth = 48;                   ///< braces, brackets and macro nesting

/// Tokenises `input`; number literals are appended to tree.numbers. Nothing (and a reason in
/// `error`) for input it refuses: too long, nested too deep, a number too large to read.
std::optional<std::vector<Token>> lex(std::string_view input, Tree& tree, std::string* error);

/// The lower-case words of a token run, for text answers ("Carla and Evelyn" -> "carla and evelyn").
std::string token_text(const std::vector<Token>& tokens, std::size_t begin, std::size_t end);

}  // namespace rb::verifiers::math
