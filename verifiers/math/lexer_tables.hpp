#pragma once
// Tables behind the lexer: LaTeX macros, Unicode math symbols, and the classification of
// letter runs into functions, words and products of one-letter symbols. Internal.
#include <optional>
#include <string>
#include <string_view>

#include "verifiers/math/lexer.hpp"

namespace rb::verifiers::math {

struct MacroInfo {
  Tok kind;
  std::string_view text;
};

/// What a plain macro (\times, \le, \pi, \alpha...) lexes to; nothing for macros the lexer
/// handles itself (\frac, \text, \begin...) and for unknown ones.
std::optional<MacroInfo> find_macro(std::string_view name);

/// Macros that lex to nothing: spacing, sizing, \left and \right, \displaystyle...
bool is_ignored_macro(std::string_view name);
/// Macros whose braced argument is lexed in place: \text, \mathrm, \mathbf, \boxed...
bool is_wrapper_macro(std::string_view name);
/// Accents that decorate a symbol: \dot{x}, \hat{y}, \vec{v}...
bool is_accent_macro(std::string_view name);
/// Canonical function name for a macro or a plain word ("arcsin", "ln", "gcd"...).
std::optional<std::string_view> function_name(std::string_view name);

enum class WordKind { function, constant_pi, list_sep, infinity, percent, degree, word, letters };

/// How a run of two or more letters (lower-cased in `lower`) is read. `letters`: a product of
/// one-letter symbols ("xy", "ab"); `word`: text or a unit ("cm", "Tuesday").
WordKind classify_word(std::string_view lower);

/// Replaces Unicode math characters by their LaTeX spelling ("−" -> "-", "π" -> "\pi",
/// "²" -> "^2", "√" -> "\usqrt"). ASCII input is returned unchanged.
std::string replace_unicode(std::string_view text);

}  // namespace rb::verifiers::math
